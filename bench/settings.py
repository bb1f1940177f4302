"""Settings for bench/run: the project's own, plus a hello-world view as the baseline URL."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The in-process workloads use Django's test client (host "testserver").
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
