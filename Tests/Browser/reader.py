"""The reader's handbook in headless Chromium, from disk (file://):

1. searches from the overview and follows the first hit with the keyboard;
2. clicks the first edge of the flow map and lands on a context page;
3. at 360x740, reaches a role page through the navigation;
4. prints handbook.html to PDF and counts its pages;
5. runs axe-core (PyPI's axe-selenium-python) on the overview, a role page,
   a contract page and the printable handbook, in light and dark colour
   schemes, and lists every serious or critical violation.

Usage: python3 reader.py /path/to/public QUERY ROLE_NAME CONTRACT_PATH
Needs Debian's chromium and chromium-driver, and PyPI's selenium and
axe-selenium-python. Prints one line per finding, for the test to compare.
"""
import base64
import re
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import chromium

public, query, role_name, contract = sys.argv[1:5]


def url(path):
    return "file://" + public + "/" + path


def arrived(driver):
    return "/".join(driver.current_url.split("/")[-2:]) + " — " + driver.find_element(By.TAG_NAME, "h1").text


def wait(condition, seconds=5):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


driver = chromium.start()
try:
    # 1. Search.
    driver.get(url("index.html"))
    box = driver.find_element(By.CSS_SELECTOR, "form.search input")
    box.send_keys(query)
    hits = wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".search-results a"))
    first = hits[0].find_element(By.TAG_NAME, "strong").text
    kind = hits[0].find_element(By.CSS_SELECTOR, ".search-kind").text
    print("search:", query, "->", len(hits), "hits, first:", kind.lower(), first)
    box.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(lambda: not driver.current_url.endswith("index.html"))
    print("followed:", arrived(driver))

    # 2. The flow map: the first edge's line.
    driver.get(url("index.html"))
    edge = driver.find_element(By.CSS_SELECTOR, ".flowmap svg g.edge a path")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", edge)
    href = driver.execute_script("return arguments[0].closest('a').href.baseVal", edge)
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))", edge)
    wait(lambda: not driver.current_url.endswith("index.html"))
    print("flow map edge:", href, "->", arrived(driver))

    # 3. A phone-sized window: the navigation still leads to a role.
    driver.set_window_size(360, 740)
    driver.get(url("index.html"))
    width = driver.execute_script("return document.documentElement.scrollWidth")
    driver.find_element(By.CSS_SELECTOR, "a.menu-link").click()
    link = driver.find_element(By.XPATH, "//nav[@class='site-nav']//a[normalize-space()='%s']" % role_name)
    link.click()
    wait(lambda: "/roles/" in driver.current_url)
    print("at 360px (page width %dpx): nav ->" % width, arrived(driver))
    driver.set_window_size(1280, 1000)

    # 4. The printable handbook as a PDF.
    driver.get(url("handbook.html"))
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    print("handbook.html printed:", "more than one page" if pages > 1 else "%d page" % pages)

    # 5. axe-core, light and dark.
    from axe_selenium_python import Axe
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for path in ("index.html", "roles/pm.html", contract, "handbook.html"):
            driver.get(url(path))
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            severe = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
            for v in severe:
                print("axe %s %s: %s (%s) on %d elements: %s" % (scheme, path, v["id"], v["impact"], len(v["nodes"]),
                                                                  v["nodes"][0]["target"]), file=sys.stderr)
            print("axe %s %s: %d serious or critical" % (scheme, path, len(severe)))
    errors = chromium.severe_errors(driver)
    for entry in errors:
        print("console error:", entry["message"], file=sys.stderr)
finally:
    driver.quit()
