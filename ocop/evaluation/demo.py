"""Demo dossiers for Hà Nội (the seed story): rounds of 2025 and 2026 and a dossier at every stage,
including a returned one and an upgrade that carries its 2025 evidence forward. Idempotent; runs
after the accounts (and registry) demo seeds, before the certificates demo; then the council
story (demo_council.py). Demo only: production never calls it."""

from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from ocop.accounts.models import User
from ocop.places.models import Commune, Province
from ocop.registry.models import Producer, Product

from .demo_council import seed_council_story
from .models import Application, Round, RoundLevel
from .selfscore import sheet_for
from .services.applications import application_create, application_save_forms
from .services.files import evidence_upload
from .services.rounds import round_create
from .services.transitions import application_transition
from .testing import FORM02, PDF_BYTES

TAX_CODE = "0100109106"
MAU03 = {
    "raw_materials": "Nguyên liệu trồng tại xã, có hợp đồng liên kết với 40 hộ.",
    "local_labour": "18 lao động, 16 người thường trú tại xã.",
    "idea_origin": "Sản phẩm truyền thống của vùng Phú Xuyên.",
    "local_identity": "Giống địa phương, kinh nghiệm canh tác của cộng đồng.",
    "proposal_letter": "Tờ trình số 25/TTr-UBND",
}
# product name, set number, the actions after filing (actor username, action)
STORIES = [
    ("Dưa lê Phú Xuyên", 1, []),
    ("Cà chua bi Phú Xuyên", 1, [("producer", "submit")]),
    ("Bí xanh Phú Xuyên", 1, [("producer", "submit"), ("commune", "return")]),
    ("Ngô nếp Phú Xuyên", 3, [("producer", "submit"), ("commune", "propose")]),
    ("Mật ong hoa nhãn Phú Xuyên", 4,
     [("producer", "submit"), ("commune", "propose"), ("province", "request_additions")]),
    ("Rau cần Phú Xuyên", 1,
     [("producer", "submit"), ("commune", "propose"), ("province", "accept"),
      ("advisor", "request_tests")]),
    ("Giò chả Phú Xuyên", 8,
     [("producer", "submit"), ("commune", "propose"), ("province", "accept"),
      ("advisor", "record_site_visit"), ("advisor", "report_to_council")]),
]  # fmt: skip
EXTRA: dict[str, Any] = {
    "items": [{"item": "Tiêu chí 1.2", "reason": "Bổ sung hợp đồng liên kết vùng nguyên liệu"}],
    "report": {**MAU03, "text": "Đã khảo sát cơ sở; hồ sơ đầy đủ, đề nghị trình hội đồng."},
    "reason": "Bổ sung phiếu kiểm nghiệm dư lượng thuốc bảo vệ thực vật.",
}


@transaction.atomic
def seed_evaluation() -> None:
    province = Province.objects.get(code="01")
    commune = Commune.objects.get(code="10273")
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["producer", "commune", "province", "advisor"])
    }
    producer = _producer(users["producer"], commune)
    rounds = {key: _round(province, *key) for key in [(2025, 1), (2025, 2), (2026, 1), (2026, 2)]}
    if not Application.objects.filter(producer=producer).exists():
        _dossier_stories(province, producer, users, rounds)
    seed_council_story(producer, users, rounds[(2026, 2)], _filed, _walk)


def _dossier_stories(province, producer, users, rounds) -> None:
    extra = Round.objects.filter(province=province, year=2026, number=3).first() or round_create(
        actor=None, level=RoundLevel.PROVINCE, province=province, year=2026, number=3,
        proposal_deadline=date(2026, 12, 15), decision_deadline=date(2026, 12, 30),
    )  # fmt: skip
    _upgrade_story(producer, users, rounds[(2025, 2)], rounds[(2026, 2)])
    for name, set_number, steps in STORIES:
        product = _product(producer, name, set_number)
        application = _filed(users["producer"], product, extra, "first", date(2026, 11, 16))
        _walk(application, users, steps, date(2026, 11, 17))


def _upgrade_story(producer, users, round_2025, round_2026) -> None:
    """Gạo nếp cái hoa vàng: 3★ in round 2/2025 (148-2023), upgrade filed in round 2/2026."""
    product = _product(producer, "Gạo nếp cái hoa vàng Phú Xuyên", 3)
    first = _filed(users["producer"], product, round_2025, "first", date(2025, 9, 15))
    steps = [("producer", "submit"), ("commune", "propose"), ("province", "accept"),
             ("advisor", "report_to_council")]  # fmt: skip
    _walk(first, users, steps, date(2025, 9, 16))
    product.current_stars = 3  # the certificates app records this after the decision
    product.save(update_fields=["current_stars"])
    upgrade = _filed(users["producer"], product, round_2026, "upgrade", date(2026, 9, 10))
    _upload(users["producer"], upgrade, "1.2", "hop-dong-lien-ket-2026.pdf")
    steps = [("producer", "submit"), ("commune", "propose"), ("province", "accept")]
    _walk(upgrade, users, steps, date(2026, 9, 11))


def _filed(user, product, round_, kind, day) -> Application:
    application = application_create(
        actor=user, product=product, round=round_, kind=kind, today=day
    )
    sheet = sheet_for(application.rules, application.set_number)
    scores = {c.code: c.allowed[len(c.allowed) // 2] for c in sheet.criteria} if sheet else None
    application_save_forms(
        actor=user, application=application, form01={"phone": "0912345678"}, form02=FORM02,
        self_scores=scores,
    )  # fmt: skip
    if kind == "first":
        section = sheet.criteria[0].code if sheet else "general"
        _upload(user, application, section, "giay-dang-ky-kinh-doanh.pdf")
    return application


def _walk(application, users, steps, day) -> None:
    for username, action in steps:
        application_transition(
            actor=users[username], application=application, action=action, today=day,
            items=EXTRA["items"], report=EXTRA["report"], reason=EXTRA["reason"],
        )  # fmt: skip


def _upload(user, application, section, name) -> None:
    upload = SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")
    evidence_upload(actor=user, application=application, section=section, upload=upload)


def _round(province, year, number) -> Round:
    found = Round.objects.filter(
        level=RoundLevel.PROVINCE, province=province, year=year, number=number
    )
    return found.first() or round_create(
        actor=None, level=RoundLevel.PROVINCE, province=province, year=year, number=number
    )


def _producer(user, commune) -> Producer:
    producer = user.producers.first()
    if producer is None:
        producer = Producer.objects.filter(tax_code=TAX_CODE).first() or Producer.objects.create(
            legal_form="cooperative", name="HTX Nông nghiệp Phú Xuyên", tax_code=TAX_CODE,
            commune=commune, representative_name="Nguyễn Thị Hợp", phone="0912345678",
            email="htx.phuxuyen@demo.ocop.local",
        )  # fmt: skip
        producer.representatives.add(user)
    return producer


def _product(producer, name, set_number) -> Product:
    return Product.objects.filter(producer=producer, name=name).first() or Product.objects.create(
        producer=producer, name=name, rules="26-2026", set_number=set_number,
        search_key=name.lower(),
    )  # fmt: skip
