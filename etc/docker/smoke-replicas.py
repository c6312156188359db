#!/usr/bin/env python3
"""The HTTP half of smoke-test-replicas.sh: checks against two running replicas and the nginx in front of them.

Exits with the number of failed checks (0: all passed). Standard library only, so it runs wherever the shell
script does.
"""
import argparse
import glob
import html
import http.client
import json
import os
import re
import signal
import subprocess
import threading
import time
import urllib.parse
import uuid
from http.cookies import SimpleCookie

failures = 0


def ok(message):
    print(f"ok    {message}", flush=True)


def check(condition, message, detail=""):
    global failures
    if condition:
        ok(message)
    else:
        failures += 1
        print(f"FAIL  {message}{': ' + detail if detail else ''}", flush=True)
    return condition


class Client:
    """One browser: its own cookies, sent to whichever base URL a request names."""

    def __init__(self):
        self.cookies = {}

    def request(self, base, method, path, body=None, headers=None, timeout=60):
        url = urllib.parse.urlsplit(base)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, dict):
            body = json.dumps(body)
            sent["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel.value:
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
            return response.status, response.headers, content
        finally:
            connection.close()

    def form(self, base, path, fields, headers=None):
        status, _, page = self.request(base, "GET", path)
        match = re.search(r'<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)"', page) or \
            re.search(r'<input[^>]*value="([^"]+)"[^>]*name="__RequestVerificationToken"', page)
        if not match:
            raise RuntimeError(f"no antiforgery token on {path} (status {status})")
        data = dict(fields, __RequestVerificationToken=html.unescape(match.group(1)))
        sent = dict(headers or {}, **{"Content-Type": "application/x-www-form-urlencoded"})
        return self.request(base, "POST", path, urllib.parse.urlencode(data), sent)


def sql(database_url, query):
    """Rows of one query on the replicas' PostgreSQL database, through psql (values tab-separated)."""
    output = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-d", database_url, "-c", query],
                            check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in output.splitlines() if line]


def quoted(text):
    return "'" + str(text).replace("'", "''") + "'"


def follow(client, base, path):
    """A GET that follows one redirect (the id address of a module answers 301 with its friendly address)."""
    status, headers, page = client.request(base, "GET", path)
    if status in (301, 302, 308) and headers.get("Location"):
        location = urllib.parse.urlsplit(headers["Location"])
        status, headers, page = client.request(base, "GET", location.path + (f"?{location.query}" if location.query else ""))
    return status, headers, page


def letters(text):
    """Catalogue names allow letters only: digits spelled as letters keep names unique and valid."""
    return "".join(chr(ord("a") + int(c, 16) % 26) if c.isalnum() and not c.isalpha() or c in "abcdef" else c for c in str(text))


def upstreams_in_log(access_log, path_fragment, since_line=0):
    with open(access_log, encoding="utf-8") as log:
        lines = log.readlines()[since_line:]
    return {line.split()[1] for line in lines if path_fragment in line and len(line.split()) > 1}


