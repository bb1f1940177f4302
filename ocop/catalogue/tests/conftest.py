import pytest

from ocop.accounts.testing import make_user
from ocop.catalogue.testing import make_catalogue


@pytest.fixture
def catalogue(territory):
    officer = make_user("province_p", "province", province=territory.province_p)
    return make_catalogue(territory, officer)
