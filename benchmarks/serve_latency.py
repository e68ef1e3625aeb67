#!/usr/bin/env python3
"""How long a saved change takes to reach the browser in `pejling serve`.

    python3 benchmarks/serve_latency.py PEJLING CONTENT_DIR [RUNS [OUT_FILE]]

Starts `PEJLING serve` on CONTENT_DIR (a generated corpus: the file is changed and put
back, so use a scratch copy), listens on the page's live-reload event stream as the
browser does, then appends a sentence to the first municipality's analyse.md and times
until the new page text can be fetched: the save → event → fetch that an open preview
goes through. Prints one line per run and the median, in milliseconds, and the server's
own rebuild time for each change; with OUT_FILE, writes the median there (benchmarks/run.sh
reads it). Standard library only.
"""

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


class EventStream:
    """A raw server-sent-events reader: puts (arrival time, event, data) on a list."""

    def __init__(self, port: int, path: str):
        self.events: list[tuple[float, str, str]] = []
        self.lock = threading.Lock()
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(
            f"GET /_pejling/events?path={path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
        threading.Thread(target=self.read, daemon=True).start()

    def read(self) -> None:
        buffer = b""
        event, data = "message", ""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                text = line.decode("utf-8", "replace").rstrip("\r")
                if text.startswith("event:"):
                    event = text[6:].strip()
                elif text.startswith("data:"):
                    data = text[5:].strip()
                elif text == "" and data:
                    with self.lock:
                        self.events.append((time.monotonic(), event, data))
                    event, data = "message", ""

    def builds_after(self, moment: float) -> list[tuple[float, dict]]:
        with self.lock:
            return [(at, json.loads(data)) for at, event, data in self.events if event == "build" and at >= moment]


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, content = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    out_file = sys.argv[4] if len(sys.argv) > 4 else None
    slugs = sorted(os.listdir(os.path.join(content, "kommuner")))
    slug = slugs[0]
    analysis = os.path.join(content, "kommuner", slug, "analyse.md")
    original = open(analysis, encoding="utf-8").read()
    port = free_port()
    log: list[str] = []
    server = subprocess.Popen([binary, "serve", "--content", content, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
    try:
        started = time.monotonic()
        while True:
            try:
                status = json.loads(get(f"http://127.0.0.1:{port}/_pejling/status", timeout=2))
                if status.get("built", True) and f"{slug}/index.html" in get(f"http://127.0.0.1:{port}/", timeout=60):
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() - started > 300:
                print("pejling serve did not start:\n" + "".join(log[-20:]), file=sys.stderr)
                return 1
            time.sleep(0.2)
        print(f"serve ready on {len(slugs)} municipalities after {time.monotonic() - started:.1f} s")
        stream = EventStream(port, f"/{slug}/")
        time.sleep(1.0)
        took: list[float] = []
        for run in range(runs):
            sentence = f"Pejlingens måling af ventetiden nummer {run} {time.time_ns()}."
            before = time.monotonic()
            with open(analysis, "w", encoding="utf-8") as handle:
                handle.write(original + "\n" + sentence + "\n")
            while True:
                if stream.builds_after(before):
                    page = get(f"http://127.0.0.1:{port}/{slug}/")
                    if sentence in page:
                        break
                if time.monotonic() - before > 60:
                    print("no change seen within 60 s:\n" + "".join(log[-20:]), file=sys.stderr)
                    return 1
                time.sleep(0.002)
            took.append((time.monotonic() - before) * 1000)
            print(f"run {run + 1}: {took[-1]:.0f} ms from save to the new page fetched")
            time.sleep(1.0)
        rebuilds = [line.strip() for line in log if "rebuilt" in line.lower() or "built" in line.lower()]
        for line in rebuilds[-runs:]:
            print(f"  server: {line}")
        print(f"median: {statistics.median(took):.0f} ms (min {min(took):.0f}, max {max(took):.0f}) over {runs} changes")
        if out_file:
            with open(out_file, "w", encoding="utf-8") as handle:
                handle.write(f"{statistics.median(took):.1f}\n")
        return 0
    finally:
        with open(analysis, "w", encoding="utf-8") as handle:
            handle.write(original)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
