"""bench/run's Python side: one database per process (bench/run starts one for SQLite and, with
DATABASE_URL, one for PostgreSQL). Builds or reuses the data set, runs every workload module in
bench/workloads/ (or those named with --only), prints one line per workload."""

import argparse
import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", default=[], help="workload modules to run")
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection

    from bench import dataset, workloads
    from bench.harness import Context, line

    database = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    started = time.perf_counter()
    data = dataset.ensure("quick" if args.quick else "full", log)
    log(f"data set ready in {time.perf_counter() - started:.0f} s")
    context = Context(database=database, quick=args.quick, dataset=data, log=log)
    names = sorted(m.name for m in pkgutil.iter_modules(workloads.__path__))
    for name in names:
        if args.only and name not in args.only:
            continue
        module = importlib.import_module(f"bench.workloads.{name}")
        for result in module.run(context):
            print(line(result, database), flush=True)


if __name__ == "__main__":
    main()
