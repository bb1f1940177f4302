"""`score --rules RULES --set N ANSWERS.json [--json]`: score one sheet and advise the next class."""

import json
import sys

from django.core.management.base import BaseCommand

from ocop.criteria.advisor import advise
from ocop.criteria.engine import AnswerError, score_sheet
from ocop.criteria.inputs import InputError, find_rule_set, find_sheet, read_answers
from ocop.criteria.messages import text
from ocop.criteria.presenters import result_payload, summary_lines


class Command(BaseCommand):
    # Reads data files only: no system checks, so a broken URLconf elsewhere cannot stop scoring.
    requires_system_checks: list[str] = []
    help = "Chấm một phiếu từ tệp JSON {mã tiêu chí: điểm} và gợi ý cách nâng hạng."

    def add_arguments(self, parser):
        parser.add_argument("--rules", required=True, help="mã bộ tiêu chí, ví dụ 26-2026")
        parser.add_argument("--set", required=True, dest="set_number", help="số bộ sản phẩm, 1–26")
        parser.add_argument("answers", help="tệp JSON {mã tiêu chí: điểm}")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")

    def handle(self, *args, **options):
        # Bad input is one Vietnamese line on stderr and exit status 2 (not CommandError's prefix).
        try:
            sheet = find_sheet(find_rule_set(options["rules"]), options["set_number"])
            answers = read_answers(options["answers"])
            result = score_sheet(sheet, answers)
        except InputError as error:
            sys.stderr.write(f"Lỗi: {error}\n")
            sys.exit(2)
        except AnswerError as error:
            sys.stderr.write(f"Lỗi: {text(error)}\n")
            sys.exit(2)
        advice = advise(sheet, answers)
        if options["json"]:
            payload = result_payload(result, advice)
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
        else:
            self.stdout.write("\n".join(summary_lines(result, advice)))
