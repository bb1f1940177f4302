"""Post-audit pages: scope by role, constant queries, the checklist and conclusion through the
forms (with the confirmation step), the revocation from the inspection, the plan's .xlsx."""

import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ocop.accounts.testing import client_for
from ocop.certificates.models import Certificate
from ocop.core.testing import assert_styled_sheet
from ocop.inspections import services
from ocop.inspections.models import Inspection
from ocop.inspections.testing import issue, record
from ocop.registry.testing import make_product

pytestmark = pytest.mark.django_db

ROW = r'href="/inspections/(\d+)/"'


def _listed(user, **params) -> set[int]:
    body = client_for(user).get("/inspections/", params).content.decode()
    return {int(pk) for pk in re.findall(ROW, body)}


@pytest.fixture
def inspections(personas, certs, plan_p):
    officer = personas["province_p"]
    honey = services.plan_add_product(actor=officer, plan=plan_p, certificate=certs["honey"])
    coffee = services.inspection_open_adhoc(
        actor=personas["province_q"], certificate=certs["coffee"], reason="complaint",
        reason_note="", inspectors="Chi cục PTNT TP HCM",
    )  # fmt: skip
    return {"honey": honey, "coffee": coffee}


def test_list_is_scoped_by_role(personas, inspections):
    honey, coffee = inspections["honey"].pk, inspections["coffee"].pk
    assert _listed(personas["province_p"]) == {honey}
    assert _listed(personas["province_q"]) == {coffee}
    assert _listed(personas["central"]) == {honey, coffee}
    assert _listed(personas["commune_x"]) == {honey}
    assert _listed(personas["commune_y"]) == set()
    assert _listed(personas["producer_a"]) == {honey}
    assert _listed(personas["producer_b"]) == {coffee}


def test_commune_officers_and_producers_read_only(personas, inspections):
    """Art. 9.4: only the agencies inspect; the commune and the producer see, without buttons."""
    url = f"/inspections/{inspections['honey'].pk}/"
    for name in ("commune_x", "producer_a"):
        body = client_for(personas[name]).get(url).content.decode()
        assert "Kiểm tra sản phẩm OCOP" in body
        assert "/record/" not in body and "/conclude/" not in body
        assert (
            client_for(personas[name]).post(url + "record/", {"criteria_kept": "no"}).status_code
            == 403
        )
    assert Inspection.objects.get(pk=inspections["honey"].pk).criteria_kept is None
    body = client_for(personas["province_p"]).get(url).content.decode()
    assert "/record/" in body and "/conclude/" in body