def log_length(access_log):
    with open(access_log, encoding="utf-8") as log:
        return len(log.readlines())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--proxy", required=True)
    parser.add_argument("--replica", action="append", required=True)
    parser.add_argument("--kill-pid", type=int, required=True)
    parser.add_argument("--access-log", required=True)
    parser.add_argument("--data", required=True, help="DATA_DIR: the mail folder written with EMAIL_TO_CONSOLE")
    parser.add_argument("--database-url", required=True, help="the replicas' PostgreSQL database, for psql")
    parser.add_argument("--admin-email", required=True)
    parser.add_argument("--admin-password", required=True)
    args = parser.parse_args()
    proxy, (one, two) = args.proxy, args.replica

    # Signed in through nginx, and still signed in whichever replica answers.
    admin = Client()
    status, headers, _ = admin.form(proxy, "/Account/Login", {"Input.Email": args.admin_email, "Input.Password": args.admin_password})
    check(status == 302 and "rmm.auth" in admin.cookies, "the administrator signs in through nginx", f"status {status}")
    mark = log_length(args.access_log)
    statuses = [admin.request(proxy, "GET", "/Account/Manage/Sessions")[0] for _ in range(10)]
    served_by = upstreams_in_log(args.access_log, "/Account/Manage/Sessions", mark)
    check(statuses == [200] * 10, "10 signed-in pages through nginx: all 200, none sent back to sign in", str(statuses))
    check(len(served_by) == 2, f"nginx alternated them over both replicas ({', '.join(sorted(served_by))})")

    # A catalogue to write reviews in, created through nginx.
    suffix = letters(uuid.uuid4().hex[:8])
    status, _, body = admin.request(proxy, "POST", "/api/v1/universities",
                                    {"name": f"University of Replicas {suffix}", "shortName": "UoR", "emailDomain": f"replicas{suffix}.ac.uk", "foundedOn": "1950-01-01"})
    check(status == 201, "a university is created through nginx", f"{status} {body[:200]}")
    university = json.loads(body)["item"]["id"]
    status, _, body = admin.request(proxy, "POST", "/api/v1/courses", {"universityId": university, "name": "Scale-out", "studentType": "an operator"})
    check(status == 201, "a course is created", f"{status} {body[:200]}")
    course = json.loads(body)["item"]["id"]
    status, _, body = admin.request(proxy, "POST", "/api/v1/modules",
                                    {"universityId": university, "name": "Running Two Replicas", "code": "RR-2", "startedOn": "2020-09-01", "courseIds": [course]})
    check(status == 201, "a module is created", f"{status} {body[:200]}")
    module = json.loads(body)["item"]["id"]

    # A review written on replica 1 is on replica 2's next page, though replica 2 had cached the statistics.
    visitor = Client()
    stats = f"/api/v1/modules/{module}/stats"
    visitor.request(two, "GET", stats)
    _, cached_headers, cached = visitor.request(two, "GET", stats)
    before = json.loads(cached)["reviewCount"]
    check(cached_headers.get("Age") is not None, "replica 2 serves the module's statistics from its cache")
    status, _, body = admin.request(one, "POST", f"/api/v1/modules/{module}/reviews",
                                    {"overall": 5, "difficulty": 2, "assessment": 4, "teaching": 5, "text": "Written on replica one", "academicYear": 2024, "tags": ["Replicas"]})
    check(status == 201, "a review is written straight to replica 1", f"{status} {body[:200]}")
    _, after_headers, after = visitor.request(two, "GET", stats)
    check(json.loads(after)["reviewCount"] == before + 1 and after_headers.get("Age") is None,
          f"replica 2's next answer counts it (review count {before} -> {json.loads(after)['reviewCount']}), not from its cache")
    _, _, page = follow(visitor, two, f"/Modules/{module}")
    check("Written on replica one" in page and "<svg" in page, "replica 2's module page shows the review and its charts")
    _, _, page = follow(admin, two, f"/Modules/{module}")
    check("Written on replica one" in page, "and so does its page for the signed-in author")

    # The sign-in limit holds per client across both replicas: round-robin, each replica alone sees only half.
    mark = log_length(args.access_log)
    limited = [Client().request(proxy, "POST", "/Account/Login", "Input.Email=x",
                                {"X-Forwarded-For": "198.51.100.7", "Content-Type": "application/x-www-form-urlencoded"})[0] for _ in range(12)]
    served_by = upstreams_in_log(args.access_log, "POST /Account/Login", mark)
    check(limited[-1] == 429 and len(served_by) == 2,
          f"12 sign-in attempts from one client spread over {len(served_by)} replicas end in 429 (limit 10 in all)", str(limited))

    # A job enqueued through nginx runs once, though both replicas run the job worker.
    newcomer = f"newcomer@replicas{suffix}.ac.uk"
    # Queued mail arguments are encrypted, so the job is found by its time, not by the address in it.
    enqueued_after = sql(args.database_url, "SELECT now()")[0][0]
    status, _, _ = Client().form(proxy, "/Account/Register",
                                 {"Input.Email": newcomer, "Input.Password": "Sunny-replica-42", "Input.ConfirmPassword": "Sunny-replica-42"})
    check(status in (200, 302), "a student signs up through nginx (a confirmation mail job is enqueued)", f"status {status}")
    mails = []
    deadline = time.time() + 30
    while time.time() < deadline and not mails:
        mails = [m for m in glob.glob(os.path.join(args.data, "mail", "*.eml")) if newcomer in open(m, encoding="utf-8", errors="replace").read()]
        time.sleep(0.5)
    time.sleep(3)  # long enough for a second worker to have sent it again, had it claimed it too
    mails = [m for m in glob.glob(os.path.join(args.data, "mail", "*.eml")) if newcomer in open(m, encoding="utf-8", errors="replace").read()]
    jobs = sql(args.database_url, 'SELECT "State", "TryCount" FROM "FwBackgroundJobs" '
                                  f'WHERE "JobName" = \'Accounts.SendEmail\' AND "CreationTime" >= {quoted(enqueued_after)}')
    check(len(mails) == 1 and jobs == [("1", "1")], f"the job ran once: {len(mails)} mail written, job rows (state, tries) {jobs}")

    # kill -9 of replica 2 under a short bounded load through nginx.
    results, lock, stop = [], threading.Lock(), threading.Event()
    run_id = letters(uuid.uuid4().hex[:6])

    def reader(client, path):
        while not stop.is_set():
            started = time.time()
            try:
                status = client.request(proxy, "GET", path)[0]
            except (OSError, http.client.HTTPException) as error:
                status = f"error {error.__class__.__name__}"
            with lock:
                results.append(("read", started, time.time(), status, None))

    def writer(number):
        count = 0
        while not stop.is_set():
            count += 1
            name = f"Smoke Load {run_id} {letters(number)} {letters(count)}"
            started = time.time()
            try:
                status = admin.request(proxy, "POST", "/api/v1/universities",
                                       {"name": name, "shortName": f"L{number}{count:05d}", "emailDomain": f"load{run_id}{number}x{count}.ac.uk", "foundedOn": "1990-01-01"})[0]
            except (OSError, http.client.HTTPException) as error:
                status = f"error {error.__class__.__name__}"
            with lock:
                results.append(("write", started, time.time(), status, name))

    module_page = Client().request(proxy, "GET", f"/Modules/{module}")[1].get("Location", f"/Modules/{module}")
    module_page = urllib.parse.urlsplit(module_page).path
    signed_in_reader = Client()
    signed_in_reader.cookies = dict(admin.cookies)
    threads = [threading.Thread(target=reader, args=(signed_in_reader, module_page)),
               threading.Thread(target=reader, args=(Client(), f"/api/v1/modules/{module}/stats")),
               threading.Thread(target=reader, args=(Client(), "/")),
               threading.Thread(target=writer, args=(1,)),
               threading.Thread(target=writer, args=(2,))]
    began = time.time()
    for thread in threads:
        thread.start()
    time.sleep(3)
    killed_at = time.time()
    os.kill(args.kill_pid, signal.SIGKILL)
    time.sleep(5)
    stop.set()
    for thread in threads:
        thread.join(30)

    expected = {"read": (200,), "write": (201,)}
    failed = [r for r in results if r[3] not in expected[r[0]]]
    # A SIGKILLed process takes a moment to be torn down (here, on a loaded 2-core machine, up to a few hundred ms):
    # until the kernel has closed its listening socket, connections are still accepted into its backlog and then
    # reset, and nginx must not resend a POST it has sent. Those count as in flight; anything later must not fail.
    teardown = 0.5
    in_flight = [r for r in failed if r[1] <= killed_at + teardown]
    later = [r for r in failed if r[1] > killed_at + teardown]
    acknowledged = {r[4] for r in results if r[0] == "write" and r[3] == 201}
    present = {row[0] for row in sql(args.database_url, f'SELECT "Name" FROM "CoursesUniversities" WHERE "Name" LIKE {quoted(f"Smoke Load {run_id} %")}')}
    after_kill = [r for r in results if r[1] > killed_at]
    print(f"figures: {len(results)} requests in {killed_at - began + 5:.1f} s ({sum(r[0] == 'write' for r in results)} writes), "
          f"replica 2 killed after {killed_at - began:.1f} s; {len(failed)} failed ({len(in_flight)} in flight at the kill or sent within {teardown} s of it, {len(later)} later: "
          f"{sorted({str(r[3]) for r in failed})}); {len(after_kill)} requests after the kill; "
          f"writes acknowledged {len(acknowledged)}, present {len(present & acknowledged)}, "
          f"present though unacknowledged {len(present - acknowledged)}", flush=True)
    check(acknowledged and acknowledged <= present, "no acknowledged write is lost", f"missing {sorted(acknowledged - present)[:5]}")
    check(not later, "only requests in flight at the kill failed; nginx sent the rest to the survivor",
          "; ".join(f"{r[0]} at +{r[1] - killed_at:.3f} s: {r[3]}" for r in later[:5]))
    for r in in_flight:
        print(f"      failed in flight: {r[0]} sent at {r[1] - killed_at:+.3f} s from the kill: {r[3]}", flush=True)
    check(len(after_kill) > 20, f"the survivor kept serving: {len(after_kill)} requests after the kill")
    statuses = [Client().request(proxy, "GET", f"/api/v1/modules/{module}/stats")[0] for _ in range(6)]
    check(statuses == [200] * 6, "after the kill every request through nginx is answered", str(statuses))
    return failures


if __name__ == "__main__":
    raise SystemExit(main())
