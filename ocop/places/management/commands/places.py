"""`places load` and `places show CODE-OR-NAME`: the administrative units, loaded and looked up."""

import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ocop.places.models import HistoricUnit
from ocop.places.presenters import load_summary, unit_line
from ocop.places.queries import current_communes, search_units
from ocop.places.services import places_load
from ocop.places.sources import SourceError


class Command(BaseCommand):
    help = "Nạp các đơn vị hành chính (hiện nay và trước 01/07/2025), hoặc tra một đơn vị."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("load", help="nạp 34 tỉnh/thành phố, 3.321 xã/phường và các đơn vị cũ")
        show = actions.add_parser("show", help="tra đơn vị theo mã hoặc tên")
        show.add_argument("query", help="mã (10273) hoặc tên (phu xuyen)")

    def handle(self, *args, **options):
        if options["action"] == "load":
            self._load()
        else:
            self._show(options["query"])

    def _load(self):
        try:
            report = places_load()
        except SourceError as error:
            sys.stderr.write(_("Lỗi dữ liệu: %(error)s\n") % {"error": error})
            sys.exit(2)
        self.stdout.write("\n".join(load_summary(report)))

    def _show(self, query: str):
        units = search_units(query)
        if not units:
            sys.stderr.write(
                _("Không tìm thấy đơn vị hành chính nào khớp với “%(query)s”.\n") % {"query": query}
            )
            sys.exit(1)
        historic = [unit for unit in units if isinstance(unit, HistoricUnit)]
        current = current_communes(historic)
        for unit in units:
            self.stdout.write(unit_line(unit, current.get(unit.pk) if unit in historic else None))
