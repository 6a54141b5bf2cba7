#!/usr/bin/env python3
"""handoff serve in a headless Chromium: usage: live_preview.py URL CONTENT_FOLDER

Opens a served role page (architect), edits the role's purpose and waits for
the new text to show without a manual reload; mistypes a consumed context and
waits for the overlay; fixes it and waits for the overlay to go."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium  # noqa: E402

url, content = sys.argv[1], sys.argv[2]
role = os.path.join(content, "roles", "architect.md")


def wait(condition, what, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if condition():
                return
        except Exception:
            pass
        time.sleep(0.1)
    print("timed out waiting for " + what)
    sys.exit(1)


def rewrite(old, new):
    with open(role, encoding="utf-8") as f:
        text = f.read()
    assert old in text, old
    with open(role, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


driver = chromium.start()
try:
    driver.get(url)
    wait(lambda: driver.execute_script("return document.getElementById('handoff-live') !== null"), "the live script")
    time.sleep(0.5)  # the event stream connects
    rewrite("purpose: ", "purpose: Reviewed live in the preview. ")
    wait(lambda: "Reviewed live in the preview." in driver.find_element("tag name", "main").text, "the edit")
    print("edit shown without a manual reload")

    rewrite("  - context: problem-brief\n", "  - context: problem-brif\n")
    wait(lambda: driver.find_element("id", "handoff-overlay").is_displayed(), "the overlay")
    text = driver.find_element("id", "handoff-overlay").text
    line = next(l for l in text.splitlines() if "orphaned-context-in" in l)
    print("overlay: " + line.strip())

    rewrite("  - context: problem-brif\n", "  - context: problem-brief\n")
    wait(lambda: len(driver.find_elements("id", "handoff-overlay")) == 0
         and "Reviewed live in the preview." in driver.find_element("tag name", "main").text, "the overlay to go")
    print("overlay gone after the fix")
finally:
    driver.quit()
