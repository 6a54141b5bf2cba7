"""Opens a built handbook's index.html from disk in headless Chromium,
clicks the first cell of the engagement heatmap (a role's column) and reports where it went
and how many console errors the two pages logged.

Usage: python3 follow_heatmap.py /path/to/public/index.html
Needs Debian's chromium and chromium-driver and PyPI's selenium.
"""
import sys

from selenium.webdriver.common.by import By

import chromium

index = sys.argv[1]
driver = chromium.start()
try:
    driver.get("file://" + index)
    errors = chromium.severe_errors(driver)
    print("index:", driver.find_element(By.TAG_NAME, "h1").text)
    link = driver.find_element(By.CSS_SELECTOR, ".heatmap svg a:has(use)")
    print("clicked:", link.find_element(By.TAG_NAME, "title").get_attribute("textContent"))
    link.find_element(By.TAG_NAME, "use").click()
    url = driver.current_url
    print("arrived:", "/".join(url.split("/")[-2:]))
    print("heading:", driver.find_element(By.TAG_NAME, "h1").text)
    errors += chromium.severe_errors(driver)
    for entry in errors:
        print("error:", entry["message"], file=sys.stderr)
    print("console errors:", len(errors))
finally:
    driver.quit()
