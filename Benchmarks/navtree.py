#!/usr/bin/env python3
"""Navigation size in a docs tree: PAGES pages in FOLDERS folders (half of
them with a README as the folder's page), no front matter, built by handoff;
prints the bytes of each page's <nav> (mean, largest) and of the pages.

    navtree.py HANDOFF [PAGES] [FOLDERS]      default 1000 pages, 50 folders
"""
import os, re, shutil, statistics, subprocess, sys, tempfile

handoff = sys.argv[1]
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
folders = int(sys.argv[3]) if len(sys.argv) > 3 else 50
root = tempfile.mkdtemp(prefix="handoff-navtree-")
content = os.path.join(root, "content")
os.makedirs(os.path.join(content, "stages"))
os.makedirs(os.path.join(content, "roles"))
with open(os.path.join(content, "handbook.yaml"), "w") as f:
    f.write("title: Nav tree\nlifecycle: [discover]\n")
with open(os.path.join(content, "stages", "discover.md"), "w") as f:
    f.write("---\nname: Discover\nquestion: What?\noutput: A brief.\n---\n")
with open(os.path.join(content, "roles", "lead.md"), "w") as f:
    f.write("---\nname: Lead\npurpose: Lead.\nengagement:\n  discover: lead\n---\n")
for p in range(pages):
    folder = f"area-{p % folders:02d}"
    if p // folders == 0 and (p % folders) % 2 == 0:
        name = "README.md"
    else:
        name = f"Page {p:04d}.md"
    path = os.path.join(content, "pages", folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(f"# Page {p}\n\nSome text about topic {p}, with a [link](../area-{(p + 1) % folders:02d}/).\n")
run = subprocess.run([handoff, "build", "--content", content, "--output", os.path.join(root, "public")], capture_output=True, text=True)
if run.returncode != 0:
    print(run.stdout, run.stderr)
    sys.exit(1)
navs, sizes = [], []
for dirpath, _, names in os.walk(os.path.join(root, "public", "pages")):
    for name in names:
        if name.endswith(".html"):
            html = open(os.path.join(dirpath, name), encoding="utf-8").read()
            nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)
            navs.append(len(nav.group(0).encode()) if nav else 0)
            sizes.append(len(html.encode()))
print(f"navigation at {pages} pages in {folders} folders: {len(navs)} pages built under pages/; "
      f"<nav> {statistics.mean(navs) / 1024:.1f} KB a page on average, {max(navs) / 1024:.1f} KB at most; "
      f"pages {statistics.mean(sizes) / 1024:.1f} KB on average, {sum(sizes) / 1024 / 1024:.1f} MB in all")
shutil.rmtree(root)
