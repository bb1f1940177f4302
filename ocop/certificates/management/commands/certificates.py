"""`certificates list [--status S] [--json]`, `certificates refresh`,
`certificates import-history FILE [--dry-run]`."""

import json
import sys
from pathlib import Path
from typing import NoReturn

from django.core.management.base import BaseCommand
from django.utils import timezone

from ocop.certificates import services
from ocop.certificates.choices import Milestone, Status
from ocop.certificates.exports import certificate_record
from ocop.certificates.history import FileError, read_rows, validate
from ocop.certificates.models import Certificate


class Command(BaseCommand):
    help = "Giấy chứng nhận OCOP: liệt kê, cập nhật tình trạng hằng ngày, nhập kết quả cũ."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        listing = actions.add_parser("list", help="liệt kê giấy chứng nhận")
        listing.add_argument(
            "--status", help="valid, reevaluation, extended, expired, revoked, superseded"
        )
        listing.add_argument("--json", action="store_true", help="in dạng JSON")
        actions.add_parser("refresh", help="cập nhật tình trạng và gửi nhắc hạn (chạy hằng ngày)")
        history = actions.add_parser("import-history", help="nhập kết quả đánh giá cũ (.csv/.xlsx)")
        history.add_argument("file")
        history.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "list":
            self.list(options["status"], options["json"])
        elif action == "refresh":
            self.refresh()
        else:
            self.import_history(Path(options["file"]), options["dry_run"])

    def fail(self, message: str) -> NoReturn:
        sys.stderr.write(f"Lỗi: {message}\n")
        sys.exit(2)

    def list(self, status: str | None, as_json: bool) -> None:
        certificates = Certificate.objects.order_by("number")
        if status:
            if status not in Status.values:
                self.fail(
                    f"tình trạng “{status}” không hợp lệ; chọn một trong: {', '.join(Status.values)}."
                )
            certificates = certificates.filter(status=status)
        records = [certificate_record(c) for c in certificates]
        if as_json:
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        for r in records:
            self.stdout.write(
                f"{r['number']}\t{r['product']}\t{r['producer']}\t{r['stars']}★\t{r['status']}\t"
                f"{r['valid_until']}\t{r['verification_url']}"
            )

    def refresh(self) -> None:
        today = timezone.localdate()
        report = services.certificates_refresh(today=today)
        for certificate, old, new in report.changes:
            self.stdout.write(f"{certificate.number}: {old} → {new}")
        for certificate, milestone in report.reminders:
            self.stdout.write(f"{certificate.number}: đã gửi nhắc “{Milestone(milestone).label}”")
        self.stdout.write(
            f"Ngày {today.isoformat()}: {len(report.changes)} thay đổi tình trạng, "
            f"{len(report.reminders)} lời nhắc đã gửi."
        )

    def import_history(self, path: Path, dry_run: bool) -> None:
        if not path.is_file():
            self.fail(f"không tìm thấy tệp {path}.")
        try:
            rows = read_rows(path)
        except FileError as error:
            self.fail(str(error))
        clean, errors = validate(rows)
        if errors:
            for problem in errors:
                sys.stderr.write(f"{problem}\n")
            self.fail(f"{len(errors)} lỗi; không nhập dòng nào.")
        if dry_run:
            self.stdout.write(f"Kiểm tra xong: {len(clean)} dòng hợp lệ (chưa ghi).")
            return
        services.historic_results_import(actor=None, rows=clean)
        self.stdout.write(f"Đã nhập {len(clean)} kết quả.")
