"""Opens a built handbook's index.html from disk in headless Chromium,
clicks the first cell of the engagement heatmap and reports where it went
and how many console errors the two pages logged.

Usage: python3 follow_heatmap.py /path/to/public/index.html
Needs Debian's chromium and chromium-driver and PyPI's selenium.
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

index = sys.argv[1]
options = Options()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get("file://" + index)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    print("index:", driver.find_element(By.TAG_NAME, "h1").text)
    link = driver.find_element(By.CSS_SELECTOR, ".heatmap svg a:has(rect)")
    print("clicked:", link.find_element(By.TAG_NAME, "title").get_attribute("textContent"))
    link.find_element(By.TAG_NAME, "rect").click()
    url = driver.current_url
    print("arrived:", "/".join(url.split("/")[-2:]))
    print("heading:", driver.find_element(By.TAG_NAME, "h1").text)
    errors += [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    for entry in errors:
        print("error:", entry["message"], file=sys.stderr)
    print("console errors:", len(errors))
finally:
    driver.quit()
