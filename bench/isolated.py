"""Run a bench module that builds its own data (bench/api.py, bench/dashboards.py,
bench/search.py) in a child process on a throwaway test database of the same engine, and return
its figures as (workload, ocop, baseline) triples. The national data set of bench/run stays as it
is; the child inherits DATABASE_URL (PostgreSQL) or gets a temporary SQLite file."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
spec = json.loads(sys.argv[2])
import django
django.setup()
from django.conf import settings
from django.test.utils import get_runner
runner = get_runner(settings)(verbosity=0, interactive=False)
old = runner.setup_databases()
try:
    module = importlib.import_module(spec["module"])
    for name, value in spec.get("attrs", {}).items():
        setattr(module, name, value)
    for name, args in spec.get("setup", []):
        getattr(module, name)(*args)
    lines = getattr(module, spec["measure"])(**spec.get("kwargs", {}))
    print("RESULT " + json.dumps([list(line) for line in lines]), flush=True)
finally:
    runner.teardown_databases(old)
"""


def run_isolated(spec: dict, log) -> list[tuple[str, float, float]]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "OCOP_DATA_DIR": tempfile.mkdtemp(prefix="ocop-bench-child-"),
        "OCOP_SECRET_KEY": "bench",
    }
    log(f"{spec['module']}: building its own data set in a child process")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), json.dumps(spec)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    found = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not found:
        raise RuntimeError(
            f"{spec['module']} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )
    return [tuple(item) for item in json.loads(found[-1][7:])]
