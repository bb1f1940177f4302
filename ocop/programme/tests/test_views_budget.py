"""Budget pages: typed amounts, clear Vietnamese refusals that write nothing, scope, printing."""

import pytest

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.programme import services
from ocop.programme.models import Allocation, Disbursement
from ocop.programme.units import resolve_unit

pytestmark = pytest.mark.django_db
URL = "/programme/budget/allocations/new/"


def form(**changes) -> dict:
    return {"unit": "10273", "year": "2027", "source": "commune", "content": "training",
            "amount": "968.721.000", **changes}  # fmt: skip


def test_an_officer_enters_an_allocation_with_thousands_dots(personas):
    response = client_for(personas["commune_x"]).post(URL, form())
    allocation = Allocation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/programme/budget/allocations/{allocation.pk}/"
    assert (allocation.amount, allocation.commune.code) == (968_721_000, "10273")


@pytest.mark.parametrize(
    "amount, message",
    [
        ("-5000", "Số tiền không được âm."),
        ("0", "Số tiền phải lớn hơn 0 đồng."),
        ("1,5", "Số tiền phải là số nguyên đồng, không có phần thập phân"),
        ("1.5", "Số tiền phải là số nguyên đồng, không có phần thập phân"),
        ("12abc", "Số tiền phải là số nguyên đồng, không có phần thập phân"),
        ("99999999999999999999", "Số tiền quá lớn"),
    ],
)
def test_bad_amounts_get_a_message_and_write_nothing(personas, amount, message):
    response = client_for(personas["commune_x"]).post(URL, form(amount=amount))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Allocation.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_an_unknown_unit_or_one_outside_the_territory_is_refused(personas):
    client = client_for(personas["commune_x"])
    unknown = client.post(URL, form(unit="99999")).content.decode()
    assert "Không có tỉnh, xã hay đơn vị hành chính cũ nào có mã “99999”." in unknown
    other = client.post(URL, form(unit="10279")).content.decode()
    assert "Bạn không quản lý kinh phí của đơn vị này." in other
    assert Allocation.objects.count() == 0
    assert client.get("/programme/budget/?unit=01").status_code == 404
    assert client.get("/programme/budget/?unit=10279").status_code == 404


def test_a_payment_over_the_balance_is_refused_then_printed_in_words(personas):
    officer = personas["commune_x"]
    allocation = services.allocation_create(
        actor=officer, unit=resolve_unit("10273"), year=2027, source="commune",
        content="training", amount=968_721_000,
    )  # fmt: skip
    client = client_for(officer)
    url = f"/programme/budget/allocations/{allocation.pk}/disburse/"
    data = {"paid_on": "2027-04-02", "description": "Tập huấn chủ thể", "amount": "968721001"}
    refused = client.post(url, data).content.decode()
    assert "vượt số dư 968.721.000 đồng" in refused
    outside = client.post(url, {**data, "amount": "5", "paid_on": "2026-12-31"}).content.decode()
    assert "Ngày chi 31/12/2026 không thuộc năm 2027 của khoản phân bổ." in outside
    assert Disbursement.objects.count() == 0

    done = client.post(url, {**data, "amount": "968721000"})
    payment = Disbursement.objects.get()
    assert done["Location"] == f"/programme/budget/disbursements/{payment.pk}/"
    page = client.get(done["Location"]).content.decode()
    assert "Chín trăm sáu mươi tám triệu bảy trăm hai mươi mốt nghìn đồng" in page
    overview = client.get("/programme/budget/").content.decode()
    assert "968.721.000 đồng" in overview
    assert client_for(personas["commune_y"]).get(done["Location"]).status_code == 404
