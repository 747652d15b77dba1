"""Load-test `decline serve` on loopback: 8 connections for 10 s from a second process.

The server runs in one subprocess (uvicorn, as `decline serve` runs it); the load comes
from another, with 8 threads each holding one keep-alive connection and posting the bench
letters in turn to `POST /api/v1/review` and then to `POST /v2/check`. Each figure is
measured in this run: requests per second, the 99th-percentile latency and the errors.

Run alone: `.venv/bin/python benchmarks/bench_web.py`.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus" / "letters.jsonl"
CONNECTIONS = 8
SECONDS = 10.0
HOST = "127.0.0.1"  # loopback only, always
# What a plain `pip install decline` runs: uvicorn's pure-Python HTTP parser and asyncio's
# own event loop (httptools and uvloop are not dependencies; with them it is faster).
STACK = ("h11", "asyncio")

Row = tuple[str, float, float, str]

SERVER = """
import sys, uvicorn
from pathlib import Path
from decline.web import create_app, server
app = create_app(Path(sys.argv[1]))
http = server.protocol(base=sys.argv[3])  # decline serve's limits, on the chosen parser
uvicorn.Server(server.config(app, "127.0.0.1", int(sys.argv[2]), http=http, loop=sys.argv[4],
                             access_log=False)).run()
"""


def _letters() -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
    return [row["text"] for row in rows]


def _bodies(path: str) -> tuple[str, list[bytes]]:
    letters = _letters()
    if path == "/api/v1/review":
        return "application/json", [json.dumps({"text": t}).encode() for t in letters]
    form = [urlencode({"text": t, "language": "auto"}).encode() for t in letters]
    return "application/x-www-form-urlencoded", form


def load(port: int, path: str, seconds: float) -> dict[str, float]:
    """Drive the server from this process; return count, errors and p99 latency (ms)."""
    content_type, bodies = _bodies(path)
    latencies: list[list[float]] = [[] for _ in range(CONNECTIONS)]
    errors = [0] * CONNECTIONS
    stop = time.perf_counter() + seconds

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        mine = latencies[index]
        turn = index
        while time.perf_counter() < stop:  # bounded: the loop ends with the time box
            body = bodies[turn % len(bodies)]
            turn += 1
            started = time.perf_counter()
            try:
                connection.request(
                    "POST", path, body, {"Content-Type": content_type, "Host": f"{HOST}:{port}"}
                )
                answer = connection.getresponse()
                answer.read()
                if answer.status != 200:
                    errors[index] += 1
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
            mine.append(time.perf_counter() - started)
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONNECTIONS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    every = sorted(value for mine in latencies for value in mine)
    p99 = every[min(len(every) - 1, int(len(every) * 0.99))] if every else float("inf")
    return {
        "count": len(every),
        "per_second": len(every) / elapsed,
        "p99_ms": p99 * 1000,
        "errors": sum(errors),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_listening(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server stopped before listening")
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the server did not start listening within 30 s")


def _warm(port: int) -> None:
    """Compile the lexicons once, as a long-running server has."""
    for path in ("/api/v1/review", "/v2/check"):
        content_type, bodies = _bodies(path)
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        for body in bodies[:20]:
            connection.request("POST", path, body, {"Content-Type": content_type})
            connection.getresponse().read()
        connection.close()


def run() -> list[Row]:
    """Measure both endpoints; return rows for `benchmarks/bench.py`."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        port = _free_port()
        env = {**os.environ, "DECLINE_CONFIG": str(Path(folder) / "none.toml")}
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(Path(folder) / "bench.db"), str(port), *STACK],
            env=env,
        )
        try:
            _wait_until_listening(port, server)
            _warm(port)
            for label, path in (("web review", "/api/v1/review"), ("web /v2/check", "/v2/check")):
                driver = subprocess.run(
                    [sys.executable, __file__, "load", str(port), path, str(SECONDS)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=env,
                )
                result = json.loads(driver.stdout)
                rows += [
                    (f"{label}, 8 connections, requests/s", result["per_second"], 500, "≥"),
                    (f"{label}, 8 connections, p99 ms", result["p99_ms"], 50, "≤"),
                    (f"{label}, 8 connections, errors", result["errors"], 0, "≤"),
                ]
        finally:
            server.terminate()
            server.wait(timeout=10)
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "load":
        print(json.dumps(load(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]))))
    else:
        for label, value, budget, direction in run():
            print(f"{label:<45} {value:>10.1f}  {direction} {budget:g}")
