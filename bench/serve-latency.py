#!/usr/bin/env python3
"""Measures casebook serve's edit-to-reload latency: opens the live-reload channel, then EDITS
times appends a sentence to one article and waits for the next `version` event. Prints each
latency and the median and worst, in milliseconds. Loopback only.

Usage: serve-latency.py URL_OF_EVENTS ARTICLE_FILE [EDITS] [PAUSE_SECONDS]
"""
import statistics
import sys
import threading
import time
import urllib.request

events_url, article = sys.argv[1], sys.argv[2]
edits = int(sys.argv[3]) if len(sys.argv) > 3 else 20
pause = float(sys.argv[4]) if len(sys.argv) > 4 else 2.0

arrivals = []
seen = threading.Condition()


def listen():
    with urllib.request.urlopen(events_url, timeout=600) as stream:
        event = None
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "version":
                with seen:
                    arrivals.append(time.monotonic())
                    seen.notify_all()


threading.Thread(target=listen, daemon=True).start()
time.sleep(1.0)  # the first event (the current version) arrives on connect
with seen:
    start_count = len(arrivals)

latencies = []
for i in range(edits):
    with seen:
        before = len(arrivals)
    with open(article, "a", encoding="utf-8") as f:
        f.write("\nEdit %d of the latency benchmark.\n" % i)
    saved = time.monotonic()
    with seen:
        if not seen.wait_for(lambda: len(arrivals) > before, timeout=30):
            print("edit %d: no reload event within 30 s" % i)
            sys.exit(1)
        latency = (arrivals[before] - saved) * 1000
    latencies.append(latency)
    print("edit %2d: %.0f ms" % (i, latency))
    time.sleep(pause)

print("median %.0f ms, worst %.0f ms over %d edits" % (statistics.median(latencies), max(latencies), len(latencies)))
