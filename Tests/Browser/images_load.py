"""Opens a built page from disk in headless Chromium and reports every
image on it: whether it loaded (naturalWidth > 0) and its size, then the
console errors.

Usage: python3 images_load.py /path/to/public/pages/page.html
Needs Debian's chromium and chromium-driver and PyPI's selenium.
"""
import sys

import chromium

page = sys.argv[1]
driver = chromium.start()
try:
    driver.get("file://" + page)
    images = driver.execute_script(
        "return Array.from(document.querySelectorAll('main img')).map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0, i.naturalWidth, i.naturalHeight])")
    for src, loaded, width, height in images:
        print("image:", src, "loaded" if loaded else "NOT LOADED", "%dx%d" % (width, height))
    details = driver.execute_script("return document.querySelectorAll('main details summary').length")
    print("details:", details)
    errors = chromium.severe_errors(driver)
    for entry in errors:
        print("error:", entry["message"], file=sys.stderr)
    print("console errors:", len(errors))
finally:
    driver.quit()
