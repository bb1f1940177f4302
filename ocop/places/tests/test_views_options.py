import pytest

from ocop.accounts.testing import assert_matrix, client_for
from ocop.places.models import HistoricUnit

pytestmark = pytest.mark.django_db
LOGGED_IN = {"producer_a", "producer_b", "commune_x", "commune_y", "province_p", "province_q",
             "advisor", "member", "member_conflicted", "central", "admin"}  # fmt: skip


def test_commune_suggestions_by_name_without_diacritics(personas):
    body = client_for(personas["producer_a"]).get("/places/communes/", {"q": "phu xuyen"}).content
    assert body.decode() == '<option value="10273">Xã Phú Xuyên, Thành phố Hà Nội</option>\n'


def test_historic_suggestions_name_the_successor(personas, territory):
    district = HistoricUnit.objects.create(
        code="280", name="Huyện Phú Xuyên", level="district", division_type="huyện",
        province=territory.province_p,
    )  # fmt: skip
    HistoricUnit.objects.create(
        code="10300", name="Xã Hồng Thái", level="commune", division_type="xã",
        province=territory.province_p, parent=district, successor=territory.commune_x,
    )  # fmt: skip
    body = client_for(personas["commune_x"]).get("/places/historic/", {"q": "hong thai"}).content
    assert "Xã Hồng Thái, Huyện Phú Xuyên → Xã Phú Xuyên, Thành phố Hà Nội" in body.decode()


def test_suggestions_need_a_login(personas):
    assert_matrix(personas, "/places/communes/?q=phu", LOGGED_IN)
    assert_matrix(personas, "/places/historic/?q=phu", LOGGED_IN)
