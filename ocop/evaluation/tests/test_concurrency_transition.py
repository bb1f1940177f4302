"""Ten identical requests at once have one effect: the Art. 12.3 extension of a certificate and the
Art. 12.2 move of a lapsed 148 dossier to 26-2026. Run on SQLite and on PostgreSQL."""

from datetime import date

import pytest

from ocop.certificates.services import certificate_extend, certificate_issue
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.evaluation.models import Application, Round, StageChange
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.renewal import application_renew_rules
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import fill_dossier, make_product

pytestmark = pytest.mark.django_db(transaction=True)


def test_art_12_3_ten_extensions_at_once_extend_once(world, monkeypatch):
    """Art. 12.3: a certificate expiring 1 Aug 2026, its late re-evaluation filed 1 Jun 2026 by
    ten requests at once: extended once (until 28 Jan 2027), one audit entry."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 6, 1))
    certificate = certificate_issue(
        actor=None, product=make_product(world.producer_a, "Gạo tám"), stars=4, rules="148-2023",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="05/QĐ-UBND", decision_date=date(2023, 8, 1), issue_date=date(2023, 8, 1),
    )  # fmt: skip
    race = run_at_once(
        lambda: certificate_extend(actor=None, certificate=certificate, filed_on=date(2026, 6, 1))
    )
    assert_one_effect(race, silent_repeats=True)
    assert sorted(race.results) == [False] * 9 + [True]
    certificate.refresh_from_db()
    assert certificate.extended_until == date(2027, 1, 28)
    assert AuditEntry.objects.filter(action="certificate_extend").count() == 1


def test_art_12_2_ten_renewals_at_once_move_the_dossier_once(personas, world, territory):
    """Art. 12.2.a: a 148 dossier filed 20 Apr 2026, scored but undecided, moved to 26-2026 on
    25 Jul 2026 by ten requests at once: one move, nine refusals, one history row."""
    round_1 = Round.objects.create(level="province", province=territory.province_p, year=2026,
                                   number=1, proposal_deadline=date(2026, 4, 30),
                                   decision_deadline=date(2026, 6, 30))  # fmt: skip
    Round.objects.create(level="province", province=territory.province_p, year=2026, number=2,
                         proposal_deadline=date(2026, 10, 30), decision_deadline=date(2026, 12, 30))  # fmt: skip
    user = personas["producer_a"]
    application = application_create(actor=user, product=world.product_a, round=round_1,
                                     kind="first", today=date(2026, 4, 20))  # fmt: skip
    fill_dossier(application, user)
    application_transition(actor=user, application=application, action="submit",
                           today=date(2026, 4, 20))  # fmt: skip
    Application.objects.filter(pk=application.pk).update(stage="scored")
    race = run_at_once(
        lambda: application_renew_rules(
            actor=personas["province_p"],
            application=Application.objects.get(pk=application.pk),
            today=date(2026, 7, 25),
        )
    )
    assert_one_effect(race)
    application.refresh_from_db()
    assert (application.stage, application.rules) == ("returned", "26-2026")
    assert StageChange.objects.filter(application=application, action="renew_rules").count() == 1
