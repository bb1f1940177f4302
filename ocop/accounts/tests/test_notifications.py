import pytest
from django.core import mail

from ocop.accounts.models import Notification
from ocop.accounts.services import notify
from ocop.accounts.testing import assert_matrix, client_for

pytestmark = pytest.mark.django_db


def test_notify_creates_rows_and_mails_after_commit(personas, django_capture_on_commit_callbacks):
    target = personas["commune_x"]
    target.email = "xa@example.vn"
    target.save()
    with django_capture_on_commit_callbacks(execute=True):
        count = notify(
            recipients=[target, personas["producer_a"]], message="Hồ sơ mới cần kiểm tra", url="/"
        )
    assert count == 2
    assert (
        Notification.objects.filter(recipient=target, message="Hồ sơ mới cần kiểm tra").count() == 1
    )
    assert [m.to for m in mail.outbox] == [["xa@example.vn"]]
    assert mail.outbox[0].subject == "[OCOP] Hồ sơ mới cần kiểm tra"


def test_each_user_sees_only_own_notifications_and_can_mark_read(personas):
    notify(recipients=[personas["producer_a"]], message="Việc của A", email=False)
    notify(recipients=[personas["producer_b"]], message="Việc của B", email=False)
    body = client_for(personas["producer_a"]).get("/accounts/notifications/").content.decode()
    assert "Việc của A" in body and "Việc của B" not in body
    client_for(personas["producer_a"]).post("/accounts/notifications/")
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_notifications_page_needs_login(personas):
    everyone = set(personas) - {"anonymous"}
    assert_matrix(personas, "/accounts/notifications/", everyone)
