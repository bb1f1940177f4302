"""The permission matrix, generated from the URL resolver (issue 9.10).

Every URL pattern of the project is listed in TABLE (a pattern the table does not list fails
`test_every_url_pattern_is_in_the_table`, so a new page cannot escape the matrix). Each entry gives,
for one or more URLs of that pattern built from the world of tests/world.py (province P, commune X,
producer A owns the objects), the personas that may GET it and those that may POST to it. Every
persona × every URL × GET and POST is then sent: an allowed persona gets a non-error answer, any
other is refused (anonymous: sent to the login page; a logged-in user: 403/404/405) and its
request changes no row of any domain table. No request may end in a server error.

What "allowed" means is the status code only (robust to wording): 2xx, a redirect that is not to
the login page, or 400. A POST that an allowed persona sends with empty data is usually a form
re-shown with its errors, or a redirect with a message; it still proves the view let them in.

Skipped patterns: Django admin's own pages (the admin site checks `is_staff` for all of them; one
test below checks that non-admins are refused), and i18n `set_language` (Django's view: it only
sets the language cookie and redirects, for everyone).
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from ocop.inspections.testing import inspection_rows
from ocop.programme.testing import programme_rows
from tests.world import World, build_world, domain_writes, row_counts

PERSONAS = [
    "anonymous", "producer_a", "producer_b", "commune_x", "commune_y", "province_p", "province_q",
    "member", "member_conflicted", "advisor", "central", "admin",
]  # fmt: skip
ALL = frozenset(PERSONAS)
USERS = ALL - {"anonymous"}
NOBODY: frozenset[str] = frozenset()
OFFICERS = frozenset({"admin", "central", "province_p", "province_q", "commune_x", "commune_y"})
OFFICERS_PRODUCERS = OFFICERS | {"producer_a", "producer_b"}
OFFICERS_OF_A = frozenset({"commune_x", "province_p", "central", "admin"})  # X, P, nationwide
SEES_A = OFFICERS_OF_A | {"producer_a"}  # producer A's own rows
PROVINCE_OFFICERS = frozenset({"province_p", "province_q", "central", "admin"})
MANAGERS = frozenset({"province_p", "admin"})  # of the council of P (its chair and secretary too)
MEMBERS = frozenset({"member", "member_conflicted"})
# Item 9.4: a dossier never submitted is the producer's own, not yet the officers'.
DRAFT = frozenset({"producer_a"})
# A filed dossier on the open session's agenda: the producer, its commune and province, the
# members of the council that scores it, nationwide officers. Advisors see dossiers only from the
# advisory review until they go to the council (workflow.ADVISOR_VISIBLE).
FILED = SEES_A | MEMBERS
FILED_CONFLICTED = FILED - {"member_conflicted"}  # item 9.1: a conflict hides the dossier
SKIPPED = {"set_language"}
# The marker makes pytest-django create the test database; each test then runs in a savepoint of
# the module's transaction (see `world`).
pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Case:
    kwargs: Callable[[World], dict] = field(default=lambda w: {})
    get: frozenset[str] = NOBODY
    post: frozenset[str] = NOBODY
    data: Callable[[World], dict] = field(default=lambda w: {})


def same(allowed: frozenset[str], kwargs: Callable[[World], dict] = lambda w: {}) -> Case:
    """A page that answers GET and POST alike (a function view without a method check)."""
    return Case(kwargs, allowed, allowed)


def post_only(allowed: frozenset[str], kwargs=lambda w: {}, data=lambda w: {}) -> Case:
    return Case(kwargs, NOBODY, allowed, data)


def job(w):
    """A finished export of province officer P's (only its owner may follow or download it)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from ocop.core.models import Job

    owner = w.personas["province_p"]
    found = Job.objects.filter(created_by=owner, kind="registry_export").first()
    if found is None:
        name = default_storage.save("jobs/matrix/san-pham.xlsx", ContentFile(b"PK"))
        found = Job.objects.create(
            kind="registry_export", title="Xuất", created_by=owner, status="done",
            result_name=name, result_filename="san-pham.xlsx", result_content_type="application/zip",
        )  # fmt: skip
    return {"job_id": found.pk}


