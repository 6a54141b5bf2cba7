#!/usr/bin/env python3
"""Search's cost at scale: the size of search-index.js and of the text
shards, the overview's own bytes, and in headless Chromium (from file://)
the time from typing the first query to its results (the index and every
shard loaded), then a second query.

    search.py HANDOFF_BINARY SIZE...     (handbooks from generate.py, in /dev/shm)
"""
import os, subprocess, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Browser"))
import chromium
from selenium.webdriver.common.by import By

binary = os.path.abspath(sys.argv[1])
here = os.path.dirname(os.path.abspath(__file__))
print("| files | search-index.js KB | text shards | shards MB | overview KB | first query s | next query s | first typo s | hits |")
print("|---|---|---|---|---|---|---|---|---|")
for size in [int(a) for a in sys.argv[2:]] or [1000, 10000]:
    root = f"/dev/shm/handoff-bench-{size}"
    if not os.path.exists(root + "/content/handbook.yaml"):
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(size), root], check=True)
    subprocess.run([binary, "build", "--content", "content", "--output", "public"], cwd=root, check=True, capture_output=True)
    public = root + "/public"
    index_kb = os.path.getsize(public + "/search-index.js") / 1024
    shards = [f for f in os.listdir(public + "/search")]
    shards_mb = sum(os.path.getsize(public + "/search/" + f) for f in shards) / 1e6
    overview_kb = os.path.getsize(public + "/index.html") / 1024
    driver = chromium.start()
    try:
        driver.get("file://" + public + "/index.html")
        box = driver.find_element(By.CSS_SELECTOR, "form.search input")
        status = lambda: driver.find_element(By.ID, "hf-search-status").text
        def timed(query):
            box.clear()
            box.send_keys(" ")
            box.clear()
            while status() != "" and not status().startswith("Loading"):
                time.sleep(0.005)
            started = time.time()
            box.send_keys(query)
            while "match" not in status() and time.time() - started < 120:
                time.sleep(0.005)
            return time.time() - started, status()
        first, hits = timed("rollout")
        second, _ = timed("handoff brief")
        typo, typo_hits = timed("relase")
    finally:
        driver.quit()
    print(f"| {size} | {index_kb:.0f} | {len(shards)} | {shards_mb:.1f} | {overview_kb:.0f} | {first:.2f} | {second:.2f} | {typo:.2f} | {hits} |", flush=True)
