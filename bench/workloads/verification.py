"""Public verification page under real gunicorn (2 workers, loopback) and wrk, against the
hello-world view served by the same server and middleware (goal ≥ 60 % of its req/s, 0 errors).
wrk requests the verification pages of up to 1,000 certificates in turn (a Lua script), as shoppers
scanning different packs would."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

from bench.harness import Result

ROOT = Path(__file__).resolve().parents[2]


def run(context) -> list:
    if not shutil.which("wrk"):
        context.log("wrk not installed (apt-get install wrk): verification skipped")
        return []
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "config.wsgi:application"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        _wait(port)
        seconds = 3 if context.quick else 10
        script = _script([path for _token, path in context.dataset.tokens])
        base = f"http://127.0.0.1:{port}"
        _wrk(f"{base}/bench/hello/", 1)  # warm both workers up
        _wrk(base + context.dataset.tokens[0][1], 1, script)
        hello, hello_errors = _wrk(f"{base}/bench/hello/", seconds)
        verify, verify_errors = _wrk(base + context.dataset.tokens[0][1], seconds, script)
    finally:
        server.terminate()
        server.wait(10)
    note = (
        f"{len(context.dataset.tokens)} certificates, errors {verify_errors} (hello {hello_errors})"
    )
    return [Result("verification page, req/s", verify, hello, "req/s", "≥ 0.60×", note)]


def _wrk(url: str, seconds: int, script: str | None = None) -> tuple[float, int]:
    command = (
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency"]
        + (["-s", script] if script else [])
        + [url]
    )
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return rate, errors


def _script(paths: list[str]) -> str:
    listed = ",".join(f'"{p}"' for p in paths)
    lua = f"paths = {{{listed}}}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n" \
          f"  return wrk.format(\"GET\", paths[i])\nend\n"  # fmt: skip
    handle, name = tempfile.mkstemp(suffix=".lua")
    os.write(handle, lua.encode())
    os.close(handle)
    return name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


_ = settings
