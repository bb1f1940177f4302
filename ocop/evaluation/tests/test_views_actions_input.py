"""The workflow action endpoint reads its texts straight from the POST: a NUL character in them
ended in a server error on PostgreSQL (which cannot store it). Found by the form fuzz (9.11)."""

import pytest

from ocop.accounts.testing import client_for
from ocop.evaluation.models import StageChange
from ocop.evaluation.testing import new_dossier

pytestmark = pytest.mark.django_db


def test_a_nul_character_in_an_action_text_is_not_stored(personas, world):
    dossier = new_dossier(personas["producer_a"], world.product_a, world.round)
    response = client_for(personas["producer_a"]).post(
        f"/applications/{dossier.pk}/act/submit/", {"reason": "Nộp\x00 hồ sơ", "confirm": "1"}
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.stage == "submitted"
    assert list(
        StageChange.objects.filter(application=dossier).values_list("reason", flat=True)
    ) == ["Nộp hồ sơ"]
