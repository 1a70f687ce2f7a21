"""The control client of the harness benchmark: the least a client can do to send the same streamed requests.

Usage: python3 plain_loop.py HOST PORT REQUESTS LANES MAX_TOKENS [MODEL]
Each of LANES threads keeps one connection and sends its share of REQUESTS to /v1/chat/completions with
stream=true, reading the SSE lines as they come (and a new connection when the server has closed it). Prints one JSON line per request: latency and TTFT in ms,
when it ended (ms since the epoch) and the llama.cpp `timings` of its last chunk when the server sent them.
JSON is parsed only after the stream has ended, off the timed path.
"""
import http.client
import json
import sys
import threading
import time

host, port, requests, lanes, max_tokens = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
model = sys.argv[6] if len(sys.argv) > 6 else "stand-in"
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
        body = json.dumps({"model": model, "messages": [{"role": "user", "content": "Tell me story %d." % n}],
                           "max_tokens": max_tokens, "temperature": 0, "stream": True})
        start = time.perf_counter()
        try:
            conn.request("POST", "/v1/chat/completions", body, {"Content-Type": "application/json"})
            resp = conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # The server closed the kept-alive connection (llama-server does after every streamed answer): once
            # more on a new one, as any client must.
            conn.close()
            conn = http.client.HTTPConnection(host, port)
            conn.request("POST", "/v1/chat/completions", body, {"Content-Type": "application/json"})
            resp = conn.getresponse()
        first = None
        last = None
        while True:
            line = resp.readline()
            if not line:
                break
            if line.startswith(b"data: [DONE]"):
                break
            if line.startswith(b"data: "):
                if first is None:
                    first = time.perf_counter()
                last = line
        resp.read()
        end = time.perf_counter()
        ended = time.time() * 1e3
        timings = None
        try:
            timings = json.loads(last[6:]).get("timings") if last else None
        except ValueError:
            pass
        with lock:
            lines.append(json.dumps({"latency_ms": (end - start) * 1e3, "ttft_ms": ((first or end) - start) * 1e3,
                                     "end_ms": ended, "timings": timings}))
    conn.close()


threads = [threading.Thread(target=lane) for _ in range(lanes)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("\n".join(lines))
