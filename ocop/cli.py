"""The `ocop` console script: Django's management commands, `ocop <command>` ≡ `manage.py <command>`."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(["ocop", *(sys.argv[1:] if argv is None else argv)])
    except DatabaseError:
        if not database_needs_migrating():
            raise
        from django.utils.translation import gettext as _

        sys.stderr.write(
            _(
                "Cơ sở dữ liệu chưa được khởi tạo (chưa có bảng). Hãy chạy `ocop migrate` rồi "
                "`ocop places load`, hoặc `bin/demo` để chuẩn bị bản trình diễn, rồi chạy lại lệnh."
            )
            + "\n"
        )
        return 2
    return 0


def database_needs_migrating() -> bool:
    """True when migrations are unapplied (a database never migrated, or behind the code)."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except DatabaseError:
        return False
