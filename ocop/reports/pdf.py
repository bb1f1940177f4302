"""The programme report as a PDF (typst), with the unit's People's Committee as the issuing
agency. Data goes in as JSON, never into the markup."""

from pathlib import Path

from django.utils.translation import gettext as _

from ocop.core import letterhead
from ocop.core.dates import format_date, place_date_line
from ocop.core.money import amount_in_words, format_dong
from ocop.core.pdf import compile_pdf

from .figures import STARS
from .programme import Money, ProgrammeReport
from .spreadsheets import _ranked_rows, _training_rows, status_label

TEMPLATE = Path(__file__).resolve().parent / "typst" / "programme.typ"
LEVEL = "province"  # every unit signs as a People's Committee (TM. ỦY BAN NHÂN DÂN)


def report_pdf(report: ProgrammeReport) -> bytes:
    return compile_pdf(TEMPLATE, report_payload(report))


def report_payload(report: ProgrammeReport) -> dict:
    authority = f"UBND {report.unit.name}"
    return {
        "unit": report.unit.name,
        "period": f"{report.start}–{report.end}",
        "today": format_date(report.today),
        "agency": list(letterhead.agency_lines(authority, LEVEL)),
        "place_date": place_date_line(letterhead.document_place(authority, LEVEL), report.today),
        "signature": list(letterhead.signature_lines(LEVEL, deputy=False)),
        "ranked_headers": [_("Năm"), *(f"{s}★" for s in STARS), _("Công nhận"), _("Lũy kế")],
        "ranked": [[str(c) for c in row] for row in _ranked_rows(report)],
        "in_force_total": report.in_force_total,
        "in_force_stars": [[s, n] for s, n in report.in_force_by_stars if n],
        "training": [[label, str(n)] for label, n in _training_rows(report)],
        "money_headers": [_("Nguồn, nội dung"), _("Phân bổ"), _("Giải ngân")],
        "by_source": _money(report.by_source),
        "by_content": _money(report.by_content),
        "disbursed": format_dong(report.disbursed),
        "disbursed_words": amount_in_words(report.disbursed),
        "events": [
            {
                "name": e.name,
                "kind": e.get_kind_display(),
                "place": e.place,
                "dates": f"{format_date(e.start_date)}–{format_date(e.end_date)}",
                "products": str(e.product_count),
            }  # fmt: skip
            for e in report.events
        ],
        "showrooms": [
            {
                "name": s.name,
                "address": s.address,
                "opened_on": format_date(s.opened_on),
                "products": str(s.product_count),
            }  # fmt: skip
            for s in report.showrooms
        ],
        "targets": [
            [t.label, t.target_text, t.actual_text, t.percent_text, status_label(t.status)]
            for t in report.targets
        ],
    }


def _money(lines: list[Money]) -> list[list[str]]:
    return [[m.label, format_dong(m.allocated, unit=""), format_dong(m.disbursed, unit="")]
            for m in lines]  # fmt: skip