def notice(w, recipient_kind):
    """The decision's letter to producer A, or to commune X, about producer A's product."""
    from ocop.certificates.models import Notice

    letter = Notice.objects.filter(source_id=w.decision.pk, kind="result",
                                   recipient_kind=recipient_kind).first()  # fmt: skip
    return {"pk": letter.pk}


def producer(w):
    return {"pk": w.producer_a.pk}


def product(w):
    return {"pk": w.product.pk}


def draft(w):
    return {"pk": w.draft.pk}


def filed(w):
    return {"pk": w.free.application_id}


def council(w):
    return {"pk": w.session.council_id}


def session(w):
    return {"pk": w.session.pk}


def fivestar(w):
    """A 5★ dossier of province P, notified by the ministry (so its three PDFs exist)."""
    from ocop.evaluation.models import FiveStarDossier

    found, _created = FiveStarDossier.objects.get_or_create(
        application=w.free.application,
        defaults={"province": w.free.application.commune.province, "status": "notified",
                  "approval_number": "02/QĐ-UBND", "approved_on": date(2027, 6, 1),
                  "letter_number": "01/UBND-NNMT", "letter_on": date(2027, 6, 1),
                  "notice_number": "01/TB-BNNMT", "notified_on": date(2027, 8, 25),
                  "notice": {"average": "86", "stars": "4"}},
    )  # fmt: skip
    return {"pk": found.pk}


def dossier_at(w, name: str, stage: str, kind: str = "first"):
    """Producer A's dossier of a product of its own at `stage` (made once per module; the earlier
    steps are skipped as make_ready does, their services have their own tests)."""
    from ocop.evaluation.models import Application
    from ocop.evaluation.testing import make_product, new_dossier

    found = Application.objects.filter(product__name=name, product__producer=w.producer_a).first()
    if found is None:
        product = make_product(w.producer_a, name)
        found = new_dossier(w.personas["producer_a"], product, w.draft.round)
        Application.objects.filter(pk=found.pk).update(stage=stage, kind=kind)
    return found


def proposed_central(w):
    """A dossier sent to the ministry by the provincial decision (average ≥ 90, Art. 7.3.e; the
    stage alone decides who may prepare its 5★ hand-off): not prepared yet."""
    return {"pk": dossier_at(w, "Mít Phú Xuyên", "proposed_central").pk}


def reevaluation_at(stage: str):
    """A re-evaluation dossier (Art. 7.6) at `stage`, for the 7.6.c "thay đổi lớn" flag."""
    return lambda w: {"pk": dossier_at(w, f"Chè {stage}", stage, kind="reevaluation").pk}


# Art. 7.3.e / 7.4: the province's officers (and admins) act for the province, the central
# officers for the ministry; a commune officer, a council member or a producer never does.
FIVESTAR_SEES = frozenset({"province_p", "central", "admin"})
FIVESTAR_PROVINCE = frozenset({"province_p", "admin"})
FIVESTAR_MINISTRY = frozenset({"central", "admin"})

