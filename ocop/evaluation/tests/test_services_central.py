"""The central level: a provincial 5★ goes to the ministry's council; 5★ there is decided by the
ministry, below 90 the province recognises 3★/4★ on the central scores."""

from datetime import date

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_user
from ocop.evaluation.models import Application, Round
from ocop.evaluation.services import fivestar
from ocop.evaluation.services.decisions import awaiting_decision, decision_issue
from ocop.evaluation.services.sessions import session_close, session_create
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling, make_council

pytestmark = pytest.mark.django_db


def score(members, item, totals):
    for member, total in zip(members, totals, strict=True):
        sheet_submit(actor=member.user, item=item, member=member,
                     answers=answers_totalling(item_sheet(item), total))  # fmt: skip


def hand_off(personas, application):
    """The province's approval decision and letter, the dossier sent to the ministry."""
    application.advisory = {"council_reports": [{"date": "2027-06-01", "text": "Báo cáo."}]}
    application.form01 = {**application.form01, "samples": "5"}
    application.filed_on = date(2027, 3, 1)
    application.save(update_fields=["advisory", "form01", "filed_on"])
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=application,
                                        on=date(2027, 6, 11))  # fmt: skip
    return fivestar.fivestar_send(actor=personas["province_p"], dossier=dossier,
                                  on=date(2027, 6, 12))  # fmt: skip


def test_central_five_stars_and_the_fallback(council_world, personas):
    w = council_world
    score(w.members, w.items[0], [95, 92, 91])
    score(w.members, w.items[1], [93, 94, 90])
    score(w.members, w.items[2], [60, 60, 60])
    session_close(actor=None, session=w.session)
    province = w.council.province
    decision_issue(actor=personas["province_p"], level="province", province=province,
                   items=list(w.session.items.all()), decided_on=date(2027, 6, 10))  # fmt: skip
    proposed = list(Application.objects.filter(stage="proposed_central").order_by("id"))
    assert len(proposed) == 2
    dossiers = [hand_off(personas, application) for application in proposed]  # Art. 7.3.e, 6.3.a
    users = [make_user(f"tw{n}", Role.COUNCIL_MEMBER) for n in range(3)]
    central = make_council(None, users, level="central")
    round_ = Round.objects.create(level="central", year=2027, number=1,
                                  proposal_deadline=date(2027, 7, 30),
                                  decision_deadline=date(2027, 9, 30))  # fmt: skip
    session = session_create(actor=personas["central"], council=central, round=round_,
                             held_on=date(2027, 8, 20), applications=proposed)  # fmt: skip
    assert Application.objects.get(pk=proposed[0].pk).stage == "in_central_session"
    seats = list(central.members.order_by("id"))
    items = list(session.items.order_by("id"))
    score(seats, items[0], [92, 91, 90])
    score(seats, items[1], [85, 88, 86])
    session_close(actor=seats[-1].user, session=session)
    assert [i.pk for i in awaiting_decision("central", None)] == [items[0].pk]
    ministry = decision_issue(actor=personas["central"], level="central", province=None,
                              items=[items[0]], decided_on=date(2027, 9, 20))  # fmt: skip
    assert ministry.number == "01/QĐ-BNNMT"
    five = items[0].application.product.certificates.get()
    assert (five.stars, five.authority_name, five.authority_level) == (
        5,
        "Bộ Nông nghiệp và Môi trường",
        "central",
    )
    fivestar.fivestar_notify(actor=personas["central"], dossier=dossiers[1], on=date(2027, 9, 21))
    assert [i.pk for i in awaiting_decision("province", province.pk)] == [items[1].pk]
    fallback = decision_issue(actor=personas["province_p"], level="province", province=province,
                              items=[items[1]], decided_on=date(2027, 9, 25))  # fmt: skip
    assert fallback.number == "04/QĐ-UBND"  # 02 and 03: the two approval decisions
    assert items[1].application.product.certificates.get().stars == 4
    assert Application.objects.get(pk=items[1].application_id).history.last().action == (
        "decide_fallback"
    )
