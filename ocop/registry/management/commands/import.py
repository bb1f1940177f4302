"""ocop import producers|products FILE.xlsx [--dry-run]: check every row, then write all or nothing.

Exit status 2 when any row is invalid (each problem printed as row, column, reason); nothing is
written then. Runs with the system's full scope; the audit entries have no actor.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from ocop.registry.excel import SheetError, read_rows
from ocop.registry.imports import import_apply, import_check
from ocop.registry.messages import text


class Command(BaseCommand):
    help = "Nhập chủ thể hoặc sản phẩm từ tệp Excel (.xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["producers", "products"])
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi.")

    def handle(self, *args, kind: str, file: str, dry_run: bool, **options):
        try:
            with open(file, "rb") as handle:
                plan = import_check(kind, read_rows(kind, handle))
        except SheetError as exc:
            raise CommandError(text(exc)) from exc
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        if not plan.ok:
            for error in plan.errors:
                self.stdout.write(str(error))
            self.stdout.write(f"{len(plan.errors)} lỗi; không ghi gì.")
            sys.exit(2)
        summary = f"Tạo mới {len(plan.creates)}, cập nhật {len(plan.updates)}, không đổi {plan.unchanged}."
        if dry_run:
            self.stdout.write(f"Kiểm tra xong, không có lỗi. {summary} (chưa ghi: --dry-run)")
            return
        import_apply(actor=None, plan=plan)
        self.stdout.write(f"Đã ghi. {summary}")