TABLE: dict[str, list[Case]] = {
    # accounts (Django's auth views with the project's throttled forms)
    "home": [same(ALL)],
    "login": [same(ALL)],
    "logout": [Case(post=ALL)],  # Django 5: logging out is a POST
    "password_change": [same(USERS)],
    "password_change_done": [Case(get=USERS)],
    "password_reset": [same(ALL)],
    "password_reset_done": [Case(get=ALL)],
    "password_reset_confirm": [same(ALL, lambda w: {"uidb64": "MQ", "token": "sai-ma"})],
    "password_reset_complete": [Case(get=ALL)],
    "notification_list": [same(USERS)],
    "jobs:detail": [Case(job, get=frozenset({"province_p"}))],
    "jobs:result": [Case(job, get=frozenset({"province_p"}))],
    "audit_history": [
        same(
            OFFICERS_OF_A,
            lambda w: {"app_label": "registry", "model_name": "product", "pk": str(w.product.pk)},
        ),
        same(  # item 9.4: a draft's trail is not the officers' either
            NOBODY,
            lambda w: {
                "app_label": "evaluation",
                "model_name": "application",
                "pk": str(w.draft.pk),
            },
        ),
    ],  # fmt: skip
    # criteria and places: reference data for every logged-in user
    "criteria:ruleset_list": [same(USERS)],
    "criteria:set_list": [same(USERS, lambda w: {"rules": "26-2026"})],
    "criteria:sheet_detail": [same(USERS, lambda w: {"rules": "26-2026", "number": 1})],
    "criteria:sheet_pdf": [same(USERS, lambda w: {"rules": "26-2026", "number": 1})],
    "places:commune_options": [same(USERS)],
    "places:historic_options": [same(USERS)],
    # registry
    "registry:producer_list": [same(OFFICERS_PRODUCERS)],
    "registry:producer_create": [same(OFFICERS_PRODUCERS)],
    "registry:producer_detail": [same(SEES_A, producer)],
    "registry:producer_edit": [same(SEES_A, producer)],
    "registry:producer_verify": [post_only(OFFICERS_OF_A, producer)],
    "registry:producer_archive": [post_only(OFFICERS_OF_A, producer)],
    "registry:producer_document_add": [post_only(SEES_A, producer)],
    "registry:product_list": [same(OFFICERS_PRODUCERS)],
    "registry:product_create": [same(OFFICERS_PRODUCERS)],
    "registry:product_detail": [same(SEES_A, product)],
    "registry:product_edit": [same(SEES_A, product)],
    "registry:product_verify": [post_only(OFFICERS_OF_A, product)],
    "registry:product_archive": [post_only(OFFICERS_OF_A, product)],
    "registry:product_standard_add": [post_only(SEES_A, product)],
    "registry:product_image_add": [post_only(SEES_A, product)],
    "registry:product_image": [
        same(SEES_A, lambda w: {"pk": w.product.pk, "image_pk": w.image.pk})
    ],
    "registry:change_list": [same(OFFICERS_PRODUCERS)],
    "registry:change_accept": [post_only(OFFICERS_OF_A, lambda w: {"pk": w.change.pk})],
    "registry:change_reject": [post_only(OFFICERS_OF_A, lambda w: {"pk": w.change.pk})],
    "registry:producers_template": [same(OFFICERS)],
    "registry:producers_export": [same(OFFICERS_PRODUCERS)],
    "registry:producers_import": [same(OFFICERS)],
    # a token that is not in the user's session: nobody confirms someone else's upload
    "registry:producers_import_confirm": [Case(lambda w: {"token": "0" * 32})],
    "registry:products_template": [same(OFFICERS)],
    "registry:products_export": [same(OFFICERS_PRODUCERS)],
    "registry:products_import": [same(OFFICERS)],
    "registry:products_import_confirm": [Case(lambda w: {"token": "0" * 32})],
    # evaluation: rounds and dossiers
    "evaluation:round_list": [same(USERS)],
    "evaluation:round_new": [same(frozenset({"province_p", "province_q", "admin"}))],
    "evaluation:application_list": [
        same(OFFICERS_PRODUCERS | {"advisor"})  # council members score from their sheets
    ],
    "evaluation:my_tasks": [same(USERS)],
    "evaluation:application_new": [same(frozenset({"producer_a", "producer_b", "admin"}))],
    "evaluation:application_detail": [
        same(DRAFT, draft),
        same(FILED, filed),
        same(FILED_CONFLICTED, lambda w: {"pk": w.conflicted.application_id}),
    ],  # fmt: skip
    # the producer's forms: only its own representatives, only while the dossier is theirs
    "evaluation:application_form01": [same(DRAFT, draft), same(NOBODY, filed)],
    "evaluation:application_form02": [same(DRAFT, draft), same(NOBODY, filed)],
    "evaluation:application_selfscore": [same(DRAFT, draft), same(NOBODY, filed)],
    "evaluation:application_selfscore_preview": [same(DRAFT, draft), same(NOBODY, filed)],
    # one endpoint per action; whoever may see the dossier is let in, the service decides
    "evaluation:application_act": [
        post_only(DRAFT, lambda w: {"pk": w.draft.pk, "action": "submit"}),
        post_only(FILED, lambda w: {"pk": w.free.application_id, "action": "accept"}),
    ],
    # Art. 12.2: only the dossier's province officers (and admins) move a lapsed 148 dossier
    "evaluation:application_renew_rules": [post_only(MANAGERS, filed)],
    # Art. 5.1: the commune that received the dossier (and admins) moves it to the next round
    "evaluation:application_move_round": [post_only(frozenset({"commune_x", "admin"}), filed)],
    "evaluation:evidence_add": [post_only(DRAFT, draft), post_only(FILED, filed)],
    "evaluation:application_zip": [same(DRAFT, draft), same(FILED, filed)],
    "evaluation:application_form01_pdf": [same(FILED, filed)],
    "evaluation:application_form02_pdf": [same(FILED, filed)],
    # Phụ lục III, Mẫu 03: read by whoever sees the dossier, written only at the commune's step.
    "evaluation:application_form03": [Case(draft, DRAFT, NOBODY), Case(filed, FILED, NOBODY)],
    "evaluation:application_form03_pdf": [same(FILED, filed)],
    "evaluation:evidence_download": [
        same(DRAFT, lambda w: {"file_id": w.draft_file.pk}),
        same(FILED, lambda w: {"file_id": w.free_file.pk}),
    ],
    "evaluation:evidence_delete": [
        post_only(DRAFT, lambda w: {"file_id": w.draft_file.pk}),
        # the dossier is with the council: not even its producer removes evidence now
        post_only(NOBODY, lambda w: {"file_id": w.free_file.pk}),
    ],
    # evaluation: councils, sessions, sheets, decisions
    "evaluation:council_list": [same(PROVINCE_OFFICERS | MEMBERS)],
    "evaluation:council_new": [same(PROVINCE_OFFICERS)],
    "evaluation:council_detail": [same(MANAGERS | {"central"} | MEMBERS, council)],
    "evaluation:council_member_new": [post_only(MANAGERS, council)],
    "evaluation:council_rules": [post_only(MANAGERS, council)],
    "evaluation:conflict_new": [post_only(MEMBERS, council)],
    "evaluation:conflict_review": [
        post_only(
            MANAGERS,
            lambda w: {"pk": w.session.council_id, "conflict_pk": w.conflict.pk},
            lambda w: {"confirmed": "yes", "note": "Đã xác minh"},
        )
    ],  # fmt: skip
    "evaluation:session_new": [same(MANAGERS, council)],
    # Art. 7.6.d written consultation: the same managers; members reply on their own sheet pages.
    "evaluation:written_new": [same(MANAGERS, council)],
    "evaluation:session_detail": [
        same(MANAGERS, session),
        same(MANAGERS, lambda w: {"pk": w.closed.pk}),
    ],
    "evaluation:session_close": [post_only(MANAGERS, session)],
    "evaluation:session_attendance": [post_only(MANAGERS, session)],
    "evaluation:item_outcome": [
        post_only(MANAGERS, lambda w: {"pk": w.session.pk, "item_pk": w.free.pk})
    ],
    # Issue 13 item 9: the secretary's minutes page (discussion, why a member has no score).
    "evaluation:session_minutes": [
        same(MANAGERS, session),
        same(NOBODY, lambda w: {"pk": w.closed.pk}),  # the minutes are fixed once closed
    ],
    "evaluation:item_minutes": [
        post_only(MANAGERS, lambda w: {"pk": w.session.pk, "item_pk": w.free.pk})
    ],
    "evaluation:minutes_pdf": [
        same(MANAGERS, lambda w: {"pk": w.closed.pk}),
        same(NOBODY, session),  # no minutes while the session is open
    ],
    "evaluation:workbook_download": [same(MEMBERS, session)],
    "evaluation:workbook_upload": [post_only(MEMBERS, session)],
    "evaluation:my_sheets": [same(MEMBERS | {"admin"})],
    "evaluation:sheet_score": [
        same(MEMBERS, lambda w: {"item_pk": w.free.pk}),
        same(frozenset({"member"}), lambda w: {"item_pk": w.conflicted.pk}),
    ],
    "evaluation:sheet_preview": [
        post_only(MEMBERS | MANAGERS, lambda w: {"item_pk": w.free.pk}),
        post_only(MANAGERS | {"member"}, lambda w: {"item_pk": w.conflicted.pk}),
    ],
    "evaluation:sheet_paper": [
        same(MANAGERS, lambda w: {"item_pk": w.free.pk, "member_pk": w.seat.pk}),
        same(MANAGERS, lambda w: {"item_pk": w.conflicted.pk, "member_pk": w.seat.pk}),
        # item 9.1: a conflicted member's paper form is not shown at all, to anyone
        same(NOBODY, lambda w: {"item_pk": w.conflicted.pk, "member_pk": w.conflicted_seat.pk}),
    ],
    "evaluation:decision_list": [same(PROVINCE_OFFICERS)],
    "evaluation:decision_detail": [same(MANAGERS | {"central"}, lambda w: {"pk": w.decision.pk})],
    "evaluation:decision_pdf": [same(MANAGERS | {"central"}, lambda w: {"pk": w.decision.pk})],
    # the 5★ hand-off (Art. 6.3, 7.3.e, 7.4): the officers of the dossier's province prepare it
    # for a product sent to the ministry; a first-time dossier on the agenda: nobody
    "evaluation:fivestar_new": [same(NOBODY, filed), same(FIVESTAR_PROVINCE, proposed_central)],
    # the 7.6.c flag of a re-evaluation: the commune while it checks the dossier, the provincial
    # agency from intake to the advisory review (its advisors there too); never a first time
    "evaluation:application_major_changes": [
        post_only(NOBODY, filed),
        post_only(frozenset({"commune_x", "admin"}), reevaluation_at("submitted")),
        post_only(frozenset({"province_p", "admin"}), reevaluation_at("proposed")),
        post_only(
            frozenset({"province_p", "advisor", "admin"}), reevaluation_at("advisory_review")
        ),
    ],
    "evaluation:fivestar_list": [same(PROVINCE_OFFICERS)],
    "evaluation:fivestar_detail": [same(FIVESTAR_SEES, fivestar)],
    "evaluation:fivestar_send": [post_only(FIVESTAR_PROVINCE, fivestar)],
    "evaluation:fivestar_notify": [post_only(FIVESTAR_MINISTRY, fivestar)],
    "evaluation:fivestar_own": [post_only(FIVESTAR_PROVINCE, fivestar)],
    "evaluation:fivestar_approval_pdf": [same(FIVESTAR_SEES, fivestar)],
    "evaluation:fivestar_letter_pdf": [same(FIVESTAR_SEES, fivestar)],
    "evaluation:fivestar_notice_pdf": [same(FIVESTAR_SEES, fivestar)],
    # certificates
    "certificates:certificate_list": [same(OFFICERS_PRODUCERS)],
    "certificates:certificate_detail": [same(SEES_A, lambda w: {"pk": w.certificate.pk})],
    "certificates:certificate_pdf": [same(SEES_A, lambda w: {"pk": w.certificate.pk})],
    # 3★/4★: the province of the product (the ministry revokes 5★ only)
    "certificates:certificate_revoke": [same(MANAGERS, lambda w: {"pk": w.certificate.pk})],
    # written notices (Art. 7.3.g, 8.3.c): the letter's recipients and the officers in scope
    "certificates:notice_list": [same(OFFICERS_PRODUCERS)],
    "certificates:notice_pdf": [
        same(SEES_A, lambda w: notice(w, "producer")),
        same(OFFICERS_OF_A, lambda w: notice(w, "commune")),
    ],
    # Art. 10.1.b: only the central level reviews a provincial decision
    "evaluation:decision_oversight": [
        same(frozenset({"central", "admin"}), lambda w: {"pk": w.decision.pk})
    ],
    "certificates:verify": [same(ALL, lambda w: resolve(w.verify_path).kwargs)],  # public
    "certificates:verify_lookup": [same(ALL)],  # public: look-up by exact certificate number
    # GS1 Digital Link resolver (public; GET, HEAD and OPTIONS only)
    "gs1:resolve": [Case(lambda w: {"path": "01/08930000000019"}, get=ALL)],
    "gs1:resolver_description": [Case(get=ALL)],
    # QR labels of public products and their certificates (public; GET and HEAD only)
    "gs1:product_label": [
        Case(lambda w, kind=kind: {"code": w.certificate.product.code, "kind": kind}, get=ALL)
        for kind in ("svg", "png")
    ],
    # Open data (public)
    "opendata:index": [Case(get=ALL)],
    "opendata:catalog": [Case(get=ALL)],
    "opendata:build": [post_only(frozenset({"admin"}))],  # starts a background job
    # 404 for every persona here: the matrix's world has no build; once built the files are
    # public (ocop/catalogue/tests/test_views_opendata.py).
    "opendata:file": [Case(lambda w: {"filename": "products.csv"})],
    "gs1:certificate_label": [
        Case(lambda w, kind=kind: {"pk": w.certificate.pk, "kind": kind}, get=ALL)
        for kind in ("svg", "png")
    ],
    # the REST API: public and read-only (GET for everyone, any write 405)
    "api:index": [Case(get=ALL)],
    "api:products": [Case(get=ALL)],
    "api:product": [Case(lambda w: {"code": public_product(w).code}, get=ALL)],
    "api:producers": [Case(get=ALL)],
    "api:producer": [Case(lambda w: {"pk": public_product(w).producer_id}, get=ALL)],
    "api:certificates": [Case(get=ALL)],
    "api:certificate": [
        Case(lambda w: {"number": public_product(w) and w.certificate.number}, get=ALL)
    ],
    "api:decisions": [Case(get=ALL)],
    "api:provinces": [Case(get=ALL)],
    "api:province": [
        Case(lambda w: {"code": w.certificate.product.producer.commune.province.code}, get=ALL)
    ],
    "api:communes": [Case(get=ALL)],
    "api:commune": [Case(lambda w: {"code": w.certificate.product.producer.commune.code}, get=ALL)],
    "api:product_sets": [Case(get=ALL)],
    "api:stats": [Case(get=ALL)],
    "api:schema": [Case(get=ALL)],
    "api:docs": [Case(get=ALL)],
    # programme: plans, targets and budget (officers only; a commune officer its commune's rows)
    "programme:plan_list": [same(OFFICERS)],
    "programme:plan_create": [same(OFFICERS)],
    "programme:plan_detail": [same(OFFICERS_OF_A, lambda w: {"pk": programme_rows(w).plan.pk})],
    "programme:target_records": [
        same(OFFICERS_OF_A, lambda w: {"pk": programme_rows(w).target.pk})
    ],
    "programme:budget": [same(OFFICERS)],
    "programme:allocation_create": [same(OFFICERS)],
    "programme:allocation_detail": [
        same(OFFICERS_OF_A, lambda w: {"pk": programme_rows(w).allocation.pk})
    ],
    "programme:allocation_edit": [
        same(OFFICERS_OF_A, lambda w: {"pk": programme_rows(w).allocation.pk})
    ],
    "programme:disbursement_create": [
        same(OFFICERS_OF_A, lambda w: {"pk": programme_rows(w).allocation.pk})
    ],
    "programme:disbursement_detail": [
        same(OFFICERS_OF_A, lambda w: {"pk": programme_rows(w).disbursement.pk})
    ],
    "programme:disbursement_attachment": [  # no file: 404 for everyone
        same(NOBODY, lambda w: {"pk": programme_rows(w).disbursement.pk})
    ],
    # inspections (post-audit, Art. 9): a plan of P with a concluded inspection opening a
    # revocation (8.1.d) of producer A's 4★ certificate, and an open ad-hoc inspection of it
    "inspections:inspection_list": [same(OFFICERS_PRODUCERS)],
    "inspections:inspection_new": [same(PROVINCE_OFFICERS)],
    "inspections:plan_create": [same(PROVINCE_OFFICERS)],
    "inspections:plan_list": [same(OFFICERS_PRODUCERS)],
    "inspections:plan_detail": [same(SEES_A, lambda w: {"pk": inspection_rows(w).plan.pk})],
    "inspections:plan_export": [same(SEES_A, lambda w: {"pk": inspection_rows(w).plan.pk})],
    "inspections:plan_add": [same(MANAGERS, lambda w: {"pk": inspection_rows(w).plan.pk})],
    "inspections:inspection_detail": [
        same(SEES_A, lambda w: {"pk": inspection_rows(w).inspection.pk}),
        same(SEES_A, lambda w: {"pk": inspection_rows(w).open.pk}),
    ],
    "inspections:inspection_record": [  # the province's agency of P; a conclusion is final
        same(MANAGERS, lambda w: {"pk": inspection_rows(w).open.pk}),
        same(NOBODY, lambda w: {"pk": inspection_rows(w).inspection.pk}),
    ],
    "inspections:inspection_conclude": [
        same(MANAGERS, lambda w: {"pk": inspection_rows(w).open.pk}),
        same(NOBODY, lambda w: {"pk": inspection_rows(w).inspection.pk}),
    ],
    "inspections:inspection_revoke": [  # 8.2.a: the province revokes a 4★ certificate
        same(MANAGERS, lambda w: {"pk": inspection_rows(w).inspection.pk}),
        same(NOBODY, lambda w: {"pk": inspection_rows(w).open.pk}),
    ],
    # programme: the annual cycle (a unit's calendar is for every officer and producer)
    "activities:cycle": [same(OFFICERS_PRODUCERS)],
    "activities:cycle_open": [post_only(OFFICERS)],
    "activities:cycle_window": [same(OFFICERS_OF_A, lambda w: {"pk": w.activity.window.pk})],
    "activities:idea_list": [same(OFFICERS_PRODUCERS)],
    "activities:idea_create": [same(OFFICERS_PRODUCERS)],
    "activities:idea_detail": [same(SEES_A, lambda w: {"pk": w.activity.idea.pk})],
    "activities:idea_screen": [post_only(OFFICERS_OF_A, lambda w: {"pk": w.activity.idea.pk})],
    "activities:businessplan_create": [same(SEES_A, lambda w: {"pk": w.activity.accepted.pk})],
    "activities:businessplan_detail": [same(SEES_A, lambda w: {"pk": w.activity.plan.pk})],
    "activities:businessplan_decide": [
        post_only(OFFICERS_OF_A, lambda w: {"pk": w.activity.plan.pk})
    ],
    "activities:businessplan_link": [post_only(SEES_A, lambda w: {"pk": w.activity.plan.pk})],
    # programme: training (producers see their own attendance on the list page only)
    "activities:course_list": [same(OFFICERS_PRODUCERS)],
    "activities:course_create": [same(OFFICERS)],
    "activities:course_detail": [same(OFFICERS_OF_A, lambda w: {"pk": w.activity.course.pk})],
    "activities:course_attendees": [same(OFFICERS_OF_A, lambda w: {"pk": w.activity.course.pk})],
    # programme: trade promotion
    "activities:event_list": [same(OFFICERS)],
    "activities:event_create": [same(OFFICERS)],
    "activities:event_detail": [same(OFFICERS_OF_A, lambda w: {"pk": w.activity.event.pk})],
    "activities:showroom_list": [same(OFFICERS)],
    "activities:showroom_create": [same(OFFICERS)],
    "activities:showroom_detail": [same(OFFICERS_OF_A, lambda w: {"pk": w.activity.showroom.pk})],
    "activities:showroom_products": [
        post_only(OFFICERS_OF_A, lambda w: {"pk": w.activity.showroom.pk})
    ],
    # reports (issue 11.6-7): a unit's dashboard and report for its officers and those above
    "reports:unit_list": [same(OFFICERS)],
    **{
        name: [
            same(OFFICERS_OF_A, lambda w: {"code": "10273"}),  # commune X
            same(OFFICERS_OF_A - {"commune_x"}, lambda w: {"code": "01"}),  # province P
        ]
        for name in (
            "reports:programme_dashboard",
            "reports:programme_xlsx",
            "reports:programme_pdf",
        )
    },
    # the public catalogue (no login)
    "catalogue:list": [same(ALL)],
    "catalogue:decisions": [same(ALL)],
    "catalogue:product": [
        same(ALL, lambda w: {"code": w.certificate.product.code}),
        same(NOBODY, lambda w: {"code": "01-10273-999-2026"}),  # no such product: 404 for all
    ],
    # a photo of a product never recognised is not public, whoever asks
    "catalogue:image": [
        same(NOBODY, lambda w: {"code": w.image.product.code or "x", "image_pk": w.image.pk})
    ],
}


