"""`opendata build`: the open data files under $OCOP_DATA_DIR/open-data/ (safe from cron)."""

import sys
from typing import NoReturn

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ocop.catalogue.jobs import build_summary
from ocop.catalogue.messages_gs1 import text
from ocop.catalogue.opendata import opendata_build
from ocop.core.messages import MessageError

ACTIONS = ("build",)


class Command(BaseCommand):
    help = "Dữ liệu mở: dựng lại các tệp CSV, JSON Lines và .xlsx (chạy được từ cron)."

    def add_arguments(self, parser):
        # Checked in handle(), so that a wrong or missing action is refused in Vietnamese.
        parser.add_argument("action", nargs="?", help="build: dựng lại các tệp dữ liệu mở")

    def fail(self, message: str) -> NoReturn:
        sys.stderr.write(_("Lỗi: %(message)s") % {"message": message} + "\n")
        sys.exit(2)

    def handle(self, *args, action: str | None, **options):
        if action not in ACTIONS:
            self.fail(_("cần một lệnh con: build (ví dụ: ocop opendata build)."))
        try:
            manifest = opendata_build()
        except MessageError as error:
            self.fail(text(error))
        self.stdout.write(build_summary(manifest))
