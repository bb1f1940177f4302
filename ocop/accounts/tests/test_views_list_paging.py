"""Notifications and an object's audit trail: 50 a page, page 2 shows the rest, and the same
number of queries whatever the number of rows."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.models import Notification
from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _notify(user, first: int, count: int) -> None:
    Notification.objects.bulk_create(
        [
            Notification(recipient=user, message=f"Thông báo số {n:03d}")
            for n in range(first, first + count)
        ]
    )


def _audit(target, actors, first: int, count: int) -> None:
    kind = ContentType.objects.get_for_model(target)
    AuditEntry.objects.bulk_create([
        AuditEntry(actor=actors[n % len(actors)], action=f"thao tác {n:03d}", content_type=kind,
                   object_id=str(target.pk), object_repr=str(target))
        for n in range(first, first + count)
    ])  # fmt: skip


def test_notification_queries_do_not_grow_with_notifications(personas):
    user = personas["commune_x"]
    client = client_for(user)
    _notify(user, 1, 2)
    small = _queries(client, "/accounts/notifications/")
    _notify(user, 3, 70)
    assert _queries(client, "/accounts/notifications/") == small


def test_notifications_show_50_a_page_and_page_2_the_rest(personas):
    user = personas["commune_x"]
    _notify(user, 1, 60)
    client = client_for(user)
    first = client.get("/accounts/notifications/").content.decode()
    second = client.get("/accounts/notifications/", {"page": 2}).content.decode()
    assert (first.count("Thông báo số "), second.count("Thông báo số ")) == (50, 10)
    assert "Thông báo số 060" in first and "Thông báo số 010" in second
    assert "page=2" in first


def test_audit_history_queries_do_not_grow_with_entries_or_actors(personas):
    target = personas["commune_x"]
    url = f"/audit/accounts/user/{target.pk}/"
    client = client_for(personas["admin"])
    _audit(target, [personas["admin"]], 1, 2)
    small = _queries(client, url)
    _audit(target, [personas["central"], personas["province_p"], None], 3, 70)
    assert _queries(client, url) == small


def test_audit_history_shows_50_a_page_and_page_2_the_rest(personas):
    target = personas["commune_x"]
    _audit(target, [personas["admin"]], 1, 60)
    url = f"/audit/accounts/user/{target.pk}/"
    client = client_for(personas["admin"])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert (first.count("thao tác 0"), second.count("thao tác 0")) == (50, 10)
    assert "page=2" in first
