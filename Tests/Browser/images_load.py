"""Opens a built page from disk in headless Chromium and reports every
image on it: whether it loaded (naturalWidth > 0) and its size, then the
console errors.

Usage: python3 images_load.py /path/to/public/pages/page.html
Needs Debian's chromium and chromium-driver and PyPI's selenium.
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

page = sys.argv[1]
options = Options()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get("file://" + page)
    images = driver.execute_script(
        "return Array.from(document.querySelectorAll('main img')).map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0, i.naturalWidth, i.naturalHeight])")
    for src, loaded, width, height in images:
        print("image:", src, "loaded" if loaded else "NOT LOADED", "%dx%d" % (width, height))
    details = driver.execute_script("return document.querySelectorAll('main details summary').length")
    print("details:", details)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    for entry in errors:
        print("error:", entry["message"], file=sys.stderr)
    print("console errors:", len(errors))
finally:
    driver.quit()
