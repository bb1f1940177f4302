import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ocop.accounts.testing import PASSWORD
from ocop.programme.models import Plan, Target

from .test_programme import _grow


def client_for(client, personas, name):
    client.login(username=personas[name].username, password=PASSWORD)
    return client


def dashboard(code, **query):
    url = reverse("reports:programme_dashboard", args=[code])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_commune_officer_sees_its_commune_dashboard_with_charts_as_tables(
    client, personas, programme
):
    body = client_for(client, personas, "commune_x").get(dashboard("10273", start=2019, end=2025))
    assert body.status_code == 200
    html = re.sub(r">\s+<", "><", body.content.decode())
    assert re.findall(r'<table data-chart="(\w+)">', html) == [
        "bar",
        "bar",
        "hbar",
        "bar",
        "doughnut",
    ]
    assert '<th scope="row">2020</th><td data-value="1">1</td><td data-value="1">1</td>' in html
    assert '<td data-value="50000000">50.000.000 đồng</td>' in html
    assert "/static/vendor/chartjs/chart.umd.min.js" in html and "/static/js/charts.js" in html
    assert "report.xlsx?start=2019&amp;end=2025" in html


@pytest.mark.parametrize(
    ("persona", "code", "status"),
    [
        ("commune_x", "10279", 404), ("commune_x", "01", 404), ("province_p", "10279", 200),
        ("province_p", "79", 404), ("province_q", "01", 404), ("central", "79", 200),
        ("producer_a", "10273", 403), ("advisor", "01", 403), ("admin", "99", 404),
    ],
)  # fmt: skip
def test_dashboard_scope(client, personas, programme, persona, code, status):
    assert client_for(client, personas, persona).get(dashboard(code)).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client, programme):
    response = client.get(dashboard("10273"))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_reversed_period_is_shown_as_an_error_and_the_default_period_used(
    client, personas, programme
):
    html = client_for(client, personas, "province_p").get(dashboard("01", start=2025, end=2020))
    assert "Năm bắt đầu phải không sau năm kết thúc." in html.content.decode()
    xlsx = client.get(reverse("reports:programme_xlsx", args=["01"]) + "?start=2025&end=2020")
    assert xlsx.status_code == 400


def test_unit_picker_offers_the_province_officer_its_own_units(client, personas, programme):
    html = (
        client_for(client, personas, "province_p")
        .get(reverse("reports:unit_list"))
        .content.decode()
    )
    assert re.findall(r'href="/reports/programme/(\d+)/"', html) == ["01", "10273", "10279"]
    found = client.get(reverse("reports:unit_list") + "?code=10279")
    assert found["Location"] == "/reports/programme/10279/"
    refused = client.get(reverse("reports:unit_list") + "?code=26734").content.decode()
    assert "Không có đơn vị hành chính mã “26734” trong phạm vi của bạn." in refused


def test_downloads_are_the_report_of_the_period(client, personas, programme):
    c = client_for(client, personas, "commune_x")
    xlsx = c.get(reverse("reports:programme_xlsx", args=["10273"]) + "?start=2019&end=2025")
    assert xlsx["Content-Disposition"] == 'attachment; filename="bao-cao-ocop-10273-2019-2025.xlsx"'
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book["Kinh phí theo nguồn"]["B2"].value == 50_000_000
    pdf = c.get(reverse("reports:programme_pdf", args=["10273"]) + "?start=2019&end=2025")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_home_shows_the_officer_its_numbers(client, personas, programme):
    html = client_for(client, personas, "commune_x").get("/").content.decode()
    assert "Sản phẩm theo số sao" in html
    assert '<tr><th scope="row">4★</th><td>1</td></tr>' in html
    assert '<tr><th scope="row">Chưa xếp hạng</th><td>1</td></tr>' in html
    assert 'href="/reports/programme/10273/"' in html


def test_home_shows_a_producer_only_its_own_products(client, personas, programme):
    html = client_for(client, personas, "producer_b").get("/").content.decode()
    assert '<tr><th scope="row">3★</th><td>1</td></tr>' in html
    assert '<tr><th scope="row">4★</th><td>0</td></tr>' in html
    assert "/reports/programme/" not in html


