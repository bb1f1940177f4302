"""The permission matrix: every page and file of the dossier, for every persona."""

import uuid

import pytest

from ocop.accounts.testing import assert_matrix, client_for
from ocop.evaluation.models import Application, EvidenceFile
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import new_dossier

from .test_services_applications import act

EVERYONE = {
    "producer_a", "producer_b", "commune_x", "commune_y", "province_p", "province_q", "advisor",
    "member", "member_conflicted", "central", "admin",
}  # fmt: skip
SEES_A_DRAFT = {"producer_a"}  # drafts are private: only the producer's own representatives
SEES_A_FILED_DOSSIER = {"producer_a", "commune_x", "province_p", "central", "admin"}


@pytest.fixture
def dossier(personas, world):
    return new_dossier(personas["producer_a"], world.product_a, world.round)


def pages_of(application):
    pk = application.pk
    evidence = application.files.get()
    return [
        f"/applications/{pk}/",
        f"/applications/{pk}/dossier.zip",
        f"/applications/{pk}/mau-01.pdf",
        f"/applications/{pk}/mau-02.pdf",
        f"/files/{evidence.pk}/",
    ]


def test_list_tasks_and_rounds(personas, dossier):
    officers_and_producers = EVERYONE - {"member", "member_conflicted"}
    assert_matrix(personas, "/applications/", officers_and_producers)
    assert_matrix(personas, "/applications/tasks/", EVERYONE)
    assert_matrix(personas, "/rounds/", EVERYONE)
    assert_matrix(personas, "/rounds/new/", {"province_p", "province_q", "admin"})
    assert_matrix(personas, "/applications/new/", {"producer_a", "producer_b", "admin"})


def submit(user, application):
    act(user, application, "submit")


def test_list_shows_only_what_each_may_see(personas, world, dossier):
    submit(personas["producer_a"], dossier)
    submit(
        personas["producer_b"], new_dossier(personas["producer_b"], world.product_b, world.round)
    )
    for persona, expected in [
        ("producer_a", ["Rau cải Phú Xuyên"]),
        ("producer_b", ["Rau muống Phượng Dực"]),
        ("commune_x", ["Rau cải Phú Xuyên"]),
        ("province_p", ["Rau cải Phú Xuyên", "Rau muống Phượng Dực"]),
        ("province_q", []),
        ("advisor", []),  # drafts are not the advisory team's business
    ]:
        response = client_for(personas[persona]).get("/applications/")
        shown = sorted(a.product.name for a in response.context["applications"])
        assert shown == expected, persona


def test_list_filters(personas, world, dossier):
    submit(personas["producer_a"], dossier)
    submit(
        personas["producer_b"], new_dossier(personas["producer_b"], world.product_b, world.round)
    )
    client = client_for(personas["province_p"])
    names = lambda r: [a.product.name for a in r.context["applications"]]  # noqa: E731
    assert names(client.get("/applications/", {"commune": "10279"})) == ["Rau muống Phượng Dực"]
    assert names(client.get("/applications/", {"stage": "proposed"})) == []
    assert len(names(client.get("/applications/", {"set_number": 1, "round": world.round.pk}))) == 2


def test_detail_files_zip_and_pdfs_follow_the_dossier_scope(personas, dossier):
    for url in pages_of(dossier):
        assert_matrix(personas, url, SEES_A_DRAFT)


def test_advisor_sees_the_dossier_from_the_advisory_review_on(personas, dossier):
    for actor, action, extra in [
        ("producer_a", "submit", {}),
        ("commune_x", "propose", {"report": dict.fromkeys(
            ("raw_materials", "local_labour", "idea_origin", "local_identity", "proposal_letter"), "x"
        )}),
        ("province_p", "accept", {}),
    ]:  # fmt: skip
        application_transition(actor=personas[actor], application=dossier, action=action, **extra)
    for url in pages_of(dossier):
        assert_matrix(personas, url, SEES_A_FILED_DOSSIER | {"advisor"})


def test_producer_forms_only_for_the_owner_while_editable(personas, dossier):
    pk = dossier.pk
    for url in (
        f"/applications/{pk}/form01/",
        f"/applications/{pk}/form02/",
        f"/applications/{pk}/self-score/",
    ):
        assert_matrix(personas, url, {"producer_a"})
    assert_matrix(
        personas, f"/applications/{pk}/self-score/preview/", {"producer_a"}, method="post",
        data={"score_1.1": "3"},
    )  # fmt: skip


def test_guessing_a_file_url_never_works(personas, world, dossier):
    evidence = dossier.files.get()
    other = client_for(personas["producer_b"])
    assert other.get(f"/files/{evidence.pk}/").status_code == 404
    assert other.get(f"/files/{uuid.uuid4()}/").status_code == 404
    assert other.get(f"/applications/{dossier.pk}/dossier.zip").status_code == 404
    owner = client_for(personas["producer_a"]).get(f"/files/{evidence.pk}/")
    assert owner.status_code == 200
    assert b"".join(owner.streaming_content).startswith(b"%PDF-")
    assert owner["Content-Disposition"].startswith("attachment")


def test_file_delete_only_by_the_owner(personas, dossier):
    evidence = dossier.files.get()
    assert_matrix(
        personas, f"/files/{evidence.pk}/delete/", {"producer_a"}, method="post",
        ok_status=(302,), state=lambda: EvidenceFile.objects.count(),
    )  # fmt: skip
    assert EvidenceFile.objects.count() == 0


def test_upload_only_by_who_must_act(personas, dossier):
    from ocop.evaluation.testing import pdf_upload

    for name, user in personas.items():
        if user is None:
            continue
        before = EvidenceFile.objects.count()
        client_for(user).post(
            f"/applications/{dossier.pk}/files/", {"section": "1.2", "file": pdf_upload()}
        )
        expected = before + 1 if name == "producer_a" else before
        assert EvidenceFile.objects.count() == expected, name


def test_a_transition_by_post_is_refused_for_everyone_but_the_actor(personas, dossier):
    url = f"/applications/{dossier.pk}/act/submit/"
    for name, user in personas.items():
        if name == "producer_a":
            continue
        response = client_for(user).post(url)
        dossier.refresh_from_db()
        assert dossier.stage == "draft", name
        assert response.status_code in (302, 403, 404), name
    assert client_for(personas["commune_x"]).post(url).status_code == 404  # a draft is private
    client_for(personas["producer_a"]).post(url, {"confirm": "1"})
    assert Application.objects.get().stage == "submitted"
    again = client_for(personas["producer_a"]).post(url, follow=True)
    assert again.status_code == 200
    assert Application.objects.get().stage == "submitted"
