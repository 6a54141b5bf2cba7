#!/usr/bin/env python3
"""Save-to-served latency of `handoff serve` against `hugo server`.

    serve.py HANDOFF_BINARY [--edits N] SIZE...

For each size, copies the benchmark handbook of run.py (/dev/shm/handoff-
bench-SIZE, generated when missing) to a scratch folder, starts the server,
and N times appends a line with a new marker to role-0's body, timing from
the write to the first response for the role page that holds the marker
(polled every 2 ms). Hugo (default fast render) does the same on its copy.
Then a template edit (a marker appended to the role template, which
renders every page again; a quarter as many edits), `wrk -c 50 -d 10s` on a
role page of each server, and each server's peak memory (VmHWM). For handoff
also its resident memory before and after a burst of 1,000 files written
and then deleted. No assertions: figures for people to read.
"""
import os, re, shutil, socket, statistics, subprocess, sys, time, urllib.request

args = sys.argv[1:]
binary = os.path.abspath(args.pop(0))
edits = 20
if "--edits" in args:
    i = args.index("--edits")
    edits = int(args[i + 1])
    del args[i:i + 2]
sizes = [int(a) for a in args] or [1000, 10000]
here = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def wait_for(url, needle, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if needle in fetch(url):
            return True
        time.sleep(0.002)
    return False


def peak_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024


def latency(process_url, page, role_file, label, count=None, wrap=lambda m: f"\n{m}\n"):
    times = []
    for n in range(count or edits):
        marker = f"Marker{label}{n}x{time.time_ns()}"
        start = time.time()
        with open(role_file, "a") as f:
            f.write(wrap(marker))
        if not wait_for(process_url + page, marker):
            sys.exit(f"{label}: edit {n} never showed")
        times.append(time.time() - start)
        time.sleep(0.3)
    return statistics.median(times)


def replace_latency(base, page, path, label, old, new_fmt, count):
    """Median time from replacing `old` in `path` (then the previous new
    text) to `page` serving the new text: a front-matter edit."""
    times = []
    current = old
    for n in range(count):
        value = f"{label}{n}x{time.time_ns() % 100000}"
        marker = new_fmt.format(value)
        start = time.time()
        text = open(path).read()
        assert current in text, (path, current)
        with open(path, "w") as f:
            f.write(text.replace(current, marker, 1))
        if not wait_for(base + page, value):
            sys.exit(f"{label}: edit {n} never showed")
        times.append(time.time() - start)
        current = marker
        time.sleep(0.3)
    return statistics.median(times)


def wrk(url):
    out = subprocess.run(["wrk", "-c", "50", "-d", "10s", "--latency", url], capture_output=True, text=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    return (float(rps.group(1)) if rps else 0.0), (p99.group(1) if p99 else "?"), (errors.group(0) if errors else "none")


print("| files | server | body edit s | purpose edit s | rename s | template edit s | peak MB | RSS before / after a 1,000-file burst MB | wrk req/s | wrk p99 | wrk errors |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
template_edits = max(3, edits // 4)
for size in sizes:
    source = f"/dev/shm/handoff-bench-{size}"
    if not os.path.exists(source + "/content/handbook.yaml"):
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(size), source], check=True)
    scratch = f"/dev/shm/handoff-serve-{size}"
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    shutil.copytree(source + "/content", scratch + "/content")
    shutil.copytree(source + "/hugo", scratch + "/hugo")

    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=scratch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    if not wait_for(base + "/", "<html", timeout=300):
        sys.exit("handoff serve did not start")
    ours = latency(base, "/roles/role-0.html", scratch + "/content/roles/role-0.md", "handoff")
    # One role's purpose (shown on its page and where it is listed), then its
    # name (shown in every page's navigation), seen on another role's page.
    purpose = replace_latency(base, "/roles/role-0.html", scratch + "/content/roles/role-0.md", "Purpose",
                              "purpose: ", "purpose: {} ", edits)
    rename = replace_latency(base, "/roles/role-1.html", scratch + "/content/roles/role-0.md", "Renamed",
                             "name: Role 0\n", "name: Role {}\n", max(3, edits // 2))
    os.makedirs(scratch + "/templates")
    shutil.copy(os.path.join(here, "..", "templates", "role.mustache"), scratch + "/templates/role.mustache")
    time.sleep(5)  # the new templates folder renders every page once
    template = latency(base, "/roles/role-0.html", scratch + "/templates/role.mustache", "handofftpl", template_edits, lambda m: f"<p>{m}</p>\n")
    before = rss_mb(server.pid)
    for n in range(1000):
        with open(f"{scratch}/content/pages/burst-{n}.md", "w") as f:
            f.write(f"---\nname: Burst {n}\n---\nA note.\n")
    wait_for(base + "/pages/burst-999.html", "Burst 999", timeout=300)
    for n in range(1000):
        os.remove(f"{scratch}/content/pages/burst-{n}.md")
    deadline = time.time() + 300
    while time.time() < deadline and fetch(base + "/pages/burst-999.html"):
        time.sleep(0.05)
    time.sleep(2)
    after = rss_mb(server.pid)
    rps, p99, errors = wrk(base + "/roles/role-1.html")
    print(f"| {size} | handoff serve | {ours:.3f} | {purpose:.3f} | {rename:.3f} | {template:.3f} | {peak_mb(server.pid):.0f} | {before:.0f} / {after:.0f} | {rps:.0f} | {p99} | {errors} |", flush=True)
    server.terminate()
    server.wait()

    port = free_port()
    hugo = subprocess.Popen(["hugo", "server", "-s", "hugo", "--port", str(port), "--bind", "127.0.0.1", "--disableLiveReload", "--quiet"],
                            cwd=scratch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    if not wait_for(base + "/", "<", timeout=300):
        sys.exit("hugo server did not start")
    theirs = latency(base, "/roles/role-0/", scratch + "/hugo/content/roles/role-0.md", "hugo")
    # Hugo's pages have no purpose field: its body edit stands in. Its rename
    # is the title, seen in the page's own <title> (its layout lists nothing).
    hugo_rename = replace_latency(base, "/roles/role-0/", scratch + "/hugo/content/roles/role-0.md", "Renamed",
                                  'title: "role-0"', 'title: "Role {}"', max(3, edits // 2))
    template = latency(base, "/roles/role-0/", scratch + "/hugo/layouts/_default/single.html", "hugotpl", template_edits, lambda m: f"<p>{m}</p>\n")
    rps, p99, errors = wrk(base + "/roles/role-1/")
    print(f"| {size} | hugo server | {theirs:.3f} | ({theirs:.3f}) | {hugo_rename:.3f} | {template:.3f} | {peak_mb(hugo.pid):.0f} | | {rps:.0f} | {p99} | {errors} |", flush=True)
    hugo.terminate()
    hugo.wait()
    shutil.rmtree(scratch, ignore_errors=True)
