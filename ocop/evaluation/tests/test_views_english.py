"""Evaluation pages in English: no Vietnamese interface words left in them."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ocop.accounts.testing import client_for


@pytest.fixture(autouse=True)
def _back_to_vietnamese():
    yield
    translation.deactivate()


def test_council_rules_say_yes_or_no_in_english(personas, council_world):
    council = council_world.council
    client = client_for(personas["province_p"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("evaluation:council_detail", args=[council.pk])).content.decode()
    expected = "yes" if council.absent_members_count else "no"
    assert f"Count score sheets of absent members: {expected}</li>" in body
