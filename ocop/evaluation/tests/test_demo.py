from ocop.accounts.demo import seed_accounts
from ocop.accounts.testing import make_territory
from ocop.evaluation.demo import seed_evaluation
from ocop.evaluation.models import Application, Round


def test_demo_has_every_stage_a_return_and_a_carried_upgrade(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    make_territory()
    seed_accounts()
    seed_evaluation()
    seed_evaluation()  # idempotent
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages == {
        "draft", "submitted", "returned", "proposed", "additions_requested", "advisory_review",
        "tests_requested", "ready_for_council",
    }  # fmt: skip
    assert Application.objects.count() == 9
    assert sorted(Round.objects.values_list("year", "number")) == [
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
