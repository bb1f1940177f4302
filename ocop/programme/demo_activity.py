"""Demo data of the annual cycle, training and promotion (the seed story, DOMAIN.md §8). Only
`ocop demo` (ocop/demo/seed.py) calls this; idempotent.

- Three courses of the former Phú Xuyên district (code 280) in 2018–2020 whose attendance covers
  all 23 Phú Xuyên producers, and officials (the demo `commune` account among them); a 2026
  course of Xã Phú Xuyên itself.
- The district's OCOP showroom and two promotion events (its opening, a fair).
- The 2026 cycle of Xã Phú Xuyên (10273): its windows, and ideas and business plans at each stage
  (submitted, accepted, returned; plan submitted, approved and linked to its product, returned).
"""

from datetime import date

from django.db import transaction

from ocop.accounts.models import User
from ocop.places.models import Commune, HistoricUnit
from ocop.registry.demo import PHU_XUYEN_PRODUCERS
from ocop.registry.models import Producer, Product

from .choices import AttendeeKind, Audience, EventKind, OutletKind
from .models import BusinessPlan, Course, Event, Idea, Showroom
from .services_cycle import (
    cycle_open,
    idea_register,
    idea_screen,
    plan_decide,
    plan_link_product,
    plan_submit,
)
from .services_training import Attendee, course_record, event_record, showroom_record
from .units import Unit, resolve_unit

DISTRICT = "UBND huyện Phú Xuyên"
OFFICIALS = [
    ("Nguyễn Văn Hùng", "Phòng Kinh tế huyện Phú Xuyên", "male"),
    ("Trần Thị Mai", "Phòng Kinh tế huyện Phú Xuyên", "female"),
    ("Lê Văn Bình", "UBND xã Phượng Dực (cũ)", "male"),
    ("Phạm Thị Hoa", "UBND xã Chuyên Mỹ (cũ)", "female"),
    ("Đỗ Văn Thành", "UBND xã Đại Xuyên (cũ)", "male"),
]
# title, topic, dates, producers (slice of the 23), officials (slice), with the `commune` account
COURSES = [
    ("Tập huấn kiến thức chung về Chương trình OCOP", "Chu trình OCOP, bộ tiêu chí 1048/2019",
     date(2018, 9, 20), date(2018, 9, 21), slice(0, 12), slice(0, 3), False),
    ("Tập huấn hoàn thiện hồ sơ sản phẩm OCOP", "Hồ sơ, phương án sản xuất kinh doanh",
     date(2019, 5, 14), date(2019, 5, 15), slice(12, 23), slice(2, 5), False),
    ("Tập huấn quản lý chất lượng và truy xuất nguồn gốc", "Tiêu chuẩn, mã truy xuất, bao bì nhãn mác",
     date(2020, 6, 10), date(2020, 6, 11), slice(0, 23), slice(0, 5), True),
]  # fmt: skip
# producer, idea, set, what happens: submitted / accepted / returned / plan_submitted /
# plan_approved (linked to the product named) / plan_returned
IDEAS_2026 = [
    ("HTX Nông nghiệp Phú Xuyên", "Trà sen Phú Xuyên", 12, "submitted", ""),
    ("Tổ hợp tác Mật ong Quang Hà", "Mật ong hoa nhãn đóng lọ thủy tinh", 4, "accepted", ""),
    ("Hộ kinh doanh Giò chả Nam Tiến", "Giò lụa hút chân không", 8, "returned", ""),
    ("Công ty TNHH Thực phẩm Hồng Thái", "Bánh chưng đóng hộp quà tặng", 6, "plan_submitted", ""),
    ("HTX Nông nghiệp Phú Xuyên", "Gạo nếp cái hoa vàng túi 2 kg", 3, "plan_approved",
     "Gạo nếp cái hoa vàng Phú Xuyên"),
    ("Trang trại Cá Minh Phát", "Cá kho làng đóng hộp", 8, "plan_returned", ""),
]  # fmt: skip


def _phu_xuyen_producers() -> list[Producer]:
    by_name = {
        p.name: p for p in Producer.objects.filter(name__in=[r[2] for r in PHU_XUYEN_PRODUCERS])
    }
    return [by_name[r[2]] for r in PHU_XUYEN_PRODUCERS if r[2] in by_name]


def _producer_attendee(producer: Producer) -> Attendee:
    return Attendee(
        AttendeeKind.PRODUCER, producer.representative_name or producer.name, producer,
        gender=producer.representative_gender, ethnic_group=producer.representative_ethnic_group,
    )  # fmt: skip


def _courses(unit: Unit, producers: list[Producer], officer: User | None) -> int:
    made = 0
    for title, topic, start, end, who, officials, with_officer in COURSES:
        if Course.objects.filter(title=title, historic_unit=unit.historic_unit).exists():
            continue
        people = [_producer_attendee(p) for p in producers[who]]
        people += [Attendee(AttendeeKind.OFFICIAL, n, unit_name=u, gender=g, ethnic_group="Kinh")
                   for n, u, g in OFFICIALS[officials]]  # fmt: skip
        if with_officer and officer is not None:
            people.append(Attendee(AttendeeKind.OFFICIAL, officer.full_name or officer.username,
                                   user=officer, unit_name="UBND xã Phú Xuyên"))  # fmt: skip
        data = {"title": title, "topic": topic, "audience": Audience.BOTH, "start_date": start,
                "end_date": end, "place": "Hội trường UBND huyện Phú Xuyên", "organiser": DISTRICT}  # fmt: skip
        course_record(actor=None, unit=unit, data=data, attendees=people)
        made += 1
    return made


