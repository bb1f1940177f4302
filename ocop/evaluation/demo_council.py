"""The demo's council story: round 2/2026 of Hà Nội scored by a council of seven (member1 chairs,
member7 is the secretary). It shows a declared conflict and automatic flags the secretary
reviewed, a sheet entered from paper, a spread warning recorded under the council's rules, a
rejected dossier, products at 2★, 3★ and 4★ with decision 01/QĐ-UBND and certificates, and one
product proposed to the ministry for 5★. Idempotent; called by demo.seed_evaluation()."""

from datetime import date

from ocop.accounts.models import User
from ocop.places.models import Commune, Province
from ocop.registry.models import Product

from .models import Council, CouncilMember, Round
from .services.councils import (
    conflict_declare,
    conflict_review,
    council_create,
    council_member_add,
)  # fmt: skip
from .services.decisions import decision_issue
from .services.sessions import item_outcome_record, session_close, session_create
from .services.sheets import item_sheet, sheet_submit
from .testing import answers_totalling

COUNCIL_NAME = "Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Hà Nội năm 2026"
AGENCIES = ["UBND thành phố Hà Nội", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Y tế",
            "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
            "Văn phòng điều phối Chương trình OCOP"]  # fmt: skip
POSITIONS = ["chair", "vice_chair", "member", "member", "member", "member", "secretary"]
HTX_PX, QUANG_HA, NAM_TIEN = (
    "HTX Nông nghiệp Phú Xuyên", "Tổ hợp tác Mật ong Quang Hà", "Hộ kinh doanh Giò chả Nam Tiến")  # fmt: skip
# (producer, product, set, member totals in seat order (None: no sheet), rejection reason or None)
STORIES: list[tuple[str, str, int, list[int | None], str | None]] = [
    (QUANG_HA, "Chè búp Phú Xuyên", 11, [82, 76, 78, 74, 80, 86, 79], None),  # 4★, spread 12
    (HTX_PX, "Bún khô Phú Xuyên", 6, [62, 60, None, 58, 61, 63, 64], None),  # 3★, member3 conflicted
    (NAM_TIEN, "Bánh gai Phú Xuyên", 6, [45, 44, 47, 42, 46, 48, 43], None),  # 2★, not recognised
    (HTX_PX, "Miến dong Phú Xuyên", 6, [92, 91, 93, 90, 94, 92, 91], None),  # 5★: to the ministry
    (HTX_PX, "Rượu nếp Phú Xuyên", 14, [],
     "Nguyên liệu gạo nếp nhập ngoài tỉnh, không rõ nguồn gốc."),
]  # fmt: skip
STEPS = [("producer", "submit"), ("commune", "propose"), ("province", "accept"),
         ("advisor", "record_site_visit"), ("advisor", "report_to_council")]  # fmt: skip


def seed_council_story(producer_named, users, round_2026: Round, filed, walk) -> None:
    """`producer_named(name)` finds (or makes) a demo producer; `filed` and `walk` are the dossier
    steps of demo.py."""
    if Council.objects.filter(name=COUNCIL_NAME).exists():
        return
    province = Province.objects.get(code="01")
    dossiers = []
    for producer_name, name, set_number, _totals, _outcome in STORIES:
        product = _product(producer_named(producer_name), name, set_number)
        application = filed(product, round_2026, "first", date(2026, 9, 10))
        walk(application, users, STEPS, date(2026, 9, 11))
        dossiers.append(application)
    council, seats = _council(province)
    conflict_declare(actor=seats[2].user, member=seats[2], product=dossiers[1].product,
                     reason="Vợ là xã viên của HTX sản xuất sản phẩm.")  # fmt: skip
    session = session_create(
        actor=users["province"], council=council, round=round_2026, held_on=date(2026, 11, 20),
        place="Sở Nông nghiệp và Môi trường Hà Nội", applications=dossiers,
    )  # fmt: skip
    for conflict in seats[3].conflicts.filter(status="flagged"):
        conflict_review(actor=seats[6].user, conflict=conflict, confirmed=False,
                        note="Cùng địa bàn cư trú, không có quan hệ với chủ thể.")  # fmt: skip
    items = list(session.items.order_by("id"))
    for item, (_producer, _name, _set, totals, outcome) in zip(items, STORIES, strict=True):
        if outcome:
            item_outcome_record(
                actor=seats[6].user, item=item, outcome="reject", rule="reject-2", reason=outcome
            )  # Phụ lục II set 14: "Bị loại nếu … không rõ nguồn gốc"
        for index, (seat, total) in enumerate(zip(seats, totals, strict=False)):
            if total is None:
                continue
            paper = item is items[2] and index == 5  # member6's paper sheet, typed by the secretary
            sheet_submit(actor=seats[6].user if paper else seat.user, item=item, member=seat,
                         answers=answers_totalling(item_sheet(item), total), on_paper=paper)  # fmt: skip
    session_close(actor=seats[6].user, session=session)
    decision_issue(
        actor=users["province"], level="province", province=province,
        items=list(session.items.filter(outcome="")), decided_on=date(2026, 11, 25),
        signer="Nguyễn Văn Phong", signer_title="deputy",
    )  # fmt: skip


def _council(province) -> tuple[Council, list[CouncilMember]]:
    council = council_create(
        actor=None, level="province", province=province, year=2026, name=COUNCIL_NAME,
        established_by="Quyết định số 45/QĐ-UBND ngày 15/10/2026", quorum=5,
        spread_limit=10, spread_policy="record",
    )  # fmt: skip
    phu_xuyen = Commune.objects.get(code="10273")
    seats = []
    for number, (agency, position) in enumerate(zip(AGENCIES, POSITIONS, strict=True), 1):
        user = User.objects.get(username=f"member{number}")
        home = phu_xuyen if number == 4 else None  # member4 lives in Phú Xuyên: flagged, reviewed
        seats.append(council_member_add(actor=None, council=council, user=user, position=position,
                                        agency=agency, home_commune=home))  # fmt: skip
    advisor = User.objects.get(username="advisor")
    council_member_add(actor=None, council=council, user=advisor, position="advisor",
                       agency="Tổ tư vấn giúp việc Hội đồng")  # fmt: skip
    return council, seats


def _product(producer, name, set_number):
    return Product.objects.filter(producer=producer, name=name).first() or Product.objects.create(
        producer=producer, name=name, rules="26-2026", set_number=set_number,
        search_key=name.lower(),
    )  # fmt: skip
