"""The control client of the harness benchmark: the least a client can do to send the same streamed requests.

Usage: python3 plain_loop.py HOST PORT REQUESTS LANES MAX_TOKENS
Each of LANES threads keeps one connection and sends its share of REQUESTS to /v1/chat/completions with
stream=true, reading the SSE lines as they come; prints one line per request: latency and TTFT in ms.
"""
import http.client
import json
import sys
import threading
import time

host, port, requests, lanes, max_tokens = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
lock = threading.Lock()
counter = [0]
lines = []


def lane():
    conn = http.client.HTTPConnection(host, port)
    while True:
        with lock:
            if counter[0] >= requests:
                break
            counter[0] += 1
            n = counter[0]
        body = json.dumps({"model": "stand-in", "messages": [{"role": "user", "content": "Tell me story %d." % n}],
                           "max_tokens": max_tokens, "temperature": 0, "stream": True})
        start = time.perf_counter()
        conn.request("POST", "/v1/chat/completions", body, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        first = None
        while True:
            line = resp.readline()
            if not line:
                break
            if line.startswith(b"data: ") and first is None:
                first = time.perf_counter()
            if line.startswith(b"data: [DONE]"):
                break
        resp.read()
        end = time.perf_counter()
        with lock:
            lines.append("%.3f %.3f" % ((end - start) * 1e3, ((first or end) - start) * 1e3))
    conn.close()


threads = [threading.Thread(target=lane) for _ in range(lanes)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("\n".join(lines))
