"""The dossier, task, decision and round lists: their order, their search (q) and their scope."""

import re
import unicodedata
from datetime import date

import pytest

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Application, Decision
from ocop.evaluation.testing import make_producer, make_product, make_round


def _dossier(product, round_, *, stage="submitted", due=None, number=""):
    return Application.objects.create(
        round=round_, product=product, producer=product.producer, commune=product.producer.commune,
        kind="first", rules="26-2026", set_number=1, stage=stage, stage_due=due,
        registration_number=number,
    )  # fmt: skip


def _shown(response, attribute: str) -> list[int]:
    return [int(pk) for pk in re.findall(rf'{attribute}="(\d+)"', response.content.decode())]


def test_my_tasks_lists_overdue_first_then_nearest_deadline_and_undated_last(personas, world):
    """Today is taken from the clock; the dates are far enough apart to be ordered either side of
    it: 2020 is overdue, 2099 is not."""
    names = ["Mận", "Bưởi", "Ổi", "Nhãn"]
    products = [make_product(world.producer_a, name) for name in names]
    undated = _dossier(products[0], world.round, number="004/PĐK-01-10273-2027")
    later = _dossier(products[1], world.round, due=date(2099, 3, 2), number="003/PĐK-01-10273-2027")
    overdue = _dossier(products[2], world.round, due=date(2020, 5, 4), number="001/PĐK-01-10273-2027")
    nearer = _dossier(products[3], world.round, due=date(2099, 1, 15), number="002/PĐK-01-10273-2027")

    response = client_for(personas["commune_x"]).get("/applications/tasks/")

    assert _shown(response, "data-task") == [overdue.pk, nearer.pk, later.pk, undated.pk]
    text = response.content.decode()
    assert '<span data-number>001/PĐK-01-10273-2027</span> · Ổi' in text
    assert "quá hạn" in text


def _numbered_dossiers(world, territory):
    other = make_producer(world.producer_b.representatives.get(), territory.commune_y,
                          "Cơ sở Đường Hoa", "0300588570")  # fmt: skip
    return {
        "rau": _dossier(world.product_a, world.round, number="001/PĐK-01-10273-2027"),
        "muong": _dossier(world.product_b, world.round, number="002/PĐK-01-10279-2027"),
        "mat": _dossier(make_product(other, "Mật ong hoa nhãn"), world.round,
                        number="003/PĐK-01-10279-2027"),  # fmt: skip
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("PHU XUYEN", ["rau"]),  # producer and product name, without accents, any case
        ("rau", ["rau", "muong"]),
        ("mật ong", ["mat"]),
        ("duong hoa", ["mat"]),  # đ finds d
        (unicodedata.normalize("NFD", "Đường Hoa"), ["mat"]),  # decomposed Unicode
        ("002/PĐK", ["muong"]),  # the registration number, Đ as typed
        ("002/pdk-01", ["muong"]),
        ("2027 rau muống", ["muong"]),  # every word must match somewhere
        ("không có", []),
    ],
)
def test_dossier_list_searches_number_product_and_producer(personas, world, territory, query,
                                                           expected):  # fmt: skip
    dossiers = _numbered_dossiers(world, territory)
    response = client_for(personas["province_p"]).get("/applications/", {"q": query})
    shown = set(re.findall(r'href="/applications/(\d+)/"', response.content.decode()))
    assert shown == {str(dossiers[key].pk) for key in expected}


def test_dossier_search_stays_in_the_users_scope(personas, world, territory):
    dossiers = _numbered_dossiers(world, territory)
    response = client_for(personas["commune_x"]).get("/applications/", {"q": "rau"})
    shown = set(re.findall(r'href="/applications/(\d+)/"', response.content.decode()))
    assert shown == {str(dossiers["rau"].pk)}  # Phượng Dực's dossier is in commune Y
    response = client_for(personas["producer_b"]).get("/applications/", {"q": "001/PĐK"})
    assert re.findall(r'href="/applications/(\d+)/"', response.content.decode()) == []


def _decision(province, number: str, year: int, authority: str) -> Decision:
    return Decision.objects.create(
        level="province", province=province, year=year, serial=int(number.split("/")[0]),
        number=number, decided_on=date(year, 6, 20), authority_name=authority,
    )  # fmt: skip


def test_decision_list_searches_number_and_title_within_the_province(personas, territory):
    first = _decision(territory.province_p, "01/QĐ-UBND", 2026, "UBND Thành phố Hà Nội")
    second = _decision(territory.province_p, "02/QĐ-UBND", 2027, "UBND Thành phố Hà Nội")
    elsewhere = _decision(territory.province_q, "07/QĐ-UBND", 2027, "UBND TP Hồ Chí Minh")
    client = client_for(personas["province_p"])

    def shown(query: str) -> list[int]:
        return _shown(client.get("/decisions/", {"q": query}), "data-decision")

    assert shown("02/qđ") == [second.pk]
    assert shown("02/QD-UBND") == [second.pk]
    assert shown("cong nhan san pham OCOP năm 2026") == [first.pk]  # the title's words
    assert shown("ha noi") == [second.pk, first.pk]
    assert shown("07/QĐ") == []  # province Q's decision is not province P's to see
    assert shown("") == [second.pk, first.pk]
    assert elsewhere.pk in _shown(client_for(personas["central"]).get("/decisions/", {"q": "07"}),
                                  "data-decision")  # fmt: skip


def test_round_list_searches_name_and_year_within_the_province(personas, territory):
    r2026 = make_round(territory.province_p, year=2026, number=2)
    r2027 = make_round(territory.province_p, year=2027, number=1)
    other = make_round(territory.province_q, year=2027, number=1)
    client = client_for(personas["province_p"])

    def shown(query: str) -> list[int]:
        return _shown(client.get("/rounds/", {"q": query}), "data-round")

    assert shown("2027") == [r2027.pk]  # province Q's round 1/2027 is not listed
    assert shown("đợt 2/2026") == [r2026.pk]
    assert shown("HA NOI 2026") == [r2026.pk]
    assert shown("ho chi minh") == []
    assert other.pk in _shown(client_for(personas["central"]).get("/rounds/", {"q": "ho chi minh"}),
                              "data-round")  # fmt: skip
