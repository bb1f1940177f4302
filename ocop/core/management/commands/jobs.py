"""`ocop jobs work [--once]`: the background job worker (ADR 0012)."""

from django.core.management.base import BaseCommand, CommandError

from ocop.core.jobs import work


class Command(BaseCommand):
    help = "Chạy các việc nền đang chờ (xuất tệp lớn…): ocop jobs work [--once]"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        runner = sub.add_parser("work", help="Nhận và chạy việc nền")
        runner.add_argument("--once", action="store_true", help="Chạy hết việc đang chờ rồi dừng")
        runner.add_argument("--sleep", type=float, default=1.0, help="Giây chờ khi hết việc")

    def handle(self, *args, **options):
        if options.get("action") != "work":
            raise CommandError("Cách dùng: ocop jobs work [--once] [--sleep GIÂY]", returncode=2)
        if options["sleep"] <= 0:
            raise CommandError("--sleep phải là số giây lớn hơn 0.", returncode=2)
        count = work(once=options["once"], idle_seconds=options["sleep"])
        self.stdout.write(f"Đã chạy {count} việc.")
