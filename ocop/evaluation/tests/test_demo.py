from ocop.accounts.demo import seed_accounts
from ocop.accounts.testing import make_territory
from ocop.evaluation.demo import seed_evaluation
from ocop.evaluation.models import Application, Conflict, Decision, Round, SessionItem


def test_demo_has_every_stage_a_return_and_a_carried_upgrade(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    make_territory()
    seed_accounts()
    seed_evaluation()
    seed_evaluation()  # idempotent
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages == {
        "draft", "submitted", "returned", "proposed", "additions_requested", "advisory_review",
        "tests_requested", "ready_for_council", "decided", "rejected",
    }  # fmt: skip
    assert Application.objects.count() == 16
    assert sorted(Round.objects.filter(level="province").values_list("year", "number")) == [
        (2025, 1),
        (2025, 2),
        (2026, 1),
        (2026, 2),
        (2026, 3),
    ]
    upgrade = Application.objects.get(kind="upgrade")
    assert upgrade.previous.round.year == 2025
    assert upgrade.previous.rules == "148-2023"
    assert upgrade.files.filter(carried_from__isnull=False).count() == 1
    assert upgrade.files.filter(carried_from__isnull=True).count() == 1


def test_demo_council_story(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    make_territory()
    seed_accounts()
    seed_evaluation()
    items = SessionItem.objects.filter(session__council__level="province").order_by("id")
    assert [(i.application.product.name, i.stars, i.sheet_count) for i in items] == [
        ("Chè búp Phú Xuyên", 4, 7),
        ("Bún khô Phú Xuyên", 3, 6),
        ("Bánh gai Phú Xuyên", 2, 7),
        ("Miến dong Phú Xuyên", 5, 7),
        ("Rượu nếp Phú Xuyên", None, None),
    ]
    assert [i.spread_exceeded for i in items] == [True, False, False, False, False]
    assert str(items[0].average_display) == "79.28"
    decision = Decision.objects.get(level="province")
    assert (decision.number, decision.items.count()) == ("01/QĐ-UBND", 3)
    stars = sorted({c.stars for i in items for c in i.application.product.certificates.all()})
    assert stars == [3, 4, 5]
    assert Conflict.objects.filter(status="confirmed").count() == 1
    assert items[2].sheets.filter(on_paper=True).count() == 1


def test_demo_five_star_story_art_7_3_e_and_7_4(db, settings, tmp_path):
    """Art. 7.3.e, 7.4: the demo carries Miến dong Phú Xuyên (91.85 at the province on 20 Nov 2026)
    through the approval decision 02/QĐ-UBND and letter 01/UBND-NNMT of 26 Nov, the central
    council of 30 Nov, to the ministry's 5★ (01/QĐ-BNNMT, 1 Dec 2026) and its notice."""
    from ocop.evaluation.models import FiveStarDossier

    settings.MEDIA_ROOT = tmp_path
    make_territory()
    seed_accounts()
    seed_evaluation()
    seed_evaluation()  # idempotent
    dossier = FiveStarDossier.objects.get()
    assert (dossier.approval_number, dossier.letter_number, dossier.notice_number, dossier.status) == (
        "02/QĐ-UBND", "01/UBND-NNMT", "03/TB-BNNMT", "notified")  # fmt: skip
    certificate = dossier.application.product.certificates.get()
    assert (certificate.stars, certificate.authority_name, certificate.decision_number) == (
        5, "Bộ Nông nghiệp và Môi trường", "01/QĐ-BNNMT")  # fmt: skip
    assert dossier.application.stage == "decided"