def test_list_queries_do_not_grow_with_inspections(personas, certs, plan_p, products):
    officer = personas["province_p"]
    client = client_for(officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/inspections/").status_code == 200
        return len(captured)

    services.plan_add_product(actor=officer, plan=plan_p, certificate=certs["honey"])
    small = queries()
    producer = products["honey"].producer
    for n in range(30):
        certificate = issue(
            make_product(producer, f"Sản phẩm {n:02d}", 4), stars=4, number=f"{n}/QĐ"
        )
        services.plan_add_product(actor=officer, plan=plan_p, certificate=certificate)
    assert queries() == small
    second = client.get("/inspections/", {"page": 2}).content.decode()
    assert len(re.findall(ROW, second)) == 31 - 25


def test_record_and_conclude_through_the_forms(personas, inspections):
    """Concluded 3 Nov 2026 with a finding on the mark (8.1.d): the revocation is due 18 Nov 2026
    (8.4); the confirmation page says so before anything is written."""
    client = client_for(personas["province_p"])
    pk = inspections["honey"].pk
    response = client.post(f"/inspections/{pk}/record/", {
        "checked_on": "2026-10-28", "criteria_kept": "yes", "mark_kept": "no",
        "mark_note": "Tem OCOP 5 sao trên sản phẩm 4 sao", "information_kept": "yes",
        "findings": "Nhãn ghi sai số sao",
    })  # fmt: skip
    assert response.status_code == 302
    data = {"conclusion": "Sử dụng nhãn hiệu OCOP sai quy định", "concluded_on": "2026-11-03",
            "revocation_ground": "mark_misuse"}  # fmt: skip
    confirm = client.post(f"/inspections/{pk}/conclude/", data).content.decode()
    assert "18/11/2026" in confirm and "8.1.d" in confirm
    assert Inspection.objects.get(pk=pk).status == "planned"
    assert client.post(f"/inspections/{pk}/conclude/", {**data, "confirm": "1"}).status_code == 302
    inspection = Inspection.objects.get(pk=pk)
    assert (inspection.status, inspection.concluded_on, inspection.mark_kept) == (
        "concluded", date(2026, 11, 3), False
    )  # fmt: skip
    page = client.get(f"/inspections/{pk}/").content.decode()
    assert "18/11/2026" in page and "quá hạn 15 ngày" in page  # today is past 18 Nov 2026
    assert client.get(f"/inspections/{pk}/record/").status_code == 403  # final


def test_revocation_from_the_inspection(personas, inspections):
    officer = personas["province_p"]
    inspection = record(officer, inspections["honey"], kept=False)
    services.inspection_conclude(
        actor=officer, inspection=inspection, conclusion="Không duy trì tiêu chí",
        concluded_on=date(2026, 11, 3), revocation_ground="criteria_not_met",
    )  # fmt: skip
    url = f"/inspections/{inspection.pk}/revoke/"
    data = {"decision_number": "45/QĐ-UBND", "decision_date": "2026-11-17", "confirm": "1"}
    assert client_for(personas["central"]).post(url, data).status_code == 403  # 8.2.a: 4★
    assert client_for(officer).post(url, data).status_code == 302
    certificate = Certificate.objects.get(pk=inspection.certificate_id)
    assert (certificate.status, certificate.revocation_conclusion_date) == (
        "revoked", date(2026, 11, 3)
    )  # fmt: skip


def test_plan_results_export(personas, inspections):
    officer = personas["province_p"]
    inspection = record(officer, inspections["honey"], mark=False)
    services.inspection_conclude(
        actor=officer, inspection=inspection, conclusion="Sai nhãn hiệu",
        concluded_on=date(2026, 11, 3), revocation_ground="mark_misuse",
    )  # fmt: skip
    response = client_for(personas["commune_x"]).get(
        f"/inspections/plans/{inspection.plan_id}/xlsx/"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert_styled_sheet(sheet)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == (inspection.certificate.number,
                           "Mật ong hoa nhãn Phú Xuyên", 4)  # fmt: skip
    assert rows[1][4:] == ("Đạt", "Không đạt", "Đạt", "Có vi phạm", "03/11/2026", "Sai nhãn hiệu",
                           "Sử dụng sai biểu trưng OCOP", "18/11/2026", "Quá hạn")  # fmt: skip


def test_adhoc_form_finds_the_certificate_by_number(personas, certs):
    client = client_for(personas["province_p"])
    data = {"number": certs["tea"].number, "reason": "violation_sign", "reason_note": "Quảng cáo",
            "inspectors": "Chi cục PTNT"}  # fmt: skip
    assert client.post("/inspections/new/", data).status_code == 302
    body = client.post("/inspections/new/", {**data, "number": certs["coffee"].number})
    assert "Không có giấy chứng nhận còn hiệu lực" in body.content.decode()  # Q: not visible
    assert list(Inspection.objects.values_list("certificate_id", flat=True)) == [certs["tea"].pk]


def test_plan_list_is_paged_and_scoped(personas, territory):
    from ocop.inspections.testing import make_plan

    for _ in range(27):
        make_plan(personas["province_p"], territory.province_p)
    make_plan(personas["province_q"], territory.province_q)
    rows = r'href="/inspections/plans/(\d+)/"'
    first = client_for(personas["province_p"]).get("/inspections/plans/").content.decode()
    second = client_for(personas["province_p"]).get("/inspections/plans/", {"page": 2})
    assert (len(re.findall(rows, first)), len(re.findall(rows, second.content.decode()))) == (25, 2)
    commune = client_for(personas["commune_x"]).get("/inspections/plans/").content.decode()
    assert re.findall(rows, commune) == []  # no inspection of its commune in those plans
    assert "/inspections/plans/new/" not in commune


def test_art_8_4_overdue_filter_lists_revocations_undecided_after_15_days(personas, certs, plan_p):
    """8.4: concluded 16 days ago and not decided → listed as overdue; 15 days ago → not yet."""
    from datetime import timedelta

    from django.utils import timezone

    officer = personas["province_p"]
    today = timezone.localdate()
    found = {}
    for name, days in (("honey", 16), ("tea", 15)):
        inspection = record(
            officer,
            services.plan_add_product(actor=officer, plan=plan_p, certificate=certs[name]),
            kept=False,
            checked_on=today - timedelta(days=20),
        )
        services.inspection_conclude(
            actor=officer, inspection=inspection, conclusion="Không duy trì tiêu chí",
            concluded_on=today - timedelta(days=days), revocation_ground="criteria_not_met",
        )  # fmt: skip
        found[name] = inspection.pk
    assert _listed(officer, status="overdue") == {found["honey"]}
    assert _listed(officer, status="revocation") == {found["honey"], found["tea"]}


def test_plan_form_province_officer_plans_own_province_central_chooses(personas, territory):
    """9.4: a province officer's plan is of their province (no choice); the ministry picks a
    province or the whole country."""
    data = {"year": "2026", "title": "Kiểm tra quý IV", "period_start": "2026-10-01",
            "period_end": "2026-12-31", "inspectors": "Đoàn liên ngành"}  # fmt: skip
    client = client_for(personas["province_p"])
    assert 'name="province"' not in client.get("/inspections/plans/new/").content.decode()
    client.post("/inspections/plans/new/", {**data, "province": territory.province_q.pk})
    central = client_for(personas["central"])
    central.post("/inspections/plans/new/", {**data, "province": territory.province_q.pk})
    central.post("/inspections/plans/new/", data)
    from ocop.inspections.models import Plan

    assert list(Plan.objects.order_by("id").values_list("level", "province")) == [
        ("province", territory.province_p.pk), ("central", territory.province_q.pk),
        ("central", None),
    ]  # fmt: skip
