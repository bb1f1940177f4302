"""Test helpers every app reuses: personas and the permission matrix.

Registered as a pytest plugin in the root conftest.py. Personas live in two provinces, P (Hà Nội) and
Q (Thành phố Hồ Chí Minh), with communes X and Y in P and Z in Q; the rows are made by hand, so tests
do not need the full list of communes.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pytest
from django.test import Client

from ocop.places.models import Commune, Province

from .models import Role, User

PASSWORD = "matkhau-thu-nghiem"


@dataclass
class Territory:
    province_p: Province
    province_q: Province
    commune_x: Commune
    commune_y: Commune
    commune_z: Commune


def make_territory() -> Territory:
    p, _ = Province.objects.get_or_create(
        code="01", defaults={"name": "Thành phố Hà Nội", "division_type": "thành phố trung ương"}
    )
    q, _ = Province.objects.get_or_create(
        code="79",
        defaults={"name": "Thành phố Hồ Chí Minh", "division_type": "thành phố trung ương"},
    )
    x, _ = Commune.objects.get_or_create(
        code="10273", defaults={"name": "Xã Phú Xuyên", "division_type": "xã", "province": p}
    )
    y, _ = Commune.objects.get_or_create(
        code="10279", defaults={"name": "Xã Phượng Dực", "division_type": "xã", "province": p}
    )
    z, _ = Commune.objects.get_or_create(
        code="26734", defaults={"name": "Phường Sài Gòn", "division_type": "phường", "province": q}
    )
    return Territory(p, q, x, y, z)


def make_user(username: str, role: str, **extra) -> User:
    user = User(username=username, role=role, full_name=username, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_personas(t: Territory) -> dict[str, User | None]:
    """Every kind of person a page must admit or refuse. Apps link producer_a/b, council members to their data."""
    return {
        "anonymous": None,
        "producer_a": make_user("producer_a", Role.PRODUCER),
        "producer_b": make_user("producer_b", Role.PRODUCER),
        "commune_x": make_user(
            "commune_x", Role.COMMUNE, province=t.province_p, commune=t.commune_x
        ),
        "commune_y": make_user(
            "commune_y", Role.COMMUNE, province=t.province_p, commune=t.commune_y
        ),
        "province_p": make_user("province_p", Role.PROVINCE, province=t.province_p),
        "province_q": make_user("province_q", Role.PROVINCE, province=t.province_q),
        "advisor": make_user("advisor", Role.ADVISOR, province=t.province_p),
        "member": make_user("member", Role.COUNCIL_MEMBER, province=t.province_p),
        "member_conflicted": make_user(
            "member_conflicted", Role.COUNCIL_MEMBER, province=t.province_p
        ),
        "central": make_user("central", Role.CENTRAL),
        "admin": make_user("admin", Role.ADMIN, is_staff=True, is_superuser=True),
    }


@pytest.fixture
def territory(db) -> Territory:
    return make_territory()


@pytest.fixture
def personas(territory) -> dict[str, User | None]:
    return make_personas(territory)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def is_refused(response, persona: str) -> bool:
    """Anonymous → sent to the login page; a logged-in user → 403 or 404."""
    if persona == "anonymous":
        return response.status_code == 302 and "/accounts/login/" in response.get("Location", "")
    return response.status_code in (403, 404)


def assert_matrix(
    personas: dict[str, User | None],
    url: str,
    allowed: Iterable[str],
    *,
    method: str = "get",
    data: dict | None = None,
    ok_status: Iterable[int] = (200,),
    state: Callable[[], object] | None = None,
) -> None:
    """Each persona in `allowed` gets an ok status; every other persona is refused and, when `state` is
    given, changes nothing. A POST that succeeds may change state, so give one persona at a time when
    testing writes."""
    allowed = set(allowed)
    unknown = allowed - set(personas)
    assert not unknown, f"unknown personas: {unknown}"
    for name, user in personas.items():
        before = state() if state else None
        response = getattr(client_for(user), method)(url, data or {})
        if name in allowed:
            assert response.status_code in tuple(ok_status), (
                f"{name} should get {url}: {response.status_code}"
            )
        else:
            assert is_refused(response, name), (
                f"{name} should be refused {url}: {response.status_code}"
            )
            if state:
                assert state() == before, f"{name} was refused {url} but the state changed"