def test_home_for_visitors_has_no_numbers(client, programme):
    html = client.get("/").content.decode()
    assert "Sản phẩm theo số sao" not in html and "Đăng nhập" in html


def _page_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_pages_take_the_same_number_of_queries_as_the_data_grows(
    client, personas, programme, territory
):
    c = client_for(client, personas, "province_p")
    urls = ["/", dashboard("01", start=2019, end=2025), dashboard("10273", start=2019, end=2025)]
    small = [_page_queries(c, url) for url in urls]
    _grow(territory, 10)
    assert [_page_queries(c, url) for url in urls] == small


def test_the_dashboard_takes_the_same_queries_for_more_targets(client, personas, programme):
    plan = Plan.objects.create(province=programme.honey.producer.commune.province, name="Đề án",
                               start_year=2019, end_year=2025)  # fmt: skip
    Target.objects.create(plan=plan, indicator="products_stars", stars=3, value=10)
    Target.objects.create(plan=plan, indicator="budget_disbursed", value=10)
    c = client_for(client, personas, "province_p")
    url = dashboard("01", start=2019, end=2025)
    few = _page_queries(c, url)
    for indicator in ("events_held", "showrooms_open", "producers_trained"):
        Target.objects.create(plan=plan, indicator=indicator, value=10)
    Target.objects.create(plan=plan, indicator="products_stars", stars=4, value=5)
    second = Plan.objects.create(province=plan.province, name="Kế hoạch", start_year=2021,
                                 end_year=2025)  # fmt: skip
    Target.objects.create(plan=second, indicator="officials_trained_share", value=100)
    assert _page_queries(c, url) == few
    assert c.get(url).content.decode().count("/records/") == 7


def test_the_menu_leads_officers_to_the_dashboards_and_not_producers(client, personas, programme):
    assert (
        'data-nav="reports:unit_list"'
        in client_for(client, personas, "commune_x").get("/").content.decode()
    )
    client.logout()
    assert (
        "reports:unit_list"
        not in client_for(client, personas, "producer_a").get("/").content.decode()
    )


HOSTILE = st.one_of(
    st.text(max_size=40), st.integers(-(10**20), 10**20).map(str), st.sampled_from(
        ["", " 2024", "2024.0", "２０２４", "1e3", "-1", "2024\x00", "<script>", "' OR 1=1 --"]
    ),
)  # fmt: skip


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=HOSTILE, start=HOSTILE, end=HOSTILE)
def test_hostile_codes_and_years_never_break_a_page(client, personas, programme, code, start, end):
    c = client_for(client, personas, "central")
    query = {"start": start, "end": end}
    if code.strip("/").strip() and "/" not in code and "\x00" not in code:
        for name in ("reports:programme_dashboard", "reports:programme_xlsx"):
            url = reverse(name, args=[code])
            assert c.get(url, query).status_code in (200, 400, 404)
    assert c.get(reverse("reports:unit_list"), {"code": code}).status_code in (200, 302)


def test_the_kept_chart_tables_follow_every_change_of_a_figure(client, personas, programme):
    """The chart tables are kept under a digest of their figures and language: a new payment is a
    new table at once, and the English page never shows the Vietnamese one."""
    from datetime import date

    from ocop.programme.models import Allocation, Disbursement

    officer = client_for(client, personas, "commune_x")
    first = officer.get(dashboard("10273", start=2019, end=2025)).content.decode()
    assert '<td data-value="50000000">50.000.000 đồng</td>' in first
    allocation = Allocation.objects.get(commune__code="10273")
    allocation.amount = 70_000_000
    allocation.save(update_fields=["amount"])
    Disbursement.objects.create(allocation=allocation, paid_on=date(2024, 5, 1),
                                amount=7_000_000, description="Thêm")  # fmt: skip
    again = officer.get(dashboard("10273", start=2019, end=2025)).content.decode()
    assert '<td data-value="57000000">57.000.000 đồng</td>' in again
    assert '<td data-value="70000000">70.000.000 đồng</td>' in again
    client.cookies["django_language"] = "en"
    english = officer.get(dashboard("10273", start=2019, end=2025)).content.decode()
    assert "Budget by support content" in english
    assert (
        "Kinh phí theo nội dung hỗ trợ" not in english and "Kinh phí theo nội dung hỗ trợ" in again
    )
