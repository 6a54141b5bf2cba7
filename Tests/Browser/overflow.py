"""Every page of a built site at 360, 768 and 1280 px in headless Chromium
(file://): no page is wider than the window, and no SVG is cut by its
column unless the box around it scrolls sideways.

Usage: python3 overflow.py /path/to/public [--sample N]
With --sample, every page but contracts, contexts, objects and pages, and
the first N of each of those. Prints one line per problem, then one
summary line per width.
"""
import os
import sys

import chromium

public = sys.argv[1]
sample = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--sample" else None
pages = sorted(os.path.relpath(os.path.join(d, f), public)
               for d, _, fs in os.walk(public) for f in fs
               if f.endswith(".html") and not f.startswith("."))
if sample is not None:
    kept, seen = [], {}
    for page in pages:
        kind = page.split("/")[0] if "/" in page else ""
        if kind in ("contracts", "contexts", "objects", "pages"):
            seen[kind] = seen.get(kind, 0) + 1
            if seen[kind] > sample:
                continue
        kept.append(page)
    pages = kept

CHECK = """
var problems = [];
var doc = document.documentElement;
if (doc.scrollWidth > window.innerWidth + 1) problems.push("page is " + doc.scrollWidth + "px wide");
document.querySelectorAll("main svg").forEach(function (svg) {
  if (svg.closest("svg") !== svg) return;             // nested svg
  var r = svg.getBoundingClientRect();
  if (!r.width) return;
  // The nearest box that clips: an ancestor with overflow other than visible.
  var box = svg.parentElement, clipped = false;
  while (box && box !== document.body) {
    var style = getComputedStyle(box);
    var b = box.getBoundingClientRect();
    if (r.right > b.right + 1 || r.left < b.left - 1) {
      var scrolls = /(auto|scroll)/.test(style.overflowX) && box.scrollWidth > box.clientWidth;
      if (!scrolls && style.overflowX !== "visible") { clipped = true; }
      if (scrolls) return;
    }
    box = box.parentElement;
  }
  var main = document.querySelector("main").getBoundingClientRect();
  if (clipped || r.right > Math.max(main.right, window.innerWidth) + 1) problems.push("svg " + (svg.getAttribute("class") || svg.parentElement.className) + " " + Math.round(r.width) + "px is cut");
});
return problems;
"""

driver = chromium.start()
try:
    for width in (360, 768, 1280):
        # Headless Chromium's window is at least 500 px wide: emulate the viewport.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        bad = 0
        for page in pages:
            driver.get("file://" + os.path.join(public, page))
            problems = driver.execute_script(CHECK)
            if driver.execute_script("return window.innerWidth") != width:
                problems.append("the window is not %d px wide" % width)
            for problem in problems:
                print("%d %s: %s" % (width, page, problem))
            bad += bool(problems)
        print("%dpx: %d pages, %d with a problem" % (width, len(pages), bad))
finally:
    driver.quit()
