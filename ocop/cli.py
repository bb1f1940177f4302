"""The `ocop` console script: Django's management commands, `ocop <command>` ≡ `manage.py <command>`."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ocop", *(sys.argv[1:] if argv is None else argv)])
    return 0
