"""Plan pages: an officer sets targets and a planned budget; the actuals come from the records."""

import pytest

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.programme.models import Plan

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
