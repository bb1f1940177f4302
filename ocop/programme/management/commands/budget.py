"""`budget summary --unit CODE [--from YEAR] [--to YEAR] [--json]`: planned, allocated and
disbursed đồng of a unit, with the disbursed by content, source and year."""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ocop.core.money import format_dong
from ocop.programme import selectors
from ocop.programme.choices import FundingSource, SupportContent

from ._cli import fail, unit_or_fail, year_or_fail


class Command(BaseCommand):
    help = "Kinh phí hỗ trợ OCOP: dự kiến, phân bổ, giải ngân theo nội dung, nguồn và năm."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        summary = actions.add_parser("summary", help="tổng hợp kinh phí của một đơn vị")
        summary.add_argument("--unit", required=True, help="mã đơn vị: 01, 10273, 280…")
        summary.add_argument("--from", dest="from_year", help="từ năm")
        summary.add_argument("--to", dest="to_year", help="đến năm")
        summary.add_argument("--json", action="store_true", help="in dạng JSON")

    def handle(self, *args, **options):
        unit = unit_or_fail(options["unit"])
        from_year = year_or_fail(options["from_year"])
        to_year = year_or_fail(options["to_year"])
        if from_year and to_year and from_year > to_year:
            fail(_("năm bắt đầu %(a)s sau năm kết thúc %(b)s.") % {"a": from_year, "b": to_year})
        summary = selectors.budget_summary(unit, from_year, to_year)
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{unit.name} ({unit.code})")
        for label, amount in (
            (_("Dự kiến"), summary.planned),
            (_("Phân bổ"), summary.allocated),
            (_("Đã giải ngân"), summary.disbursed),
        ):
            self.stdout.write(f"{label}: {format_dong(amount)}")
        for content, amount in summary.by_content.items():
            self.stdout.write(f"  {SupportContent(content).label}: {format_dong(amount)}")
        for source, amount in summary.by_source.items():
            self.stdout.write(f"  {FundingSource(source).label}: {format_dong(amount)}")
