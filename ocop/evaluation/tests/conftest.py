from dataclasses import dataclass
from datetime import date

import pytest

from ocop.evaluation.models import Round
from ocop.evaluation.testing import make_producer, make_product, make_round
from ocop.registry.models import Producer, Product


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class World:
    producer_a: Producer
    producer_b: Producer
    product_a: Product
    product_b: Product
    round: Round


@pytest.fixture
def world(personas, territory) -> World:
    """Producer A (commune X, user producer_a) and producer B (commune Y, user producer_b), both in
    province P, one product each, and round 1/2027 of province P."""
    a = make_producer(personas["producer_a"], territory.commune_x, "HTX Phú Xuyên", "0100109106")
    b = make_producer(personas["producer_b"], territory.commune_y, "HTX Phượng Dực", "0300588569")
    return World(
        a, b, make_product(a, "Rau cải Phú Xuyên"), make_product(b, "Rau muống Phượng Dực"),
        make_round(territory.province_p),
    )  # fmt: skip


@dataclass
class CouncilWorld:
    council: object
    members: list  # CouncilMember rows: chair, member…, secretary
    session: object
    items: list  # SessionItem rows, one per product


@pytest.fixture
def council_world(personas, territory, world) -> CouncilWorld:
    """A council of province P with three scorers (persona `member` chairs, two more, secretary
    last), quorum 3, and an open session with three products of producer A ready for the council."""
    from ocop.accounts.roles import Role
    from ocop.accounts.testing import make_user
    from ocop.evaluation.services.sessions import session_create
    from ocop.evaluation.testing import make_council, make_ready, new_dossier

    users = [personas["member"], make_user("member_two", Role.COUNCIL_MEMBER,
             province=territory.province_p), make_user("secretary", Role.COUNCIL_MEMBER,
             province=territory.province_p)]  # fmt: skip
    council = make_council(territory.province_p, users, quorum=3)
    products = [world.product_a] + [
        make_product(world.producer_a, name) for name in ("Bưởi Phú Xuyên", "Ổi Phú Xuyên")
    ]
    dossiers = [make_ready(new_dossier(personas["producer_a"], p, world.round)) for p in products]
    session = session_create(
        actor=None, council=council, round=world.round, held_on=date(2027, 5, 20),
        applications=dossiers,
    )  # fmt: skip
    return CouncilWorld(council, list(council.members.order_by("id")), session,
                        list(session.items.order_by("id")))  # fmt: skip
