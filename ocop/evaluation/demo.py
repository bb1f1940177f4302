"""Demo dossiers for Hà Nội (the seed story): rounds of 2025 and 2026 and a dossier at every stage,
including a returned one and an upgrade that carries its 2025 evidence forward. Idempotent; runs
after the accounts (and registry) demo seeds, before the certificates demo; then the council
story (demo_council.py). Demo only: production never calls it."""

from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.places.models import Province
from ocop.registry.demo import demo_producer
from ocop.registry.models import Producer, Product

from .demo_council import seed_council_story
from .demo_fivestar import seed_fivestar_story
from .models import Application, Round, RoundLevel
from .selfscore import sheet_for
from .services.applications import application_create, application_save_forms
from .services.files import evidence_upload
from .services.rounds import round_create
from .services.transitions import application_transition
from .testing import FORM02, PDF_BYTES

MAU03 = {
    "raw_materials": "Nguyên liệu trồng tại xã, có hợp đồng liên kết với 40 hộ.",
    "local_labour": "18 lao động, 16 người thường trú tại xã.",
    "idea_origin": "Sản phẩm truyền thống của vùng Phú Xuyên.",
    "local_identity": "Giống địa phương, kinh nghiệm canh tác của cộng đồng.",
    "proposal_letter": "Tờ trình số 25/TTr-UBND",
    "signer_name": "Nguyễn Văn Hùng",  # Mẫu 03's "T.M ỦY BAN NHÂN DÂN XÃ" block
}
HTX_PX, NAM_TIEN, MINH_PHAT = (
    "HTX Nông nghiệp Phú Xuyên",
    "Hộ kinh doanh Giò chả Nam Tiến",
    "Trang trại Cá Minh Phát",
)
HTX_PD = "HTX Nông nghiệp Phượng Dực"  # the `producer2` account's producer, in Xã Phượng Dực
# producer, product name, set number, the actions after filing (actor username, action; "producer"
# stands for the producer's own representative)
STORIES = [
    (HTX_PX, "Dưa lê Phú Xuyên", 1, []),
    (HTX_PX, "Cà chua bi Phú Xuyên", 1, [("producer", "submit")]),
    (HTX_PX, "Bí xanh Phú Xuyên", 1, [("producer", "submit"), ("commune", "return")]),
    (HTX_PX, "Ngô nếp Phú Xuyên", 3, [("producer", "submit"), ("commune", "propose")]),
    (HTX_PX, "Mật ong hoa nhãn Phú Xuyên", 4,
     [("producer", "submit"), ("commune", "propose"), ("province", "request_additions")]),
    (MINH_PHAT, "Rau cần Phú Xuyên", 1,
     [("producer", "submit"), ("commune", "propose"), ("province", "accept"),
      ("advisor", "request_tests")]),
    (NAM_TIEN, "Giò chả Phú Xuyên", 8,
     [("producer", "submit"), ("commune", "propose"), ("province", "accept"),
      ("advisor", "record_site_visit"), ("advisor", "report_to_council")]),
    # Phượng Dực has no demo commune officer: its submitted dossier waits there, unseen by `commune`.
    (HTX_PD, "Gạo tám thơm Phượng Dực", 3, []),
    (HTX_PD, "Cà rốt Phượng Dực", 1, [("producer", "submit")]),
]  # fmt: skip
EXTRA: dict[str, Any] = {
    "items": [{"item": "Tiêu chí 1.2", "reason": "Bổ sung hợp đồng liên kết vùng nguyên liệu"}],
    "report": {**MAU03, "text": "Đã khảo sát cơ sở; hồ sơ đầy đủ, đề nghị trình hội đồng."},
    "reason": "Bổ sung phiếu kiểm nghiệm dư lượng thuốc bảo vệ thực vật.",
}


@transaction.atomic
def seed_evaluation() -> None:
    province = Province.objects.get(code="01")
    users = {
        u.username: u for u in User.objects.filter(username__in=["commune", "province", "advisor"])
    }
    rounds = {key: _round(province, *key) for key in [(2025, 1), (2025, 2), (2026, 1), (2026, 2)]}
    if not Application.objects.filter(product__producer__commune__province=province).exists():
        _dossier_stories(province, users, rounds)
    seed_council_story(_producer, users, rounds[(2026, 2)], _filed, _walk)
    seed_fivestar_story()


def _dossier_stories(province, users, rounds) -> None:
    extra = Round.objects.filter(province=province, year=2026, number=3).first() or round_create(
        actor=None, level=RoundLevel.PROVINCE, province=province, year=2026, number=3,
        proposal_deadline=date(2026, 12, 15), decision_deadline=date(2026, 12, 30),
        basis="Quyết định số 12/QĐ-UBND ban hành Quy chế hoạt động của Hội đồng; Kế hoạch số "
        "45/KH-UBND đánh giá, phân hạng sản phẩm OCOP năm 2026",
    )  # fmt: skip
    _upgrade_story(_producer(HTX_PX), users, rounds[(2025, 2)], rounds[(2026, 2)])
    for producer_name, name, set_number, steps in STORIES:
        product = _product(_producer(producer_name), name, set_number)
        application = _filed(product, extra, "first", date(2026, 11, 16))
        _walk(application, users, steps, date(2026, 11, 17))


def _upgrade_story(producer, users, round_2025, round_2026) -> None:
    """Gạo nếp cái hoa vàng: 3★ in round 2/2025 (148-2023), upgrade filed in round 2/2026."""
    product = _product(producer, "Gạo nếp cái hoa vàng Phú Xuyên", 3)
    first = _filed(product, round_2025, "first", date(2025, 9, 15))
    steps = [("producer", "submit"), ("commune", "propose"), ("province", "accept"),
             ("advisor", "report_to_council")]  # fmt: skip
    _walk(first, users, steps, date(2025, 9, 16))
    product.current_stars = 3  # the certificates app records this after the decision
    product.save(update_fields=["current_stars"])
    upgrade = _filed(product, round_2026, "upgrade", date(2026, 9, 10))
    _upload(_representative(producer), upgrade, "1.2", "hop-dong-lien-ket-2026.pdf")
    steps = [("producer", "submit"), ("commune", "propose"), ("province", "accept")]
    _walk(upgrade, users, steps, date(2026, 9, 11))


def _filed(product, round_, kind, day) -> Application:
    user = _representative(product.producer)
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
        actor = _representative(application.producer) if username == "producer" else users[username]
        application_transition(
            actor=actor, application=application, action=action, today=day,
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


def _producer(name: str) -> Producer:
    return Producer.objects.filter(name=name).first() or demo_producer(name)


def _representative(producer: Producer) -> User:
    """The producer's demo account, or a representative who cannot log in (no demo password): only
    `producer` and `producer2` are demo accounts, the other producers still file their own dossiers."""
    found = producer.representatives.order_by("pk").first()
    if found is None:
        found = User(
            username=f"daidien-{producer.tax_code}", role=Role.PRODUCER,
            full_name=producer.representative_name or producer.name,
        )  # fmt: skip
        found.set_unusable_password()
        found.save()
        producer.representatives.add(found)
    return found


def _product(producer, name, set_number) -> Product:
    return Product.objects.filter(producer=producer, name=name).first() or Product.objects.create(
        producer=producer, name=name, rules="26-2026", set_number=set_number,
        search_key=name.lower(),
    )  # fmt: skip
