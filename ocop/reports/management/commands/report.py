"""`report programme --unit CODE --from YEAR --to YEAR (--xlsx FILE | --pdf FILE)`: the periodic
programme report of a unit, written to a file. Errors exit 2 with a Vietnamese message on stderr
and nothing on stdout."""

import sys
from pathlib import Path
from typing import NoReturn

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

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
                self.fail(_("thiếu %(option)s.") % {"option": option})
        if bool(options["xlsx"]) == bool(options["pdf"]):
            self.fail(_("chọn đúng một trong --xlsx TỆP hoặc --pdf TỆP."))
        start, end = self.year(options["start"]), self.year(options["end"])
        if start > end:
            self.fail(_("năm bắt đầu %(a)s sau năm kết thúc %(b)s.") % {"a": start, "b": end})
        try:
            unit = resolve_unit(options["unit"])
        except UnknownUnit:
            self.fail(_("không có đơn vị hành chính mã “%(code)s”.") % {"code": options["unit"]})
        report = programme_report(unit, start, end, timezone.localdate())
        if options["xlsx"]:
            path, content = Path(options["xlsx"]), report_workbook(report)
        else:
            path, content = Path(options["pdf"]), report_pdf(report)
        try:
            path.write_bytes(content)
        except OSError as error:
            self.fail(
                _("không ghi được tệp %(path)s: %(error)s.")
                % {"path": path, "error": error.strerror}
            )
        self.stdout.write(
            _("Đã ghi báo cáo %(unit)s %(start)s–%(end)s vào %(path)s.")
            % {"unit": unit.name, "start": start, "end": end, "path": path}
        )

    def year(self, text: str) -> int:
        value = text.strip()
        if not (value.isascii() and value.isdigit()) or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            self.fail(
                _("năm “%(text)s” không hợp lệ; ghi năm từ %(first)s đến %(last)s.")
                % {"text": text, "first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return int(value)

    def fail(self, message: str) -> NoReturn:
        sys.stderr.write(_("Lỗi: %(message)s") % {"message": message} + "\n")
        sys.exit(2)
