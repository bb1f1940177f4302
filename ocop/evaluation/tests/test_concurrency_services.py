"""Ten concurrent requests of each evaluation action have exactly one effect (issue 9.2): one row,
one stage change, one audit entry, one round of notices; the nine others are refused (or, for an
idempotent action, change nothing). Each thread reads its own copy of the objects first, as a view
does, so a service that trusted its caller's copy would act ten times."""

from datetime import date

import pytest

from ocop.accounts.models import Notification
from ocop.accounts.roles import Role
from ocop.accounts.testing import make_user
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.evaluation.models import (
    Application,
    Conflict,
    CouncilMember,
    Decision,
    EvidenceFile,
    Round,
    ScoreSheetVersion,
    Session,
    SessionItem,
    StageChange,
)
from ocop.evaluation.models.councils import ConflictSource, ConflictStatus
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.councils import conflict_review, council_member_add
from ocop.evaluation.services.decisions import awaiting_decision, decision_issue
from ocop.evaluation.services.files import evidence_remove
from ocop.evaluation.services.rounds import round_create
from ocop.evaluation.services.sessions import item_outcome_record, session_close, session_create
from ocop.evaluation.services.sheets import item_sheet, sheet_revise, sheet_submit
from ocop.evaluation.services.transitions import next_actors
from ocop.evaluation.testing import answers_totalling, make_ready, new_dossier
from ocop.registry.testing import make_product

from .test_services_applications import act

pytestmark = pytest.mark.django_db(transaction=True)


def audited(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_ten_creates_open_one_dossier(personas, world):
    producer = personas["producer_a"]
    race = run_at_once(lambda: application_create(
        actor=producer, product=fresh(world.product_a), round=world.round, kind="first"))  # fmt: skip
    assert_one_effect(race)
    assert Application.objects.filter(product=world.product_a).count() == 1
    assert audited("application_create") == 1


def test_ten_submits_move_the_dossier_once(personas, world):
    dossier = new_dossier(personas["producer_a"], world.product_a, world.round)
    notes = Notification.objects.count()
    race = run_at_once(lambda: act(personas["producer_a"], fresh(dossier), "submit"))
    assert_one_effect(race)
    dossier.refresh_from_db()
    assert dossier.stage == "submitted"
    assert list(
        StageChange.objects.filter(application=dossier).values_list("action", flat=True)
    ) == ["submit"]
    assert audited("application_submit") == 1
    assert Notification.objects.count() == notes + len(next_actors(dossier))


def test_ten_rounds_of_the_same_number_open_one(personas, territory):
    race = run_at_once(lambda: round_create(
        actor=personas["province_p"], level="province", year=2028, number=1,
        province=territory.province_p))  # fmt: skip
    assert_one_effect(race)
    assert Round.objects.filter(year=2028).count() == 1
    assert audited("round_create") == 1


def test_ten_seatings_of_one_person_seat_once(personas, territory, council_world):
    person = make_user("member_new", Role.COUNCIL_MEMBER, province=territory.province_p)
    council = council_world.council
    race = run_at_once(lambda: council_member_add(
        actor=personas["province_p"], council=fresh(council), user=person, position="member"))  # fmt: skip
    assert_one_effect(race)
    assert CouncilMember.objects.filter(council=council, user=person).count() == 1
    assert audited("council_member_add") == 4  # three seated by the fixture, one here


def test_ten_reviews_of_a_flag_conclude_once(personas, council_world):
    member, product = council_world.members[1], council_world.items[0].application.product
    flag = Conflict.objects.create(member=member, product=product, source=ConflictSource.FAMILY,
                                   status=ConflictStatus.FLAGGED, reason="Trùng họ")  # fmt: skip
    race = run_at_once(lambda: conflict_review(
        actor=personas["province_p"], conflict=fresh(flag), confirmed=False, note="Không liên quan"))  # fmt: skip
    assert_one_effect(race)
    assert fresh(flag).status == "dismissed"
    assert audited("conflict_review") == 1


def test_ten_removals_of_a_file_remove_it_once(personas, world):
    dossier = new_dossier(personas["producer_a"], world.product_a, world.round)
    evidence = dossier.files.get()

    def remove():
        found = EvidenceFile.objects.filter(pk=evidence.pk).first()
        if found is None:  # the view's 404 for a file already gone
            raise EvidenceFile.DoesNotExist
        return evidence_remove(actor=personas["producer_a"], evidence=found)

    race = run_at_once(remove)
    assert race.errors == [] or all(isinstance(e, EvidenceFile.DoesNotExist) for e in race.errors)
    assert EvidenceFile.objects.filter(pk=evidence.pk).count() == 0
    assert audited("evidence_remove") == 1


def test_ten_sessions_of_the_same_dossiers_open_one(personas, world, council_world):
    dossier = make_ready(new_dossier(personas["producer_a"], make_product(
        world.producer_a, "Nhãn Phú Xuyên"), world.round))  # fmt: skip
    race = run_at_once(lambda: session_create(
        actor=personas["province_p"], council=fresh(council_world.council), round=world.round,
        held_on=date(2027, 5, 21), applications=[fresh(dossier)]))  # fmt: skip
    assert_one_effect(race)
    assert Session.objects.count() == 2  # the fixture's and one more
    assert SessionItem.objects.filter(application=dossier).count() == 1
    assert StageChange.objects.filter(application=dossier, action="schedule").count() == 1


@pytest.fixture
def scored(council_world):
    for item in council_world.items[1:]:
        for member in council_world.members:
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(item_sheet(item), 75))  # fmt: skip
    return council_world


