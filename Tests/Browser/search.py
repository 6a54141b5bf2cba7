"""Full-text search in headless Chromium, from disk (file://) and served
under a sub-path (/docs/): each query prints its hit count, the first hits'
kinds and titles, and the first snippet with its <mark>ed words in [brackets].

Usage: python3 search.py /path/to/public
"""
import http.server
import os
import socketserver
import sys
import threading
import time

from selenium.webdriver.common.by import By

import chromium

public = sys.argv[1]


def wait(condition, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


def search(driver, query):
    box = driver.find_element(By.CSS_SELECTOR, "form.search input")
    box.clear()
    box.send_keys(query)
    status = lambda: driver.find_element(By.ID, "hf-search-status").text
    wait(lambda: "match" in status())
    hits = driver.find_elements(By.CSS_SELECTOR, ".search-results a")
    titles = [h.find_element(By.CSS_SELECTOR, ".search-kind").text.lower() + " " + h.find_element(By.TAG_NAME, "strong").text for h in hits[:3]]
    snippet = ""
    if hits:
        snippet = driver.execute_script(
            "var s = arguments[0].querySelector('.search-snippet'); var out = '';"
            "s.childNodes.forEach(function (n) { out += n.nodeName === 'MARK' ? '[' + n.textContent + ']' : n.textContent; });"
            "return out;", hits[0])
    print("%s -> %s | %s | %s" % (query, status(), "; ".join(titles), snippet))
    return hits


driver = chromium.start()
try:
    driver.get("file://" + public + "/index.html")
    # Nothing of the index is loaded before the box is used.
    print("index loaded before use:", driver.execute_script("return !!window.HANDOFF_SEARCH"))
    search(driver, "rollback")
    search(driver, "hotf")
    search(driver, "relase")
    search(driver, "telemetry handoff")
    search(driver, "zzzqx")
    print("index loaded after use:", driver.execute_script("return !!window.HANDOFF_SEARCH"))

    # Served under a sub-path: the scripts and the links start from the page's own root.
    parent = os.path.dirname(public)
    os.symlink(public, os.path.join(parent, "docs"))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=parent, **kwargs)

        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            # As GitHub Pages does: a missing path gets the site's 404.html, status 404.
            if code != 404:
                return super().send_error(code, message, explain)
            body = open(os.path.join(public, "404.html"), "rb").read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    with socketserver.TCPServer(("127.0.0.1", 0), Quiet) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        driver.get("http://127.0.0.1:%d/docs/roles/pm.html" % server.server_address[1])
        hits = search(driver, "rollback")
        print("sub-path link:", hits[0].get_attribute("href").split("/", 3)[3])
        # The 404 page, three folders deep under the sub-path: styled, and its links lead home.
        # Its own address, its probes for the site's root and the preload scanner's guesses
        # are loads that fail with 404 by design: only other console errors count there.
        for entry in chromium.severe_errors(driver):
            print("console error:", entry["message"], file=sys.stderr)
        driver.get("http://127.0.0.1:%d/docs/no/such/page.html" % server.server_address[1])
        styled = wait(lambda: driver.execute_script(
            "return [...document.styleSheets].some(s => s.href && s.href.endsWith('/docs/style.css') && s.cssRules.length > 0)"))
        home = driver.find_element(By.CSS_SELECTOR, "a.site-title").get_attribute("href").split("/", 3)[3]
        print("404 at docs/no/such/page.html: %s, styled: %s, home link: %s" % (
            driver.find_element(By.TAG_NAME, "h1").text, "yes" if styled else "no", home))
        for entry in chromium.severe_errors(driver):
            if "status of 404" not in entry["message"]:
                print("console error:", entry["message"], file=sys.stderr)
        server.shutdown()
    errors = chromium.severe_errors(driver)
    for entry in errors:
        print("console error:", entry["message"], file=sys.stderr)
finally:
    driver.quit()
