"""Builders for evaluation tests (unit and browser): producers for the personas, rounds, dossiers."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ocop.registry.models import Producer, Product

from .models import Application, Round, RoundLevel
from .selfscore import sheet_for
from .services.applications import application_create, application_save_forms
from .services.files import evidence_upload

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_upload(name: str = "minh-chung.pdf", data: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def make_producer(user, commune, name: str, tax_code: str) -> Producer:
    producer = Producer.objects.create(
        legal_form="cooperative", name=name, tax_code=tax_code, commune=commune,
        representative_name=f"Đại diện {name}", phone="0912345678", email="htx@example.vn",
    )  # fmt: skip
    producer.representatives.add(user)
    return producer


def make_product(producer: Producer, name: str, stars: int | None = None) -> Product:
    return Product.objects.create(
        producer=producer, name=name, rules="26-2026", set_number=1, current_stars=stars,
        search_key=name.lower(),
    )  # fmt: skip


def make_round(province, year: int = 2027, number: int = 1) -> Round:
    return Round.objects.create(
        level=RoundLevel.PROVINCE, province=province, year=year, number=number,
        proposal_deadline=date(year, 4, 30), decision_deadline=date(year, 6, 30),
    )  # fmt: skip


FORM02 = {
    "business_results": "Vùng nguyên liệu 5 ha; doanh thu tăng 20 %.",
    "future_plan": "Mở rộng thị trường Hà Nội.",
    "history": "Thành lập năm 2015.",
}


def fill_dossier(application: Application, user, points: int | None = None) -> Application:
    """Complete Mẫu 01/02, self-score every criterion (the highest level unless `points` given)
    and attach one PDF: ready to submit."""
    sheet = sheet_for(application.rules, application.set_number)
    scores = {
        c.code: (points if points in c.allowed_set else c.allowed[-1]) for c in sheet.criteria
    }
    application_save_forms(
        actor=user, application=application, form01={"phone": "0912345678"}, form02=FORM02,
        self_scores=scores,
    )  # fmt: skip
    evidence_upload(actor=user, application=application, section="1.1", upload=pdf_upload())
    return application


def new_dossier(user, product, round_, kind: str = "first") -> Application:
    return fill_dossier(
        application_create(actor=user, product=product, round=round_, kind=kind), user
    )
