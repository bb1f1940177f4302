"""Plan pages: an officer sets targets and a planned budget; the actuals come from the records."""

from datetime import date

import pytest

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.programme.models import Attendance, Course, Plan, Target

pytestmark = pytest.mark.django_db


def test_a_province_officer_writes_the_phu_xuyen_plan(personas, pw):
    data = {
        "unit": "280", "name": "Kế hoạch 2026–2030", "start_year": "2026", "end_year": "2030",
        "stars": "3", "target_products_stars": "200", "target_showrooms_open": "1",
        "budget_packaging": "1.500.000.000", "budget_showrooms": "3500000000",
    }  # fmt: skip
    client = client_for(personas["province_p"])
    response = client.post("/programme/plans/new/", data)
    plan = Plan.objects.get(name="Kế hoạch 2026–2030")
    assert response["Location"] == f"/programme/plans/{plan.pk}/"
    assert plan.historic_unit.code == "280"
    targets = set(plan.targets.values_list("indicator", "stars", "value"))
    assert targets == {("products_stars", 3, 200), ("showrooms_open", None, 1)}
    budget = dict(plan.budget_lines.values_list("content", "amount"))
    assert budget == {"packaging": 1_500_000_000, "showrooms": 3_500_000_000}
    page = client.get(response["Location"]).content.decode()
    assert "Sản phẩm được công nhận từ 3 sao trở lên" in page
    assert "5.000.000.000 đồng" in page
    assert AuditEntry.objects.filter(action="plan_create").count() == 1


def test_a_commune_officer_may_not_write_a_plan_for_the_district(personas, pw):
    response = client_for(personas["commune_x"]).post(
        "/programme/plans/new/",
        {"unit": "280", "name": "X", "start_year": "2026", "end_year": "2030", "stars": "3"},
    )
    assert "Bạn không quản lý kinh phí của đơn vị này." in response.content.decode()
    assert Plan.objects.count() == 1  # pw's own plan only
    assert client_for(personas["commune_x"]).get(f"/programme/plans/{pw.plan.pk}/").status_code == (
        404
    )


def test_each_actual_links_to_the_records_behind_it(personas, pw):
    course = Course.objects.create(
        province=pw.plan.province, historic_unit=pw.district, title="Tập huấn", audience="both",
        start_date=date(2022, 3, 1), end_date=date(2022, 3, 1), place="UBND", organiser="Huyện",
    )  # fmt: skip
    Attendance.objects.create(course=course, kind="official", user=personas["commune_x"], name="X")
    Attendance.objects.create(course=course, kind="producer", producer=pw.producer_a, name="A")
    officials = Target.objects.create(plan=pw.plan, indicator="officials_trained_share", value=100)
    producers = Target.objects.create(plan=pw.plan, indicator="producers_trained", value=23)
    client = client_for(personas["province_p"])
    plan_page = client.get(f"/programme/plans/{pw.plan.pk}/").content.decode()
    assert f'href="/programme/targets/{officials.pk}/records/"' in plan_page
    page = client.get(f"/programme/targets/{officials.pk}/records/").content.decode()
    assert "commune_x" in page  # the persona's full name
    page = client.get(f"/programme/targets/{producers.pk}/records/").content.decode()
    assert "HTX Phú Xuyên" in page and "HTX Phượng Dực" not in page