def public_product(w: World):
    """The decided product, public: the world gives it a product code (public faces list only
    products with one)."""
    product = w.certificate.product
    assert product.code
    return product


def url_patterns(resolver=None, namespace: str = ""):
    """(name, route) of every pattern, depth first, with namespaces joined as reverse() wants."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name or ''}", str(pattern.pattern)


def project_patterns() -> dict[str, str]:
    """name → route of every pattern outside the admin site (an unnamed one: "namespace:")."""
    return {
        name: route
        for name, route in url_patterns()
        if not name.startswith("admin:") and name not in SKIPPED
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end; every
    request below runs in a savepoint of its own, rolled back too, so each sees this world."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        programme_rows(built)  # made here, in the module's transaction, not in one test's
        inspection_rows(built)
        yield built
        transaction.set_rollback(True)


class _Undo(Exception):
    pass


def classify(persona: str, response) -> str:
    code = response.status_code
    location = response.get("Location", "")
    if code >= 500:
        return "error"
    if code == 302 and "login/" in location and "next=" in location:
        return "refused" if persona == "anonymous" else "login-redirect"
    if code in (403, 404, 405):
        return "refused"
    return "ok"


def send(client: Client, method: str, url: str, data: dict, persona: str, refused: bool):
    """One request in a savepoint that is rolled back; returns (outcome, detail)."""
    cookies = copy.deepcopy(client.cookies)
    outcome, detail = "error", ""
    try:
        with transaction.atomic():
            before = row_counts() if refused else None
            try:
                with domain_writes() as writes:
                    response = getattr(client, method)(url, data)
            except Exception as error:  # the test client re-raises what would be a 500
                outcome, detail = "error", f"{type(error).__name__}: {error}"
                raise _Undo from error
            outcome, detail = classify(persona, response), str(response.status_code)
            if refused and outcome == "refused" and (writes or row_counts() != before):
                outcome, detail = "changed", f"{response.status_code} but it wrote: {writes}"
            raise _Undo
    except _Undo:
        pass
    client.cookies = cookies  # a logout or a password change must not end the persona's session
    return outcome, detail


def cases():
    for name, entries in TABLE.items():
        for index, case in enumerate(entries):
            yield name, index, case


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(persona, world, django_db_blocker):
    failures = []
    with django_db_blocker.unblock():
        client = Client()
        user = world.personas[persona]
        if user is not None:
            client.force_login(user)
        for name, index, case in cases():
            url = reverse(name, kwargs=case.kwargs(world))
            for method, allowed in (("get", case.get), ("post", case.post)):
                expected = "ok" if persona in allowed else "refused"
                data = case.data(world) if method == "post" else {}
                check = expected == "refused"
                outcome, detail = send(client, method, url, data, persona, check)
                if outcome != expected:
                    failures.append(f"{method.upper()} {url} ({name}#{index}): expected "
                                    f"{expected}, got {outcome} [{detail}]")  # fmt: skip
    assert failures == [], f"{persona}: {len(failures)} mismatches\n" + "\n".join(failures)


def test_every_url_pattern_is_in_the_table():
    found = project_patterns()
    unnamed = [route for name, route in found.items() if not name or name.endswith(":")]
    assert unnamed == [], "every URL pattern needs a name to be in the matrix"
    assert sorted(set(found) - set(TABLE)) == [], "URL patterns missing from the permission matrix"
    assert sorted(set(TABLE) - set(found)) == [], "entries for URL patterns that no longer exist"


def test_every_case_reaches_its_own_pattern(world, django_db_blocker):
    with django_db_blocker.unblock():
        for name, index, case in cases():
            url = reverse(name, kwargs=case.kwargs(world))
            assert resolve(url).view_name == name, (name, index, url)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_admins_reach_the_django_admin(persona, world, django_db_blocker):
    with django_db_blocker.unblock():
        client = Client()
        if world.personas[persona] is not None:
            client.force_login(world.personas[persona])
        for path in ("/admin/", "/admin/accounts/user/", "/admin/places/province/"):
            response = client.get(path)
            if persona == "admin":
                assert response.status_code == 200, path
            else:
                assert response.status_code == 302, path
                assert response["Location"].startswith("/admin/login/"), path
