"""`programme targets [--unit CODE] [--json]`: every target with its live actual and status."""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ocop.programme import selectors, targets

from ._cli import unit_or_fail

STATUS_TEXT = {
    targets.ON_TRACK: "Đúng tiến độ",
    targets.AT_RISK: "Có nguy cơ chậm",
    targets.BEHIND: "Chậm tiến độ",
}


class Command(BaseCommand):
    help = "Chương trình OCOP: chỉ tiêu của các kế hoạch và kết quả thực hiện tính từ dữ liệu."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        listing = actions.add_parser("targets", help="chỉ tiêu, kết quả thực hiện, đánh giá")
        listing.add_argument("--unit", help="mã đơn vị: tỉnh (01), xã (10273), huyện cũ (280)")
        listing.add_argument("--json", action="store_true", help="in dạng JSON")

    def handle(self, *args, **options):
        unit = unit_or_fail(options["unit"]) if options["unit"] is not None else None
        rows = selectors.target_rows(unit=unit)
        if options["json"]:
            records = [row.as_json() for row in rows]
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row.unit_code}\t{row.period}\t{row.label}\t{row.target_text}\t"
                f"{row.actual_text}\t{row.percent_text}\t{_(STATUS_TEXT[row.status])}"
            )
