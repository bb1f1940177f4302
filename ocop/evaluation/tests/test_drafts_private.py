"""Drafts are private (issue 9.4): a dossier never filed is the producer's own paper. Officers of
every level, advisors, council members, admins and other producers neither open it nor its pages
and files, nor find it in a list; once filed it follows the territory (a returned dossier too)."""

import pytest

from ocop.accounts.testing import assert_matrix, client_for
from ocop.evaluation.models import Application
from ocop.evaluation.testing import new_dossier

from .test_services_applications import MAU03, RETURN_ITEMS, act

pytestmark = pytest.mark.django_db

FILED = {"producer_a", "commune_x", "province_p", "central", "admin"}


@pytest.fixture
def dossier(personas, world):
    return new_dossier(personas["producer_a"], world.product_a, world.round)


def pages_of(application):
    pk, evidence = application.pk, application.files.get()
    return [
        f"/applications/{pk}/", f"/applications/{pk}/dossier.zip",
        f"/applications/{pk}/mau-01.pdf", f"/applications/{pk}/mau-02.pdf",
        f"/applications/{pk}/form01/", f"/applications/{pk}/form02/",
        f"/applications/{pk}/self-score/", f"/files/{evidence.pk}/",
    ]  # fmt: skip


def listed(persona_user, url="/applications/", key="applications"):
    return [a.pk for a in client_for(persona_user).get(url).context[key]]


def test_a_draft_and_every_page_of_it_only_for_its_producer(personas, dossier):
    for url in pages_of(dossier):
        assert_matrix(personas, url, {"producer_a"})


def test_lists_and_scoped_queryset_hide_drafts_from_everyone_else(personas, dossier):
    assert listed(personas["producer_a"]) == [dossier.pk]
    for name in ("commune_x", "province_p", "central", "admin"):
        assert listed(personas[name]) == [], name
        assert listed(personas[name], "/applications/tasks/", "tasks") == [], name
    for name, user in personas.items():
        if user is None:
            continue
        expected = [dossier.pk] if name == "producer_a" else []
        assert list(Application.objects.visible_to(user).values_list("pk", flat=True)) == expected


def test_filed_then_returned_dossier_is_seen_by_the_officers(personas, dossier):
    act(personas["producer_a"], dossier, "submit")
    assert listed(personas["commune_x"], "/applications/tasks/", "tasks") == [dossier.pk]
    act(personas["commune_x"], dossier, "return", items=RETURN_ITEMS)
    assert Application.objects.get().stage == "returned"
    assert_matrix(personas, f"/applications/{dossier.pk}/", FILED)
    for name in ("commune_x", "province_p", "central", "admin"):
        assert listed(personas[name]) == [dossier.pk], name


def test_a_withdrawn_draft_stays_private_a_withdrawn_filed_dossier_does_not(personas, world):
    producer = personas["producer_a"]
    draft = new_dossier(producer, world.product_a, world.round)
    act(producer, draft, "withdraw", reason="Chưa đủ giấy tờ")
    assert_matrix(personas, f"/applications/{draft.pk}/", {"producer_a"})
    filed = new_dossier(producer, world.product_a, world.round)
    act(producer, filed, "submit")
    act(personas["commune_x"], filed, "return", items=RETURN_ITEMS)
    act(producer, filed, "withdraw", reason="Không kịp bổ sung")
    assert_matrix(personas, f"/applications/{filed.pk}/", FILED)


def test_filed_dossier_pages_follow_the_territory(personas, dossier):
    act(personas["producer_a"], dossier, "submit")
    act(personas["commune_x"], dossier, "propose", report=MAU03)
    assert_matrix(personas, f"/applications/{dossier.pk}/mau-01.pdf", FILED)