def test_ten_rejections_then_ten_closes_then_ten_decisions_each_act_once(
    personas, territory, scored
):
    """One session through its three council actions (one fixture: it is the slow part)."""
    officer, item, session = personas["province_p"], scored.items[0], scored.session
    race = run_at_once(lambda: item_outcome_record(
        actor=officer, item=fresh(item), outcome="reject", rule="reject-1", reason="Sao chép"))  # fmt: skip
    assert_one_effect(race)
    assert (fresh(item).outcome, fresh(item.application).stage) == ("reject", "rejected")
    assert audited("application_reject") == 1

    race = run_at_once(lambda: session_close(actor=officer, session=fresh(session)))
    assert_one_effect(race)
    assert fresh(session).status == "closed"
    assert audited("session_close") == 1
    assert StageChange.objects.filter(action="close_scoring").count() == 2

    province = territory.province_p
    race = run_at_once(lambda: decision_issue(
        actor=officer, level="province", province=province,
        items=list(awaiting_decision("province", province.pk)), decided_on=date(2027, 6, 1)))  # fmt: skip
    assert_one_effect(race)
    assert list(Decision.objects.values_list("number", flat=True)) == ["01/QĐ-UBND"]
    assert StageChange.objects.filter(action="decide").count() == 2
    assert audited("certificate_issue") == 2


def test_ten_identical_revisions_of_a_sheet_make_one_version(council_world):
    member, item = council_world.members[1], council_world.items[0]
    sheet, _done = sheet_submit(actor=member.user, item=item, member=member,
                                answers=answers_totalling(item_sheet(item), 60))  # fmt: skip
    answers = answers_totalling(item_sheet(item), 66)
    race = run_at_once(lambda: sheet_revise(
        actor=member.user, sheet=fresh(sheet), answers=answers, reason="Sau thảo luận"))  # fmt: skip
    assert_one_effect(race)
    assert (fresh(sheet).total, fresh(sheet).version) == (66, 2)
    assert list(ScoreSheetVersion.objects.filter(sheet=sheet).values_list("number", "total")) == [
        (1, 60), (2, 66),
    ]  # fmt: skip
    assert audited("sheet_revise") == 1
