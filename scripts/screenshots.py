#!/usr/bin/env python3
"""Screenshots of a built handbook for docs/img: the overview, a role page and
search results, at 1280 and 360 px wide, in headless Chromium from disk.

Usage: scripts/screenshots.py PUBLIC ROLE_PATH QUERY OUT_FOLDER [PORTFOLIO_PUBLIC]
   e.g. handoff build && scripts/screenshots.py public roles/pm.html rollback docs/img

Needs Debian's chromium and chromium-driver and PyPI's selenium (scripts/setup --test).
Writes overview-<w>.png, role-<w>.png, search-<w>.png, if-someone-is-out-<w>.png
(that section of the overview), flow-map.png (the overview's flow map at 1280
px) and, given a portfolio's site, portfolio-<w>.png.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Browser"))
import chromium  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

public, role, query, out = sys.argv[1:5]
portfolio = os.path.abspath(sys.argv[5]) if len(sys.argv) > 5 else None
public = os.path.abspath(public)
os.makedirs(out, exist_ok=True)
driver = chromium.start()
try:
    for width, height in ((1280, 860), (360, 780)):
        # Headless Chromium's window is at least 500 px wide: emulate the viewport.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
        for name, path in (("overview", "index.html"), ("role", role)):
            driver.get("file://" + os.path.join(public, path))
            time.sleep(0.3)
            driver.save_screenshot(os.path.join(out, "%s-%d.png" % (name, width)))
        driver.get("file://" + os.path.join(public, "index.html"))
        section = driver.find_element(By.XPATH, "//section[h2[@id='if-someone-is-out']]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
        time.sleep(0.2)
        section.screenshot(os.path.join(out, "if-someone-is-out-%d.png" % width))
        if portfolio:
            driver.get("file://" + os.path.join(portfolio, "index.html"))
            time.sleep(0.3)
            driver.save_screenshot(os.path.join(out, "portfolio-%d.png" % width))
        if width == 1280:
            driver.get("file://" + os.path.join(public, "index.html"))
            figure = driver.find_element(By.CSS_SELECTOR, ".flowmap")
            driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", figure)
            time.sleep(0.2)
            figure.screenshot(os.path.join(out, "flow-map.png"))
        driver.get("file://" + os.path.join(public, "index.html"))
        box = driver.find_element(By.CSS_SELECTOR, "form.search input")
        box.send_keys(query)
        deadline = time.time() + 5
        while time.time() < deadline and not driver.find_elements(By.CSS_SELECTOR, ".search-results a"):
            time.sleep(0.05)
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(out, "search-%d.png" % width))
        print("%d px: overview, %s, search for '%s'" % (width, role, query))
finally:
    driver.quit()
