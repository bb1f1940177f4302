"""One small world for the tests that walk every URL (the permission matrix and the form fuzz).

Province P (Hà Nội), commune X: producer A (persona producer_a) owns everything; producer B
(producer_b) is in commune Y of the same province. A council of P seats a chair, the personas
`member` and `member_conflicted` as plain members, and a secretary; `member_conflicted` declared a
conflict with one product on the open session's agenda. A second session is closed and decided,
which issued a certificate. Built with the services, as the users would.
"""

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from django.apps import apps
from django.db import connection, models
from django.test import override_settings

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.accounts.testing import Territory, make_personas, make_territory, make_user
from ocop.certificates.models import Certificate
from ocop.evaluation.models import (
    Application,
    Conflict,
    CouncilMember,
    Decision,
    EvidenceFile,
    Session,
    SessionItem,
)
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.councils import conflict_declare
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.files import evidence_upload
from ocop.evaluation.services.sessions import session_close, session_create
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import (
    answers_totalling,
    fill_dossier,
    make_council,
    make_producer,
    make_product,
    make_ready,
    make_round,
    new_dossier,
    pdf_upload,
    png_bytes,
)
from ocop.programme.testing_activity import Activity, build_activity
from ocop.registry import services as registry
from ocop.registry.models import PendingChange, Producer, Product, ProductImage

# Apps whose tables hold the domain's data: a refused request must leave all of them as they were.
DOMAIN_APPS = (
    "core", "places", "accounts", "registry", "evaluation", "certificates", "programme",
    "inspections",
)  # fmt: skip
# Rows a request may touch without changing the domain (login bookkeeping).
NOT_DOMAIN = {"accounts.loginfailure", "accounts.resetrequest"}


@dataclass(repr=False)
class World:
    territory: Territory
    personas: dict[str, User | None]
    producer_a: Producer
    producer_b: Producer
    product: Product  # producer A's product for the registry pages (on the open session's agenda)
    image: ProductImage
    change: PendingChange
    draft: Application  # never submitted: only producer A may see it
    draft_file: EvidenceFile
    conflicted: SessionItem  # member_conflicted declared a conflict with its product
    free: SessionItem  # on the same agenda, nobody conflicted
    free_file: EvidenceFile
    session: Session  # open
    closed: Session  # closed and decided
    decision: Decision
    certificate: Certificate
    conflict: Conflict
    seat: CouncilMember  # persona member's seat
    conflicted_seat: CouncilMember
    media_root: str
    activity: Activity  # the annual cycle, training and promotion records of commune X

    def __repr__(self) -> str:
        return "World(…)"

    def _repr_pretty_(self, printer, cycle) -> None:  # hypothesis prints a failing example's args
        printer.text("World(…)")

    @property
    def verify_path(self) -> str:
        return urlparse(self.certificate.verification_url).path


WORLD_GTIN = "8930000000019"


def build_world() -> World:
    media = override_settings(MEDIA_ROOT=tempfile.mkdtemp(prefix="ocop-world-"))
    media.enable()
    t = make_territory()
    personas = make_personas(t)
    a = make_producer(personas["producer_a"], t.commune_x, "HTX Phú Xuyên", "0100109106")
    b = make_producer(personas["producer_b"], t.commune_y, "HTX Phượng Dực", "0300588569")
    product, conflicted_product, decided_product, draft_product = (
        make_product(a, name)
        for name in ("Bưởi Phú Xuyên", "Ổi Phú Xuyên", "Rau cải Phú Xuyên", "Na Phú Xuyên")
    )
    make_product(b, "Rau muống Phượng Dực")
    round_ = make_round(t.province_p)
    producer_a = personas["producer_a"]
    draft = application_create(actor=producer_a, product=draft_product, round=round_, kind="first")
    draft = fill_dossier(draft, producer_a)
    on_agenda = [
        make_ready(new_dossier(producer_a, p, round_)) for p in (conflicted_product, product)
    ]
    decided = make_ready(new_dossier(producer_a, decided_product, round_))

    chair = make_user("chair", Role.COUNCIL_MEMBER, province=t.province_p)
    secretary = make_user("secretary", Role.COUNCIL_MEMBER, province=t.province_p)
    council = make_council(
        t.province_p, [chair, personas["member"], personas["member_conflicted"], secretary],
        quorum=3,
    )  # fmt: skip
    seats = list(council.members.order_by("id"))
    closed = session_create(actor=None, council=council, round=round_, held_on=date(2027, 5, 10),
                            applications=[decided])  # fmt: skip
    item = closed.items.get()
    for seat in seats:
        sheet_submit(actor=seat.user, item=item, member=seat,
                     answers=answers_totalling(item_sheet(item), 80))  # fmt: skip
    session_close(actor=None, session=closed)
    decision = decision_issue(actor=None, level="province", province=t.province_p, items=[item],
                              decided_on=date(2027, 6, 10))  # fmt: skip
    # Evaluated products have their code (the catalogue's address of the certified one).
    registry.product_assign_code(product=decided_product, year=2027)
    session = session_create(actor=None, council=council, round=round_, held_on=date(2027, 5, 20),
                             applications=on_agenda)  # fmt: skip
    conflict = conflict_declare(actor=personas["member_conflicted"], member=seats[2],
                                product=conflicted_product, reason="Người nhà của chủ thể")  # fmt: skip
    items = {i.application.product_id: i for i in session.items.select_related("application")}

    registry.producer_verify(actor=personas["province_p"], producer=a)
    change = registry.producer_update(actor=producer_a, producer=Producer.objects.get(pk=a.pk),
                                      data={"phone": "0987654321"})  # fmt: skip
    assert change is not None
    image = registry.product_add_image(actor=producer_a, product=product, data=png_bytes())
    # The decided product is public (a code and a certificate) and carries a GTIN-13, for the
    # public faces (the GS1 resolver, labels, open data).
    registry.product_assign_code(product=decided_product, year=2027)
    Product.objects.filter(pk=decided_product.pk).update(gtin=WORLD_GTIN)
    free = items[product.pk]
    activity = build_activity(personas["commune_x"], a, product)
    return World(
        territory=t, personas=personas, producer_a=a, producer_b=b, product=product, image=image,
        change=change, draft=draft, draft_file=draft.files.get(), conflicted=items[conflicted_product.pk],
        free=free, free_file=free.application.files.get(), session=session, closed=closed,
        decision=decision, certificate=Certificate.objects.get(product=decided_product),
        conflict=conflict, seat=seats[1], conflicted_seat=seats[2], media_root=str(media.options["MEDIA_ROOT"]),
        activity=activity,
    )  # fmt: skip


def domain_models() -> list[type[models.Model]]:
    found = []
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label_lower not in NOT_DOMAIN:
                found.append(model)
    return found


def row_counts() -> dict[str, int]:
    """The number of rows of every domain table, in one query."""
    tables = sorted({m._meta.db_table for m in domain_models()})
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


@contextmanager
def domain_writes() -> Iterator[list[str]]:
    """Collects the INSERT/UPDATE/DELETE statements sent to domain tables inside the block (an
    update leaves the row counts as they were, so counting alone would not see it)."""
    tables = {m._meta.db_table for m in domain_models()}
    seen: list[str] = []

    def record(execute, sql, params, many, context):
        found = WRITE.match(sql)
        if found and found.group(1) in tables:
            seen.append(sql[:120])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield seen


__all__ = ["World", "build_world", "domain_writes", "row_counts", "evidence_upload", "pdf_upload"]
