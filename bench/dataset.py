"""The national data set, built once per size and database, then reused by every run.

Full size: 50,000 products of 20,000 producers spread over all 34 provinces and 3,321 communes,
10,000 dossiers (one province session of 500 products × 7 members among them), 100,000 score
sheets, 5,000 certificates, and programme records (allocations, disbursements, courses). `--quick`
builds 1/25 of it. A marker table records what was built; a second run finds it and skips the build.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.certificates.models import Certificate
from ocop.certificates.signing import new_token
from ocop.criteria.engine import score_sheet, sheet_record
from ocop.criteria.rules import load_rule_set
from ocop.evaluation.models import Application, Council, ScoreSheet, Session, SessionItem
from ocop.evaluation.testing import make_council, make_round
from ocop.places.models import Commune, Province
from ocop.programme.models import Allocation, Course, Disbursement
from ocop.registry.models import Producer, Product
from ocop.registry.testing import valid_tax_code

VERSION = 2
PASSWORD = "ocop-bench"
FULL = {"producers": 20_000, "products": 50_000, "dossiers": 10_000, "sheets": 100_000,
        "certificates": 5_000, "session": 500, "disbursements": 3_000, "courses": 1_000}  # fmt: skip
QUICK = {key: max(value // 25, 20) for key, value in FULL.items()} | {"session": 100}

GOODS = ["Mật ong hoa nhãn", "Chè Shan tuyết", "Nước mắm cá cơm", "Gạo ST25", "Cà phê Robusta",
         "Miến dong", "Bánh đa nem", "Tương bần", "Rượu cần", "Giò lụa", "Cốm làng", "Nem chua",
         "Mắm tôm", "Bưởi da xanh", "Vải thiều", "Hạt điều rang muối", "Tiêu đen", "Măng khô",
         "Trà hoa vàng", "Kẹo dừa", "Tinh dầu sả", "Nón lá", "Chiếu cói", "Gốm men lam"]  # fmt: skip
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]  # fmt: skip
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Thị Dung", "Quốc Huy", "Thị Lan", "Văn Long",
         "Thu Hà", "Đức Thắng", "Ngọc Mai", "Văn Hùng", "Thị Hoa"]  # fmt: skip
FORMS = [("cooperative", "HTX"), ("llc", "Công ty TNHH"), ("cooperative_group", "Tổ hợp tác"),
         ("private_enterprise", "Doanh nghiệp tư nhân"), ("farm", "Trang trại")]  # fmt: skip


@dataclass
class Dataset:
    size: str
    users: dict[str, User]
    session: Session
    tokens: list[tuple[str, str]]  # (token, verification path) of certificates in force


def ensure(size: str, log) -> Dataset:
    """The data set of `size` ("full" or "quick"): reused when the marker says it is built."""
    call_command("migrate", verbosity=0)
    marker = f"{size}-v{VERSION}"
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_dataset (marker varchar(40))")
        cursor.execute("SELECT marker FROM bench_dataset")
        found = [row[0] for row in cursor.fetchall()]
    if found != [marker]:
        log(f"building the {size} data set (once; later runs reuse it)…")
        if found or Product.objects.exists():
            call_command("flush", interactive=False, verbosity=0)
        build(QUICK if size == "quick" else FULL, log)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM bench_dataset")
            cursor.execute("INSERT INTO bench_dataset VALUES (%s)", [marker])
            if connection.vendor == "postgresql":  # the statistics autovacuum would gather later
                cursor.execute("VACUUM ANALYZE")
    else:
        log(f"reusing the {size} data set")
    return load(size)


def load(size: str) -> Dataset:
    users = {u.username: u for u in User.objects.filter(username__startswith="bench_")}
    session = Session.objects.filter(council__name="Hội đồng bench A").get()
    from ocop.certificates.signing import verification_path

    tokens = list(Certificate.objects.filter(status="valid").values_list("token", flat=True)[:1000])
    return Dataset(size, users, session, [(t, verification_path(t)) for t in tokens])


@transaction.atomic
def build(n: dict[str, int], log) -> None:
    rng = random.Random(2026)
    call_command("places", "load", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    communes = list(Commune.objects.select_related("province").order_by("code"))
    hanoi = Province.objects.get(code="01")
    phu_xuyen = Commune.objects.get(code="10273")
    users = _users(hanoi, phu_xuyen)
    producers = _producers(n["producers"], communes, rng)
    log(f"  {len(communes)} communes, {len(producers)} producers")
    products = _products(n["products"], producers, rng)
    log(f"  {len(products)} products")
    sheets = _evaluation(n, products, hanoi, users, rng)
    log(f"  {n['dossiers']} dossiers, {sheets} score sheets")
    _certificates(n["certificates"], products, rng)
    _programme(n, producers, rng)
    log(f"  {n['certificates']} certificates, programme records")


def _users(hanoi, phu_xuyen) -> dict[str, User]:
    specs = [("bench_central", Role.CENTRAL, {}), ("bench_province", Role.PROVINCE, {"province": hanoi}),
             ("bench_commune", Role.COMMUNE, {"province": hanoi, "commune": phu_xuyen})]  # fmt: skip
    specs += [(f"bench_member{k}", Role.COUNCIL_MEMBER, {"province": hanoi}) for k in range(18)]
    users = {}
    for username, role, extra in specs:
        user = User(username=username, role=role, full_name=username, **extra)
        user.set_password(PASSWORD)
        users[username] = user
    User.objects.bulk_create(users.values())
    return {u.username: u for u in User.objects.filter(username__startswith="bench_")}


def _producers(count: int, communes: list[Commune], rng) -> list[Producer]:
    rows = []
    for k in range(count):
        commune = communes[k % len(communes)]
        form, prefix = FORMS[k % len(FORMS)]
        person = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
        name = (
            f"{prefix} {rng.choice(GOODS).split()[0]} {commune.name}"
            if k % 3
            else f"{prefix} {person}"
        )
        producer = Producer(
            legal_form=form, name=f"{name} {k}", tax_code=valid_tax_code(10_000 + k * 3),
            commune=commune, representative_name=person, phone="0912345678",
        )  # fmt: skip
        producer.search_key = producer.make_search_key()
        rows.append(producer)
    return Producer.objects.bulk_create(rows, batch_size=2000)


def _products(count: int, producers: list[Producer], rng) -> list[Product]:
    rows = []
    for k in range(count):
        owner = producers[k % len(producers)]
        product = Product(
            producer=owner, name=f"{rng.choice(GOODS)} {owner.commune.name} {k}", rules="26-2026",
            set_number=k % 26 + 1, price=10_000 + k % 500 * 1000,
        )  # fmt: skip
        product.search_key = product.make_search_key(owner)
        rows.append(product)
    return Product.objects.bulk_create(rows, batch_size=2000)


def _evaluation(n, products, hanoi, users, rng) -> int:
    """Dossiers in a round per province; council A (7 members) holds the session of n["session"]
    products of Hà Nội; council B (11 members) scores the rest, for exactly n["sheets"] sheets."""
    rounds = {p.pk: make_round(p, year=2026) for p in Province.objects.all()}
    dossiers = Application.objects.bulk_create(
        [Application(round=rounds[p.producer.commune.province_id], product=p, producer=p.producer,
                     commune=p.producer.commune, kind="first", rules="26-2026",
                     set_number=p.set_number, stage=rng.choice(["submitted", "proposed", "advisory_review", "in_council_session"]),
                     stage_due=date(2026, 1, 1) + timedelta(days=k % 400),
                     registration_number=f"{k + 1:05d}/PĐK-bench")
         for k, p in enumerate(products[: n["dossiers"]])],
        batch_size=2000,
    )  # fmt: skip
    members = [users[f"bench_member{k}"] for k in range(18)]
    council_a = make_council(hanoi, members[:7], quorum=5)
    Council.objects.filter(pk=council_a.pk).update(name="Hội đồng bench A")
    council_b = make_council(hanoi, members[7:], quorum=5)
    big, rest = dossiers[: n["session"]], dossiers[n["session"] :]
    sheets = _session(council_a, big, rng)
    # Exactly n["sheets"]: every other dossier gets `per_item` members' sheets, the first `extra`
    # one more (full size: 3,500 + 1,500 × 11 + 8,000 × 10 = 100,000).
    per_item, extra = divmod(max(n["sheets"] - sheets, len(rest)), max(len(rest), 1))
    seats = list(council_b.members.all())
    assert per_item + (extra > 0) <= len(seats), "council B is too small for the sheet count"
    sheets += _session(council_b, rest, rng, seats[:per_item], seats[: per_item + 1], extra)
    return sheets


def _session(council, dossiers, rng, seats=None, more_seats=None, more=0) -> int:
    """Sheets of `seats` (all members by default) on each dossier, of `more_seats` on the first
    `more` dossiers."""
    round_id = dossiers[0].round_id
    session = Session.objects.create(council=council, round_id=round_id, held_on=date(2026, 5, 20))
    session.present.set(council.members.all())
    items = SessionItem.objects.bulk_create(
        [SessionItem(session=session, application=a) for a in dossiers], batch_size=2000
    )
    seats = seats or list(council.members.all())
    rule_set, now, count = load_rule_set("26-2026"), timezone.now(), 0
    batch = []
    for index, (item, dossier) in enumerate(zip(items, dossiers, strict=True)):
        sheet = rule_set.sheets[dossier.set_number]
        for seat in more_seats if index < more else seats:
            answers = {c.code: rng.choice(c.allowed) for c in sheet.criteria}
            # As sheet_submit stores it: the engine's result beside the answers.
            result = score_sheet(sheet, answers)
            batch.append(ScoreSheet(item=item, member=seat, answers=answers, total=result.total,
                                    scored=sheet_record(result), status="submitted", submitted_at=now,
                                    version=1))  # fmt: skip
        if len(batch) >= 5000:
            count += len(ScoreSheet.objects.bulk_create(batch))
            batch = []
    return count + len(ScoreSheet.objects.bulk_create(batch))


def _certificates(count: int, products: list[Product], rng) -> None:
    rows = []
    for k, product in enumerate(products[-count:]):
        issued = date(2024, 1, 1) + timedelta(days=k % 700)
        rows.append(Certificate(
            number=f"{k + 1:05d}/{issued.year}/GCN-BENCH", product=product, product_name=product.name,
            producer_name=product.producer.name, producer_address=product.producer.commune.name,
            stars=3 + k % 3, rules="26-2026", authority_name="UBND tỉnh", authority_level="province",
            decision_number=f"{k}/QĐ-UBND", decision_date=issued, issue_date=issued,
            valid_until=issued + timedelta(days=3 * 365), status="valid", token=new_token(),
        ))  # fmt: skip
    Certificate.objects.bulk_create(rows, batch_size=2000)
    Product.objects.filter(pk__in=[p.pk for p in products[-count:]]).update(
        certificate_status="valid", current_stars=4
    )


def _programme(n, producers, rng) -> None:
    """Programme records straight through bulk_create (their services are another issue's)."""
    provinces = list(Province.objects.all())
    allocations = Allocation.objects.bulk_create(
        [Allocation(province=p, year=2026, source="province", content="training", amount=500_000_000)
         for p in provinces]
    )  # fmt: skip
    Disbursement.objects.bulk_create(
        [Disbursement(allocation=allocations[k % len(allocations)], paid_on=date(2026, 1 + k % 12, 1 + k % 28),
                      amount=1_000_000 + k * 1000, description=f"Hỗ trợ chủ thể {k}",
                      producer=producers[k % len(producers)])
         for k in range(n["disbursements"])],
        batch_size=2000,
    )  # fmt: skip
    Course.objects.bulk_create(
        [Course(province=provinces[k % len(provinces)], title=f"Tập huấn OCOP {k}", audience="producers",
                start_date=date(2026, 3, 1), end_date=date(2026, 3, 3), place="Hội trường",
                organiser="Sở Nông nghiệp")
         for k in range(n["courses"])],
        batch_size=2000,
    )  # fmt: skip
