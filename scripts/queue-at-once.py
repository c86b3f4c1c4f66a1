#!/usr/bin/env python3
"""The coordinator's queue asked for many times at once, as a stranger would try it.

Signs in to a running portal as a demo coordinator (RECIPROCITY_DEMO=true ./mvnw -Prun), then asks
GET /coordinator from THREADS threads, ROUNDS times each, with the same session, and counts the pages
that came back whole, those that said part of the queue could not be read ("queue-missing"), and any
other answer. The portal reads the ledger and matching in parallel for each page; until cb2e1a3 those
reads read the page's request on other threads, and some pages lost half their queue (docs/benchmarks.md,
"The coordinator's queue asked for at once"). Python 3's standard library only.

Usage: scripts/queue-at-once.py [PORTAL=http://localhost:8080] [EMAIL=chris@demo.example] [THREADS=16] [ROUNDS=25]
"""
import http.cookiejar
import re
import sys
import threading
import urllib.parse
import urllib.request

portal = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
email = sys.argv[2] if len(sys.argv) > 2 else "chris@demo.example"
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 16
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 25

jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
login = browser.open(portal + "/coordinator")  # to identity's sign-in page, by redirects
page = login.read().decode()
csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page).group(1)
action = urllib.parse.urljoin(login.geturl(), re.search(r'<form[^>]*action="([^"]+)"', page).group(1))
form = urllib.parse.urlencode({"username": email, "password": "reciprocity-demo", "_csrf": csrf}).encode()
browser.open(action, data=form).read()
cookie = "; ".join(f"{c.name}={c.value}" for c in jar if urllib.parse.urlparse(portal).hostname in c.domain)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


plain = urllib.request.build_opener(NoRedirect)


def ask():
    request = urllib.request.Request(portal + "/coordinator", headers={"Cookie": cookie, "Accept-Language": "en"})
    try:
        with plain.open(request) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, ""


status, first = ask()
if status != 200 or 'id="queue"' not in first:
    sys.exit(f"could not sign in as {email}: /coordinator answered {status}")

counts = {"whole": 0, "queue-missing": 0, "other": 0}
lock = threading.Lock()


def one():
    for _ in range(rounds):
        status, body = ask()
        kind = "other" if status != 200 else ("queue-missing" if 'id="queue-missing"' in body else "whole")
        with lock:
            counts[kind] += 1


workers = [threading.Thread(target=one) for _ in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(f"{threads} threads x {rounds} pages: {counts}")
sys.exit(0 if counts["queue-missing"] == 0 and counts["other"] == 0 else 1)
