import pytest

from ocop.places.models import Commune, HistoricUnit, Province
from ocop.places.services import places_load


@pytest.fixture(scope="module")
def loaded_places(django_db_setup, django_db_blocker):
    """All official and historic units, loaded once per test module (about a second) and removed
    afterwards, so that other modules and apps start from empty tables."""
    with django_db_blocker.unblock():
        places_load()
    yield
    with django_db_blocker.unblock():
        # Children before parents: the foreign keys are PROTECT.
        HistoricUnit.objects.filter(level=HistoricUnit.Level.COMMUNE).delete()
        HistoricUnit.objects.all().delete()
        Commune.objects.all().delete()
        Province.objects.all().delete()
