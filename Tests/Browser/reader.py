"""The reader's handbook in headless Chromium, from disk (file://):

1. searches from the overview and follows the first hit with the keyboard;
2. clicks the first edge of the flow map and lands on a context page;
3. at 360x740, reaches a role page through the navigation;
4. prints handbook.html to PDF and counts its pages;
5. reads a page with code and a task list: the "On this page" list, a
   heading's anchor shown on hover and on keyboard focus (and hidden
   otherwise), the code's Copy button and highlighting, task items without
   bullets;
6. runs axe-core (PyPI's axe-selenium-python) on a page of every kind (the
   first file of each kind's folder, the overview, the glossary, the
   printable handbook and the 404 page), in light and dark colour schemes,
   and lists every serious or critical violation.

Usage: python3 reader.py /path/to/public QUERY ROLE_NAME CONTRACT_PATH CODE_PAGE
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

public, query, role_name, contract, code_page = sys.argv[1:6]


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

    # 5. Reading comforts.
    from selenium.webdriver.common.action_chains import ActionChains
    driver.get(url(code_page))
    toc = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav.toc a")]
    print("on this page:", ", ".join(toc) if toc else "none")
    heading = driver.find_elements(By.CSS_SELECTOR, "#main h2")[0]
    anchor = heading.find_element(By.CSS_SELECTOR, "a.anchor")
    shown = "return getComputedStyle(arguments[0], '::before').opacity"
    ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
    idle = driver.execute_script(shown, anchor)
    ActionChains(driver).move_to_element(heading).perform()
    hovered = driver.execute_script(shown, anchor)
    ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
    driver.execute_script("arguments[0].focus()", anchor)
    focused = driver.execute_script(shown, anchor)
    size = anchor.size
    print("anchor of '%s': opacity %s, on hover %s, on focus %s, %s, label '%s'" % (
        heading.text, idle, hovered, focused, "visible box" if size["height"] > 0 and size["width"] > 0 else "no box",
        anchor.get_attribute("aria-label")))
    code = driver.find_element(By.CSS_SELECTOR, "pre > code")
    highlighted = wait(lambda: code.find_elements(By.CSS_SELECTOR, "span[class^=hljs-]"))
    button = driver.find_element(By.CSS_SELECTOR, "pre > button.copy")
    before = button.text
    button.click()
    after = wait(lambda: button.text if button.text != before else None, 2)
    print("code: %s, highlighted spans: %s, copy button: %s -> %s" % (
        code.get_attribute("class"), "yes" if highlighted else "no", before, after))
    bullets = {driver.execute_script("return getComputedStyle(arguments[0]).listStyleType", li)
               for li in driver.find_elements(By.XPATH, "//li[input[@type='checkbox']]")}
    print("task items' bullets:", ", ".join(sorted(bullets)))

    # 6. axe-core, light and dark, on a page of every kind.
    import os
    kinds = ["index.html"]
    for folder in ("roles", "stages", "contracts", "contexts", "objects", "pages"):
        names = sorted(n for n in os.listdir(os.path.join(public, folder)) if n.endswith(".html")) if os.path.isdir(os.path.join(public, folder)) else []
        if names:
            kinds.append(folder + "/" + names[0])
    kinds += [contract, "glossary.html", "handbook.html", "404.html"]
    from axe_selenium_python import Axe
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for path in kinds:
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
