"""Builders for evaluation tests (unit and browser): producers for the personas, rounds, dossiers."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from ocop.registry.models import Producer, Product

from .models import Application, Round, RoundLevel
from .selfscore import sheet_for
from .services.applications import application_create, application_save_forms
from .services.files import evidence_upload


def pdf_bytes(pages: int = 1) -> bytes:
    """A real PDF of blank A4 pages (uploads are checked by parsing, not by the first bytes)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF_BYTES = pdf_bytes()


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
    "representative_address": "Thôn 2, xã Phú Xuyên, thành phố Hà Nội",
    # Art. 6.1.b (an upgrade) and 6.1.c (a re-evaluation): ignored on a first dossier.
    "upgrade_changes": "Bao bì mới, công bố lại chất lượng năm 2027.",
    "update_materials_technology": "Vùng nguyên liệu mở rộng lên 8 ha.",
    "update_packaging_label": "Nhãn song ngữ từ năm 2028.",
    "update_quality": "Kiểm nghiệm định kỳ hằng năm đạt.",
    "update_market": "Doanh thu tăng 30 % sau 3 năm.",
    "update_legal_papers": "Giấy chứng nhận an toàn thực phẩm cấp lại đến 2031.",
}


def fill_dossier(application: Application, user, points: int | None = None) -> Application:
    """Complete Mẫu 01/02, self-score every criterion (the highest level unless `points` given)
    and attach one PDF: ready to submit."""
    sheet = sheet_for(application.rules, application.set_number)
    assert sheet is not None, "the product's set has no sheet"
    scores = {
        c.code: (points if points in c.allowed_set else c.allowed[-1]) for c in sheet.criteria
    }
    application_save_forms(
        actor=user, application=application, form01={"phone": "0912345678"}, form02=FORM02,
        self_scores=scores,
    )  # fmt: skip
    # "1.1" on 26-2026 sheets; 148-2023 letters its criteria ("1.a").
    section = "1.1" if "1.1" in {c.code for c in sheet.criteria} else sheet.criteria[0].code
    evidence_upload(actor=user, application=application, section=section, upload=pdf_upload())
    return application


def new_dossier(user, product, round_, kind: str = "first") -> Application:
    return fill_dossier(
        application_create(actor=user, product=product, round=round_, kind=kind), user
    )


def make_ready(application: Application) -> Application:
    """Skip the dossier's earlier steps (tested in test_services_applications): ready for the
    council."""
    Application.objects.filter(pk=application.pk).update(stage="ready_for_council")
    application.refresh_from_db()
    return application


def make_council(province, users, *, level: str = "province", **rules):
    """A council of `province` (None for central) seating `users`: the first chairs, the last is
    the secretary, the others are members. Rules default to quorum = number of users."""
    from ocop.accounts.roles import Role

    from .services.councils import council_create, council_member_add

    rules.setdefault("quorum", len(users))
    council = council_create(
        actor=None, level=level, province=province, year=2027, name="Hội đồng đánh giá OCOP",
        **rules,
    )  # fmt: skip
    for index, user in enumerate(users):
        if user.role != Role.COUNCIL_MEMBER:
            user.role = Role.COUNCIL_MEMBER
            user.save(update_fields=["role"])
        position = "chair" if index == 0 else "secretary" if index == len(users) - 1 else "member"
        council_member_add(actor=None, council=council, user=user, position=position,
                           agency=f"Sở {index + 1}")  # fmt: skip
    return council


def answers_totalling(sheet, total: int) -> dict[str, int]:
    """Answers summing to `total` (or as close as the levels allow): every criterion at its
    maximum, then lowered from the last criterion up, those without a star minimum first."""
    answers = {c.code: c.allowed[-1] for c in sheet.criteria}
    deficit = sum(answers.values()) - total
    marked = {c.code for c in sheet.marked}
    order = [c for c in reversed(sheet.criteria) if c.code not in marked]
    for criterion in order + [c for c in reversed(sheet.criteria) if c.code in marked]:
        if deficit <= 0:
            break
        top = criterion.allowed[-1]
        level = min(v for v in criterion.allowed if top - v <= deficit)
        answers[criterion.code] = level
        deficit -= top - level
    return answers
