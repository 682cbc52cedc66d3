#!/usr/bin/env python3
"""Posts hires at a steady rate, for measuring `jobmap backup` under writes (BENCHMARKS.md).

usage: hire_load.py BASE_URL LOGIN PASSWORD CONTRACT_ID HIRE_DATE RATE SECONDS
Each hire is an employment-center hire (rule 2 always allows it) of a new worker: women born
1940-1964 (sex digit 4), whom neither the seed nor the CSV import uses. Prints the hires
accepted, refused and the rate reached.
"""
import http.cookiejar
import re
import sys
import threading
import time
import urllib.parse
import urllib.request

base, login, password, contract, day, rate, seconds = sys.argv[1:8]
rate, seconds = float(rate), float(seconds)
THREADS = 8


def check_digit(d11):
    def weighted(w):
        return sum(int(d11[i]) * w[i] for i in range(11)) % 11
    s = weighted(list(range(1, 12)))
    if s == 10:
        s = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
    return None if s == 10 else s


def iins(offset):
    n = offset
    while True:
        d = n % 8400
        serial = (n // 8400) % 10000
        year = 1940 + d // 336
        d11 = "%02d%02d%02d4%04d" % (year % 100, 1 + (d % 336) // 28, 1 + d % 28, serial)
        n += THREADS
        c = check_digit(d11)
        if c is not None:
            yield d11 + str(c)


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def token(path):
    html = opener.open(base + path).read().decode()
    return re.search(r'name="csrf_token" value="([^"]*)"', html).group(1)


opener.open(base + "/login", urllib.parse.urlencode(
    {"csrf_token": token("/login"), "login": login, "password": password}).encode())
csrf = token("/contracts/%s/jobs/new" % contract)
counts = {"ok": 0, "refused": 0}
lock = threading.Lock()
start = time.monotonic()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


poster = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def work(k):
    gen = iins(k + 7_000_000)
    i = 0
    while True:
        due = start + (i * THREADS + k) / rate
        if due - start > seconds:
            return
        time.sleep(max(0.0, due - time.monotonic()))
        body = urllib.parse.urlencode({
            "csrf_token": csrf, "iin": next(gen), "full_name": "Load Worker",
            "home_settlement": "Uralsk", "position": "Mason", "hire_date": day,
            "kind": "temporary", "channel": "employment_center",
            "referral_number": "LOAD-%d-%d" % (k, i), "referral_date": day,
            "monthly_wage_tenge": "150000"}).encode()
        try:
            poster.open(base + "/contracts/%s/jobs" % contract, body)
            status = 200
        except urllib.error.HTTPError as e:
            status = e.code
        with lock:
            counts["ok" if status == 303 else "refused"] += 1
        i += 1


threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
took = time.monotonic() - start
print("hires accepted %d, refused %d, %.1f per second over %.1f s"
      % (counts["ok"], counts["refused"], counts["ok"] / took, took))
