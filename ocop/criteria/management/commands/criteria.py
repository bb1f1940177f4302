"""`criteria list` and `criteria show RULES SET`: the rule sets and their sheets as text."""

import sys

from django.core.management.base import BaseCommand

from ocop.criteria.inputs import InputError, find_rule_set, find_sheet
from ocop.criteria.presenters import ruleset_lines, sheet_lines
from ocop.criteria.rules import load_all


class Command(BaseCommand):
    # Reads data files only: no system checks, so a broken URLconf elsewhere cannot stop scoring.
    requires_system_checks: list[str] = []
    help = "Liệt kê các bộ tiêu chí, hoặc in một phiếu chấm."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="các bộ tiêu chí và bộ sản phẩm")
        show = actions.add_parser("show", help="in phiếu chấm của một bộ sản phẩm")
        show.add_argument("rules")
        show.add_argument("set")

    def handle(self, *args, **options):
        if options["action"] == "list":
            for rule_set in load_all():
                self.stdout.write("\n".join(ruleset_lines(rule_set)))
            return
        try:
            rule_set = find_rule_set(options["rules"])
            sheet = find_sheet(rule_set, options["set"])
        except InputError as error:
            sys.stderr.write(f"Lỗi: {error}\n")
            sys.exit(2)
        self.stdout.write("\n".join(sheet_lines(rule_set, sheet)))
