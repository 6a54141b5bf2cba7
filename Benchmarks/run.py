#!/usr/bin/env python3
"""Times handoff check, handoff build and Hugo on synthetic handbooks.

    run.py HANDOFF_BINARY [--runs N] [--cores 1,2] SIZE...

For each size it generates the handbook (generate.py) into /dev/shm (tmpfs:
the ext4 disk here makes wall times swing 2x), then runs each command N times
and prints medians, the ratios to Hugo, pages per second and peak memory
(Maximum resident set size from /usr/bin/time -v). Also the rebuild time
after editing one role. With --cores, everything runs again pinned to each
number of cores (taskset), and the part of handoff's build and Hugo's that
does not parallelise is fitted from T(n) = serial + parallel / n. No
assertions: figures for people to read.
"""
import os, re, shutil, statistics, subprocess, sys

args = sys.argv[1:]
binary = os.path.abspath(args.pop(0))
runs = 5
if "--runs" in args:
    i = args.index("--runs")
    runs = int(args[i + 1])
    del args[i:i + 2]
cores = [None]
if "--cores" in args:
    i = args.index("--cores")
    cores = [int(c) for c in args[i + 1].split(",")]
    del args[i:i + 2]
sizes = [int(a) for a in args] or [1000, 10000]
here = os.path.dirname(os.path.abspath(__file__))

pin = []

def timed(command, cwd):
    """Wall seconds and peak RSS in MB of one run."""
    result = subprocess.run(pin + ["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return seconds, rss, result.stdout

def measure(command, cwd, before=None):
    times, peaks, out = [], [], ""
    for _ in range(runs):
        if before: before()
        t, m, out = timed(command, cwd)
        times.append(t)
        peaks.append(m)
    return statistics.median(times), max(peaks), out

rows = []
for count in cores:
  pin = [] if count is None else ["taskset", "-c", ",".join(str(c) for c in range(count))]
  for size in sizes:
      root = f"/dev/shm/handoff-bench-{size}"
      if not os.path.exists(root + "/content/handbook.yaml"):
          shutil.rmtree(root, ignore_errors=True)
          subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(size), root], check=True)
      md_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root + "/content") for f in fs)
      check, check_mem, check_out = measure([binary, "check", "--content", "content"], root)
      build, build_mem, build_out = measure([binary, "build", "--content", "content", "--output", "public"], root)
      pages = int(re.search(r"built (\d+) pages", build_out).group(1))
      hugo, hugo_mem, _ = measure(["hugo", "--quiet", "-s", "hugo", "-d", root + "/hugo-public"], root,
                                  before=lambda: shutil.rmtree(root + "/hugo-public", ignore_errors=True))
      # Rebuild after editing one role's body.
      role = root + "/content/roles/role-0.md"
      original = open(role).read()
      with open(role, "a") as f:
          f.write("\nOne more line.\n")
      rebuild, _, _ = measure([binary, "build", "--content", "content", "--output", "public"], root)
      with open(role, "w") as f:
          f.write(original)
      rows.append((count, size, pages, md_bytes, check, check_mem, build, build_mem, hugo, hugo_mem, rebuild))
      print(f"size {size}: {check_out.strip().splitlines()[-1]}", file=sys.stderr)

print(f"\nMedians of {runs} runs, output on tmpfs, {os.cpu_count()} cores.\n")
print("| cores | files | pages | MB | check s | build s | Hugo s | check/Hugo | build/Hugo | pages/s | build peak MB | Hugo peak MB | mem ratio | check peak MB | rebuild s |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for count, size, pages, md, check, cm, build, bm, hugo, hm, rebuild in rows:
    print(f"| {count or os.cpu_count()} | {size} | {pages} | {md / 1e6:.1f} | {check:.2f} | {build:.2f} | {hugo:.2f} | {check / hugo:.3f} | {build / hugo:.2f} | "
          f"{pages / build:.0f} | {bm:.0f} | {hm:.0f} | {bm / hm:.2f} | {cm:.0f} | {rebuild:.2f} |")
# T(n) = serial + parallel / n from the first two core counts.
if len(cores) >= 2 and None not in cores:
    a, b = cores[0], cores[1]
    for size in sizes:
        ra = next(r for r in rows if r[0] == a and r[1] == size)
        rb = next(r for r in rows if r[0] == b and r[1] == size)
        for name, index in (("handoff build", 6), ("Hugo", 8), ("handoff check", 4)):
            ta, tb = ra[index], rb[index]
            parallel = (ta - tb) / (1 / a - 1 / b)
            serial = ta - parallel / a
            print(f"{size} files, {name}: serial {serial:.2f} s, parallel {parallel:.2f} s (fitted from {a} and {b} cores)")
