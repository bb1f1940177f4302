"""`report programme --unit CODE --from YEAR --to YEAR (--xlsx FILE | --pdf FILE)`: the periodic
programme report of a unit, written to a file. Errors exit 2 with a Vietnamese message on stderr
and nothing on stdout."""

import sys
from pathlib import Path
from typing import NoReturn

from django.core.management.base import BaseCommand
from django.utils import timezone

from ocop.programme.units import UnknownUnit, resolve_unit
from ocop.reports.forms import FIRST_YEAR, LAST_YEAR
from ocop.reports.pdf import report_pdf
from ocop.reports.programme import programme_report
from ocop.reports.spreadsheets import report_workbook


class Command(BaseCommand):
    help = "Báo cáo Chương trình OCOP của một đơn vị trong một giai đoạn (.xlsx hoặc PDF)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        programme = actions.add_parser("programme", help="báo cáo định kỳ Chương trình OCOP")
        # Checked in handle(), not by argparse, so that the messages are in Vietnamese.
        programme.add_argument("--unit", help="mã tỉnh (01), xã (10273) hoặc huyện cũ (280)")
        programme.add_argument("--from", dest="start", help="từ năm")
        programme.add_argument("--to", dest="end", help="đến năm")
        programme.add_argument("--xlsx", help="ghi tệp Excel")
        programme.add_argument("--pdf", help="ghi tệp PDF")

    def handle(self, *args, **options):
        for option, key in (("--unit", "unit"), ("--from", "start"), ("--to", "end")):
            if not options[key]:
                self.fail(f"thiếu {option}.")
        if bool(options["xlsx"]) == bool(options["pdf"]):
            self.fail("chọn đúng một trong --xlsx TỆP hoặc --pdf TỆP.")
        start, end = self.year(options["start"]), self.year(options["end"])
        if start > end:
            self.fail(f"năm bắt đầu {start} sau năm kết thúc {end}.")
        try:
            unit = resolve_unit(options["unit"])
        except UnknownUnit:
            self.fail(f"không có đơn vị hành chính mã “{options['unit']}”.")
        report = programme_report(unit, start, end, timezone.localdate())
        if options["xlsx"]:
            path, content = Path(options["xlsx"]), report_workbook(report)
        else:
            path, content = Path(options["pdf"]), report_pdf(report)
        try:
            path.write_bytes(content)
        except OSError as error:
            self.fail(f"không ghi được tệp {path}: {error.strerror}.")
        self.stdout.write(f"Đã ghi báo cáo {unit.name} {start}–{end} vào {path}.")

    def year(self, text: str) -> int:
        value = text.strip()
        if not (value.isascii() and value.isdigit()) or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            self.fail(f"năm “{text}” không hợp lệ; ghi năm từ {FIRST_YEAR} đến {LAST_YEAR}.")
        return int(value)

    def fail(self, message: str) -> NoReturn:
        sys.stderr.write(f"Lỗi: {message}\n")
        sys.exit(2)
