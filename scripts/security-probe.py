#!/usr/bin/env python3
"""Measures, against one `konbit` binary, what the outside probe of the security issue measured:
the server's memory after 160 POST /api/v1/auth/token with distinct user names of about 1 MB,
whether five failures with ADMIN from one address lock the administrator out at their own
address, and /healthz latency while 8 logged-in clients verify the log without pause for 10 s.
Run it against two builds (before and after a change) to compare them in one sitting.

usage: security-probe.py KONBIT_BINARY DATA_DIR PORT ACLED_CSV
  DATA_DIR   a scratch folder (deleted first) for the demo's database
  ACLED_CSV  e.g. `konbit gen incidents --count 12000 --seed 7 --out inc.csv`, imported into the
             demo so the log has ~12,800 entries, as the probe's had
Python's standard library only; Linux (/proc) for the memory figures."""
import http.client, json, os, shutil, subprocess, sys, threading, time, statistics

binary, data, port, csvfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
env = dict(os.environ, KONBIT_DEMO_PASSWORD="probe-password-1", KONBIT_LOG="warn")
shutil.rmtree(data, ignore_errors=True)
srv = subprocess.Popen([binary, "--data-dir", data, "demo", "--listen", f"127.0.0.1:{port}"],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
for line in srv.stdout:
    if "Press Ctrl-C" in line:
        break
imp = subprocess.run([binary, "--database", f"sqlite://{data}/konbit.db", "import", "acled", csvfile,
                      "--classification", "public"], env=env, capture_output=True, text=True)
print("import:", (imp.stdout or imp.stderr).strip().splitlines()[-1])

def req(method, path, body=None, token=None, src="127.0.0.1", timeout=60):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(src, 0))
    h = {"content-type": "application/json"}
    if token:
        h["authorization"] = "Bearer " + token
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=h)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data

def rss():
    s = open(f"/proc/{srv.pid}/status").read()
    get = lambda k: int([l for l in s.splitlines() if l.startswith(k)][0].split()[1]) // 1024
    return get("VmRSS:"), get("VmHWM:")

st, body = req("GET", "/api/v1/log/verify", token=None)
print("log length:", json.loads(body).get("length"))
tok = lambda u: json.loads(req("POST", "/api/v1/auth/token", {"username": u, "password": "probe-password-1"}, src="127.0.0.9")[1])["token"]
viewer = tok("viewer")

# 1. Memory: 160 distinct user names of about 1 MB, from one address, 8 at a time.
before = rss()
statuses = []
def flood(k):
    for i in range(20):
        name = ("N%d-%d" % (k, i)) + "x" * 1_000_000
        statuses.append(req("POST", "/api/v1/auth/token", {"username": name, "password": "x"}, src="127.0.0.2")[0])
ts = [threading.Thread(target=flood, args=(k,)) for k in range(8)]
t0 = time.time(); [t.start() for t in ts]; [t.join() for t in ts]
time.sleep(1)
after = rss()
print(f"1. memory: RSS {before[0]} MB -> {after[0]} MB (peak {after[1]} MB) after 160 megabyte names in {time.time()-t0:.1f} s; statuses {sorted(set(statuses))}")

# 2. Lockout: five failures for ADMIN from 127.0.0.3, then the admin from 127.0.0.1.
for _ in range(5):
    req("POST", "/api/v1/auth/token", {"username": "ADMIN", "password": "x"}, src="127.0.0.3")
s_other = req("POST", "/api/v1/auth/token", {"username": "admin", "password": "probe-password-1"}, src="127.0.0.3")[0]
s_admin = req("POST", "/api/v1/auth/token", {"username": "admin", "password": "probe-password-1"}, src="127.0.0.1")[0]
print(f"2. lockout: the admin from the attacker's address {s_other}, from their own {s_admin}")

# 6. /healthz while 8 logged-in clients verify the log continuously for 10 s.
stop = time.time() + 10
verifies, lat, errors = [], [], []
def verify():
    while time.time() < stop:
        t = time.time(); s, _ = req("GET", "/api/v1/log/verify", token=viewer)
        verifies.append(time.time() - t)
        if s != 200: errors.append(s)
def health():
    while time.time() < stop:
        t = time.time(); req("GET", "/healthz"); lat.append(time.time() - t); time.sleep(0.02)
ts = [threading.Thread(target=verify) for _ in range(8)] + [threading.Thread(target=health)]
[t.start() for t in ts]; [t.join() for t in ts]
q = statistics.quantiles(lat, n=100)
print(f"6. verify: {len(verifies)} verifications in 10 s by 8 clients (mean {1000*statistics.mean(verifies):.1f} ms, errors {sorted(set(errors))}); "
      f"/healthz p50 {1000*q[49]:.1f} ms, p95 {1000*q[94]:.1f} ms, max {1000*max(lat):.1f} ms over {len(lat)} calls")
srv.terminate(); srv.wait()