def _commune_course(producers: list[Producer], officer: User | None) -> None:
    """A 2026 course of Xã Phú Xuyên itself (the `commune` account's own records)."""
    title = "Tập huấn xây dựng phương án sản xuất kinh doanh 2026"
    if Course.objects.filter(title=title).exists():
        return
    people = [_producer_attendee(p) for p in producers if p.commune.code == "10273"]
    if officer is not None:
        people.append(Attendee(AttendeeKind.OFFICIAL, officer.full_name or officer.username,
                               user=officer, unit_name="UBND xã Phú Xuyên"))  # fmt: skip
    data = {"title": title, "topic": "Phương án, dự án sản xuất kinh doanh (bước 3 của chu trình)",
            "audience": Audience.BOTH, "start_date": date(2026, 4, 20), "end_date": date(2026, 4, 20),
            "place": "Hội trường UBND xã Phú Xuyên", "organiser": "UBND xã Phú Xuyên"}  # fmt: skip
    course_record(actor=officer, unit=resolve_unit("10273"), data=data, attendees=people)


def _promotion(unit: Unit, products: list[Product]) -> None:
    name = "Điểm giới thiệu và bán sản phẩm OCOP huyện Phú Xuyên"
    if not Showroom.objects.filter(name=name).exists():
        showroom_record(actor=None, unit=unit, products=products[:20], data={
            "kind": OutletKind.SHOWROOM, "name": name, "address": "Tiểu khu Mỹ Lâm, Phú Xuyên",
            "location": Commune.objects.get(code="10273"), "operator": "HTX Nông nghiệp Phú Xuyên",
            "opened_on": date(2022, 12, 20), "closed_on": None,
        })  # fmt: skip
    events = [
        (EventKind.SHOWROOM_OPENING, "Khai trương điểm giới thiệu sản phẩm OCOP Phú Xuyên",
         date(2022, 12, 20), date(2022, 12, 20), "Tiểu khu Mỹ Lâm, Phú Xuyên", products[:20]),
        (EventKind.FAIR, "Hội chợ sản phẩm OCOP và làng nghề Phú Xuyên 2023", date(2023, 11, 10),
         date(2023, 11, 12), "Sân vận động huyện Phú Xuyên", products[:12]),
    ]  # fmt: skip
    for kind, title, start, end, place, shown in events:
        if Event.objects.filter(name=title).exists():
            continue
        event_record(actor=None, unit=unit, products=shown, data={
            "kind": kind, "name": title, "start_date": start, "end_date": end, "place": place,
            "organiser": DISTRICT,
        })  # fmt: skip


def _ideas_2026(officer: User | None) -> None:
    cycle_open(actor=None, unit=resolve_unit("10273"), year=2026)
    for producer_name, title, set_number, stage, product_name in IDEAS_2026:
        producer = Producer.objects.filter(name=producer_name).first()
        if producer is None or Idea.objects.filter(year=2026, title=title).exists():
            continue
        idea = idea_register(actor=officer, producer=producer, year=2026, title=title, set_number=set_number,
                             description=f"{title}: sản phẩm của {producer_name}, nguyên liệu tại địa phương.")  # fmt: skip
        if stage == "submitted":
            continue
        if stage == "returned":
            idea_screen(actor=officer, idea=idea, accept=False,
                        reason="Trùng với sản phẩm đã được công nhận; đề nghị chọn ý tưởng khác.")  # fmt: skip
            continue
        idea_screen(actor=officer, idea=idea, accept=True)
        if stage == "accepted":
            continue
        plan = plan_submit(actor=officer, idea=idea, title=f"Phương án sản xuất {title.lower()}",
                           summary="Đầu tư dây chuyền, đăng ký nhãn hiệu, bao bì mới, bán qua điểm OCOP.",
                           support_requested="Hỗ trợ thiết kế bao bì, nhãn mác và kiểm nghiệm",
                           support_amount=40_000_000)  # fmt: skip
        if stage == "plan_returned":
            plan_decide(actor=officer, plan=plan, approve=False,
                        reason="Chưa có phương án tiêu thụ; bổ sung hợp đồng bao tiêu.")  # fmt: skip
        elif stage == "plan_approved":
            plan_decide(actor=officer, plan=plan, approve=True)
            product = producer.products.filter(name=product_name).first()
            if product is not None:
                plan_link_product(actor=None, plan=plan, product=product)


@transaction.atomic
def seed_activity() -> str:
    """The demo's courses, showroom, events and 2026 cycle (idempotent). Returns a summary."""
    district = HistoricUnit.objects.filter(level=HistoricUnit.Level.DISTRICT, code="280").first()
    producers = _phu_xuyen_producers()
    if district is None or not producers:
        return "Chu trình, tập huấn: chưa có huyện Phú Xuyên (280) hoặc chủ thể, bỏ qua."
    unit = resolve_unit("280")
    officer = User.objects.filter(username="commune").first()
    _courses(unit, producers, officer)
    _commune_course(producers, officer)
    products = list(Product.objects.filter(producer__in=producers).order_by("id"))
    _promotion(unit, products)
    _ideas_2026(officer)
    return (
        f"Chu trình, tập huấn: {Course.objects.count()} lớp, {Idea.objects.count()} ý tưởng, "
        f"{BusinessPlan.objects.count()} phương án, {Showroom.objects.count()} điểm bán."
    )
