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
    overdue = _dossier(
        products[2], world.round, due=date(2020, 5, 4), number="001/PĐK-01-10273-2027"
    )
    nearer = _dossier(
        products[3], world.round, due=date(2099, 1, 15), number="002/PĐK-01-10273-2027"
    )

    response = client_for(personas["commune_x"]).get("/applications/tasks/")

    assert _shown(response, "data-task") == [overdue.pk, nearer.pk, later.pk, undated.pk]
    text = response.content.decode()
    assert "<span data-number>001/PĐK-01-10273-2027</span> · Ổi" in text
    assert "quá hạn" in text


def _numbered_dossiers(world, territory):
    other = make_producer(world.producer_b.representatives.get(), territory.commune_y,
                          "Cơ sở Đường Hoa", "0300588570")  # fmt: skip
    return {
        "rau": _dossier(world.product_a, world.round, number="001/PĐK-01-10273-2027"),
        "muong": _dossier(world.product_b, world.round, number="002/PĐK-01-10279-2027"),
        "mat": _dossier(
            make_product(other, "Mật ong hoa nhãn"), world.round, number="003/PĐK-01-10279-2027"
        ),  # fmt: skip
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


def test_scoring_page_explains_the_asterisks_above_the_criteria(personas, council_world):
    item = council_world.items[0]
    page = client_for(personas["member"]).get(f"/sheets/{item.pk}/").content.decode()
    legend = page.index("data-minimum-legend")
    assert legend < page.index('class="crit"')
    assert ("Dấu sao là yêu cầu tối thiểu: *** (★★★) cho hạng 3 sao, **** (★★★★) cho 4 sao, "
            "***** (★★★★★) cho 5 sao") in page  # fmt: skip
    assert "chưa đạt các yêu cầu của hạng 3 sao thì sản phẩm không được công nhận" in page
    assert "***</label>" in page or " ***" in page  # the options carry the markers it explains


def test_criteria_sheet_page_explains_the_asterisks(personas):
    page = client_for(personas["member"]).get("/criteria/26-2026/1/").content.decode()
    assert page.count("data-minimum-legend") == 1
    assert "Đạt mức đó là được chấm từ số điểm của mức đó trở lên." in page


def test_demo_council_members_names_do_not_repeat_their_seat():
    from ocop.accounts.demo import DEMO_ACCOUNTS
    from ocop.evaluation.models.councils import Position

    positions = [str(label) for _value, label in Position.choices]
    names = [name for username, _r, name, _s in DEMO_ACCOUNTS if username.startswith("member")]
    assert len(names) == 7
    assert [n for n in names if "(" in n or any(p in n for p in positions)] == []


def test_session_form_labels_members_once_with_their_position(personas, council_world):
    from ocop.accounts.models import User

    User.objects.filter(pk=personas["member"].pk).update(full_name="Đỗ Quang Chủ")
    council = council_world.council
    page = (
        client_for(personas["province_p"])
        .get(f"/councils/{council.pk}/sessions/new/")
        .content.decode()
    )
    assert page.count("Đỗ Quang Chủ (Chủ tịch hội đồng)") == 1
    assert "Chủ tịch hội đồng) (" not in page


def test_decision_form_shows_averages_with_a_decimal_comma(personas, council_world):
    from ocop.evaluation.forms_council import DecisionForm
    from ocop.evaluation.models import SessionItem

    item = council_world.items[0]
    SessionItem.objects.filter(pk=item.pk).update(sheet_count=3, total_sum=256, stars=4)
    form = DecisionForm(items=SessionItem.objects.filter(pk=item.pk))
    assert list(form.fields["items"].choices) == [(item.pk, "Rau cải Phú Xuyên – 4★ (85,33)")]
