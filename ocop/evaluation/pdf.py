"""Mẫu 01 and Mẫu 02 as PDFs (typst). Data goes in as JSON, never into the markup."""

from pathlib import Path
from typing import Any

from ocop.core.dates import format_date, place_date_line
from ocop.core.money import format_dong
from ocop.core.pdf import compile_pdf

from .forms import CHECKS, IP_ITEMS
from .models import Application, ReceiptLevel
from .phuluc3 import classification
from .selfscore import sheet_for

TEMPLATES = Path(__file__).resolve().parent / "typst"
FORM01_KEYS = (
    "producer_name", "representative_name", "representative_position", "contact_address", "phone",
    "email", "product_name", "product_group", "samples",
)  # fmt: skip
FORM02_KEYS = (
    "representative_gender", "representative_ethnic_group", "representative_address", "founded_on",
    "product_description", "ip_other", "history", "organisation", "business_results", "future_plan",
    "business_registration_number",
)  # fmt: skip
KIND_KEYS = (
    "upgrade_changes", "update_materials_technology", "update_packaging_label", "update_quality",
    "update_market", "update_legal_papers",
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
        "classification": _classification(application),
        "receipts": receipt_blocks(application),
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
    described = application.form02.get("descriptions") or {}
    for evidence in application.files.all():
        counts[evidence.section] = counts.get(evidence.section, 0) + 1
    rows = [
        {
            "code": c.code, "text": c.text, "max": str(c.max),
            "points": str(application.self_scores.get(c.code, "")),
            "files": f"{counts[c.code]} tệp" if counts.get(c.code) else "",
            "describe": str(described.get(c.code) or ""),
        }
        for c in (sheet.criteria if sheet else ())
    ]  # fmt: skip
    stars = application.self_stars
    payload = {
        "f": _text(application.form02, FORM02_KEYS),
        "ticks": ticks(application.form02),
        "gender": gender_label(application.form02.get("representative_gender")),
        "kind": application.kind,
        "changes": _text(application.form02, KIND_KEYS),
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


def _classification(application: Application) -> dict[str, str]:
    """Mẫu 01, point 3, from Phụ lục I; an old dossier's typed text when the set is unknown."""
    found = classification(application.rules, application.set_number)
    if found is None:
        return {"sector": "", "group": "", "subgroup": "",
                "text": str(application.form01.get("product_group") or "")}  # fmt: skip
    return {"sector": found.sector, "group": found.group, "subgroup": found.subgroup, "text": ""}


def receipt_blocks(application: Application) -> dict[str, dict[str, str]]:
    """Mẫu 01's two receipt blocks (commune, provincial OCOP agency): number, date, receiver,
    agency; dots where not received yet. Before receipts were recorded the commune's block shows
    the registration number and filing day."""
    found = {r.level: r for r in application.receipts.all()}
    blocks = {}
    for level in ReceiptLevel.values:
        receipt = found.get(level)
        if receipt is not None:
            blocks[level] = {"number": receipt.number, "date": format_date(receipt.received_on),
                             "receiver": receipt.receiver_name, "agency": receipt.agency}  # fmt: skip
        else:
            blocks[level] = {"number": "…", "date": "…", "receiver": "", "agency": ""}
    if ReceiptLevel.COMMUNE not in found and application.registration_number:
        blocks[ReceiptLevel.COMMUNE]["number"] = application.registration_number
        if application.filed_on:
            blocks[ReceiptLevel.COMMUNE]["date"] = format_date(application.filed_on)
    return blocks


def ticks(form02: dict[str, Any]) -> dict[str, bool]:
    """Mẫu 02, 7.: every box by its key. A dossier saved before the parent tick d) existed has it
    ticked when one of its titles is."""
    found = {key: bool(form02.get(key)) for key, _label in CHECKS}
    if "has_ip_registration" not in form02:
        found["has_ip_registration"] = any(found[k] for k in IP_ITEMS) or bool(
            form02.get("ip_other")
        )
    found["ip_other"] = bool(str(form02.get("ip_other") or "").strip())
    return found


def gender_label(value: Any) -> str:
    return {"male": "Nam", "female": "Nữ"}.get(str(value or ""), str(value or ""))
