#!/usr/bin/env python3
"""A portfolio of COUNT handbooks of SIZE files each, against one handbook of
COUNT x SIZE files: time and peak memory of `handoff check` and `handoff build`.

    Benchmarks/portfolio.py [COUNT] [SIZE] [--runs N] [--binary PATH]

Defaults: 20 handbooks of 500 files, 3 runs (medians), .build/release/handoff.
The handbooks come from Benchmarks/generate.py (the same generator as the
single-handbook benchmark), into a scratch folder that is removed at the end.
Needs GNU time (/usr/bin/time) for peak memory.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

args = [a for a in sys.argv[1:] if not a.startswith("--")]
count = int(args[0]) if args else 20
size = int(args[1]) if len(args) > 1 else 500
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
binary = os.path.abspath(sys.argv[sys.argv.index("--binary") + 1]) if "--binary" in sys.argv else \
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "handoff")
generate = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate.py")


def measure(command, cwd):
    """Median wall time (s) and the largest peak RSS (MB) over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, cwd=cwd, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("%s failed (%d):\n%s%s" % (" ".join(command), out.returncode, out.stdout[-2000:], out.stderr[-2000:]))
        seconds, kb = out.stderr.strip().splitlines()[-1].split()
        times.append(float(seconds))
        peaks.append(int(kb) / 1024)
    return statistics.median(times), max(peaks)


scratch = tempfile.mkdtemp(prefix="handoff-portfolio-")
try:
    folder = os.path.join(scratch, "portfolio")
    os.makedirs(folder)
    names = ["team-%02d" % n for n in range(count)]
    subprocess.run([sys.executable, generate, str(size), os.path.join(scratch, "one")], check=True, capture_output=True)
    for name in names:
        os.makedirs(os.path.join(folder, name))
        shutil.copytree(os.path.join(scratch, "one", "content"), os.path.join(folder, name, "content"))
    with open(os.path.join(folder, "portfolio.yaml"), "w") as f:
        f.write("title: Benchmark portfolio\nhandbooks: [%s]\nconstraints:\n  objects_agree: true\n" % ", ".join(names))
    subprocess.run([sys.executable, generate, str(count * size), os.path.join(scratch, "single")], check=True, capture_output=True)

    results = [
        ("portfolio check", measure([binary, "check"], folder)),
        ("portfolio build", measure([binary, "build", "--output", os.path.join(scratch, "out-p")], folder)),
        ("single check", measure([binary, "check"], os.path.join(scratch, "single"))),
        ("single build", measure([binary, "build", "--output", os.path.join(scratch, "out-s")], os.path.join(scratch, "single"))),
    ]
    print("%d handbooks of %d files against one of %d files (%d runs, medians; peak memory the largest):" % (count, size, count * size, runs))
    for name, (seconds, mb) in results:
        print("  %-16s %6.2f s  %6.0f MB" % (name, seconds, mb))
finally:
    shutil.rmtree(scratch, ignore_errors=True)
