"""Phụ lục III, Mẫu 01's provincial receipt block under load: dossiers of one province accepted at
the same moment get distinct receipt numbers; one dossier accepted ten times at once gets one
receipt. Run on SQLite and on PostgreSQL."""

import threading
from datetime import date

import pytest

from ocop.core.testing import assert_one_effect, run_at_once
from ocop.evaluation.models import Receipt
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import make_product, new_dossier

pytestmark = pytest.mark.django_db(transaction=True)
DAY = date(2027, 1, 4)
REPORT = {"raw_materials": "Tại xã.", "local_labour": "12 người.", "idea_origin": "Truyền thống.",
          "local_identity": "Giống bản địa.", "proposal_letter": "Tờ trình 15"}  # fmt: skip


def proposed(personas, world, name):
    dossier = new_dossier(personas["producer_a"], make_product(world.producer_a, name), world.round)
    for user, action in ((personas["producer_a"], "submit"), (personas["commune_x"], "propose")):
        application_transition(actor=user, application=dossier, action=action, report=REPORT,
                               today=DAY)  # fmt: skip
    return dossier


def test_mau01_receipts_of_dossiers_accepted_at_once_are_numbered_apart(personas, world):
    """Five dossiers of province P accepted at once: provincial numbers 001 … 005, none twice."""
    dossiers = [proposed(personas, world, f"Rau số {n}") for n in range(5)]
    guard, queue = threading.Lock(), list(dossiers)

    def accept_one():
        with guard:
            dossier = queue.pop()
        return application_transition(actor=personas["province_p"], application=dossier,
                                      action="accept", today=DAY)  # fmt: skip

    race = run_at_once(accept_one, times=5)
    assert race.errors == [] and race.refusals == []
    numbers = sorted(Receipt.objects.filter(level="province").values_list("number", flat=True))
    assert numbers == [f"00{n}/PĐK-01-10273-2027" for n in range(1, 6)]


def test_mau01_one_dossier_accepted_ten_times_at_once_has_one_receipt(personas, world):
    dossier = proposed(personas, world, "Rau cải")
    race = run_at_once(lambda: application_transition(
        actor=personas["province_p"], application=dossier, action="accept", today=DAY))  # fmt: skip
    assert_one_effect(race)
    assert Receipt.objects.filter(application=dossier, level="province").count() == 1
    assert Receipt.objects.filter(application=dossier, level="commune").count() == 1
