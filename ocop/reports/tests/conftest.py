"""A small programme world: province P (01) with communes X (10273) and Y (10279), province Q
(79) with commune Z. In X: producer A with three products (4★ certificate of 2024, 3★ historic
result of 2020 after a 2★ in 2019, one not ranked), trained at X's 2024 course; in Y producer B
with a 3★ certificate of 2025; in Z producer C with a 5★ certificate (another province).
Money: P's 2024 promotion allocation of 100,000,000 đồng (40,000,000 paid), X's 2024 survey
allocation of 50,000,000 (all paid)."""

from dataclasses import dataclass
from datetime import date

import pytest

from ocop.certificates import services
from ocop.certificates.models import Certificate, HistoricResult
from ocop.programme.models import (
    Allocation,
    Attendance,
    Course,
    Disbursement,
    Event,
    Showroom,
)
from ocop.registry.models import Producer, Product
from ocop.registry.testing import make_producer, make_product

TODAY = date(2026, 12, 2)


@dataclass
class Programme:
    producer_a: Producer
    producer_b: Producer
    honey: Product
    rice: Product
    tea: Product
    honey_certificate: Certificate


def issue(product, stars: int, day: date) -> Certificate:
    central = stars == 5
    return services.certificate_issue(
        actor=None, product=product, stars=stars, rules="148-2023" if day.year < 2026 else "26-2026",
        authority_name="Bộ Nông nghiệp và Môi trường" if central else "UBND thành phố Hà Nội",
        authority_level="central" if central else "province", decision_number=f"{day.year}/QĐ",
        decision_date=day, issue_date=day,
    )  # fmt: skip


@pytest.fixture
def programme(territory, personas) -> Programme:
    t = territory
    a = make_producer(t.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"])
    b = make_producer(t.commune_y, "HTX Phượng Dực", 2, personas["producer_b"])
    c = make_producer(t.commune_z, "Công ty Sài Gòn Xanh", 3)
    honey = make_product(a, "Mật ong Phú Xuyên", current_stars=4)
    rice = make_product(a, "Gạo Phú Xuyên", current_stars=3)
    tea = make_product(a, "Trà Phú Xuyên")
    pickle = make_product(b, "Dưa Phượng Dực", current_stars=3)
    coffee = make_product(c, "Cà phê Sài Gòn", current_stars=5)
    honey_certificate = issue(honey, 4, date(2024, 3, 1))
    issue(pickle, 3, date(2025, 7, 5))  # a province 3★ only from 1 Jul 2025 (148-2023)
    issue(coffee, 5, date(2024, 8, 8))
    for year, stars in ((2019, 2), (2020, 3)):
        HistoricResult.objects.create(
            product=rice, year=year, rules="1048-2019", stars=stars,
            authority_name="UBND huyện Phú Xuyên", authority_level="district_historic",
        )  # fmt: skip
    province = Allocation.objects.create(
        province=t.province_p, year=2024, source="province", content="promotion", amount=100_000_000
    )
    commune = Allocation.objects.create(
        province=t.province_p, commune=t.commune_x, year=2024, source="commune", content="surveys",
        amount=50_000_000,
    )  # fmt: skip
    Disbursement.objects.create(allocation=province, paid_on=date(2024, 9, 1), amount=40_000_000,
                                description="Hội chợ")  # fmt: skip
    Disbursement.objects.create(allocation=commune, paid_on=date(2024, 4, 1), amount=50_000_000,
                                description="Điều tra")  # fmt: skip
    course = Course.objects.create(
        province=t.province_p, commune=t.commune_x, title="Tập huấn OCOP", audience="both",
        start_date=date(2024, 5, 6), end_date=date(2024, 5, 7), place="UBND xã",
        organiser="UBND xã Phú Xuyên",
    )  # fmt: skip
    Attendance.objects.create(course=course, kind="producer", producer=a, name="Nguyễn Văn A")
    Attendance.objects.create(course=course, kind="official", user=personas["commune_x"],
                              name="Trần Thị B", unit_name="Xã")  # fmt: skip
    event = Event.objects.create(
        province=t.province_p, kind="fair", name="Hội chợ OCOP Hà Nội", start_date=date(2024, 9, 1),
        end_date=date(2024, 9, 3), place="Hà Nội", organiser="Sở NN&MT",
    )  # fmt: skip
    event.products.add(honey, pickle)
    room = Showroom.objects.create(
        province=t.province_p, commune=t.commune_x, kind="showroom", name="Điểm OCOP Phú Xuyên",
        address="Thôn Thượng", location=t.commune_x, operator="HTX Phú Xuyên",
        opened_on=date(2023, 10, 1),
    )  # fmt: skip
    room.products.add(honey)
    return Programme(a, b, honey, rice, tea, honey_certificate)
