"""Mẫu 01 and Mẫu 02 as PDFs (typst). Data goes in as JSON, never into the markup."""

from pathlib import Path
from typing import Any

from ocop.core.dates import format_date, place_date_line
from ocop.core.money import format_dong
from ocop.core.pdf import compile_pdf

from .forms import CHECKS
from .models import Application
from .selfscore import sheet_for

TEMPLATES = Path(__file__).resolve().parent / "typst"
FORM01_KEYS = (
    "producer_name", "representative_name", "representative_position", "contact_address", "phone",
    "email", "product_name", "product_group", "samples",
)  # fmt: skip
FORM02_KEYS = (
    "representative_gender", "representative_ethnic_group", "representative_address", "founded_on",
    "product_description", "ip_other", "history", "organisation", "business_results", "future_plan",
)  # fmt: skip


def _compile(template: str, payload: dict[str, Any]) -> bytes:
    return compile_pdf(TEMPLATES / template, payload)


def _text(values: dict[str, Any], keys: tuple[str, ...]) -> dict[str, str]:
    return {key: str(values.get(key) or "") for key in keys}


def _place_date(application: Application) -> str:
    return place_date_line(application.commune.name, application.filed_on)


def form01_pdf(application: Application) -> bytes:
    payload = {
        "f": _text(application.form01, FORM01_KEYS),
        "kind": application.kind,
        "province": application.commune.province.name,
        "year": str(application.round.year),
        "number": application.registration_number or "…",
        "filed_on": format_date(application.filed_on) if application.filed_on else "…",
        "place_date": _place_date(application),
    }
    return _compile("form01.typ", payload)


def form02_pdf(application: Application) -> bytes:
    producer = application.producer
    sheet = sheet_for(application.rules, application.set_number)
    counts: dict[str, int] = {}
    for evidence in application.files.all():
        counts[evidence.section] = counts.get(evidence.section, 0) + 1
    rows = [
        {
            "code": c.code, "text": c.text, "max": str(c.max),
            "points": str(application.self_scores.get(c.code, "")),
            "files": f"{counts[c.code]} tệp" if counts.get(c.code) else "",
        }
        for c in (sheet.criteria if sheet else ())
    ]  # fmt: skip
    stars = application.self_stars
    payload = {
        "f": _text(application.form02, FORM02_KEYS),
        "checks": [
            {"label": str(label), "on": bool(application.form02.get(k))} for k, label in CHECKS
        ],
        "producer_name": producer.name,
        "legal_form": producer.get_legal_form_display(),
        "address": application.form01.get("contact_address", ""),
        "phone": producer.phone,
        "email": producer.email,
        "representative_name": application.form01.get("representative_name", ""),
        "revenue": _money(application.form02.get("revenue")),
        "profit": _money(application.form02.get("profit")),
        "sheet_name": sheet.name if sheet else "",
        "rules": application.rules,
        "rows": rows,
        "total": str(application.self_total if application.self_total is not None else ""),
        "stars_text": f"tự đánh giá đạt {stars} sao" if stars and stars >= 3 else "chưa đạt 3 sao",
        "place_date": _place_date(application),
    }
    return _compile("form02.typ", payload)


def _money(value: Any) -> str:
    if value in (None, ""):
        return ""
    return format_dong(int(value))
