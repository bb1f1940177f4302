"""Mẫu 03 (Phụ lục III): the commune's report on a dossier as one document. Part I is read from
the registry (producer, legal form, address, representative) and the dossier (Mẫu 02's permanent
address when the registry has none); the assessments and the signer are what the commune typed
(Application.commune_report)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ocop.registry.choices import Gender

from .models import Application
from .phuluc3 import MAU03_TOPICS, proposal_sentence, signature_heading

TOPIC_LABELS = {
    "raw_materials": "1. Về sử dụng nguyên liệu địa phương",
    "local_labour": "2. Về sử dụng lao động địa phương",
    "idea_origin": "3. Nguồn gốc ý tưởng sản phẩm",
    "local_identity": "4. Bản sắc/trí tuệ địa phương",
}


@dataclass(frozen=True)
class Representative:
    name: str
    gender: str
    ethnic_group: str
    permanent_address: str


def _gender(value: str) -> str:
    """A stored choice as its label ("male" → "Nam"); text typed before the choice stays."""
    return str(Gender(value).label) if value in Gender.values else value


def representative(application: Application) -> Representative:
    producer, form01, form02 = application.producer, application.form01, application.form02
    return Representative(
        name=producer.representative_name or str(form01.get("representative_name") or ""),
        gender=_gender(producer.representative_gender or str(form02.get("representative_gender") or "")),
        ethnic_group=producer.representative_ethnic_group
        or str(form02.get("representative_ethnic_group") or ""),
        permanent_address=str(form02.get("representative_address") or ""),
    )  # fmt: skip


def address(application: Application) -> str:
    producer = application.producer
    parts = (producer.street_address, producer.commune.name, producer.commune.province.name)
    return ", ".join(part for part in parts if part)


def document(application: Application) -> dict:
    """Everything the page and the PDF print, as plain strings."""
    report = application.commune_report or {}
    commune, province = application.commune, application.commune.province
    producer, product = application.producer, application.product
    person = representative(application)
    return {
        "commune": commune.name,
        "producer_name": producer.name,
        "legal_form": str(producer.get_legal_form_display()),
        "address": address(application),
        "representative": person,
        "product": product.name,
        "topics": [(TOPIC_LABELS[key], str(report.get(key) or "")) for key in MAU03_TOPICS],
        "proposal": proposal_sentence(commune.name, province.name, product.name, producer.name),
        "proposal_letter": str(report.get("proposal_letter") or ""),
        "signature": signature_heading(commune.name, str(report.get("signer_title") or "chair")),
        "signer_name": str(report.get("signer_name") or ""),
        "date": str(report.get("date") or ""),
        "filed": bool(report.get("date")),
        "empty": not any(report.get(key) for key in MAU03_TOPICS),
        "hint": _("(Ký tên và đóng dấu)"),
    }
