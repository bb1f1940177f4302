import itertools
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ocop.accounts import throttle
from ocop.accounts.models import LoginFailure
from ocop.accounts.testing import PASSWORD, make_user
from ocop.accounts.throttle import MAX_DELAY

pytestmark = pytest.mark.django_db
RANDOM_NAMES = itertools.count()


def post_login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_is_vietnamese(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="vi"' in body
    assert "Đăng nhập" in body
    assert "Quên mật khẩu?" in body


def test_good_login_redirects_home(client, territory):
    make_user("nguoidung", "producer")
    response = post_login(client, "nguoidung", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_wrong_password_and_unknown_user_get_the_same_message(client, territory):
    make_user("nguoidung", "producer")
    wrong = post_login(client, "nguoidung", "sai").content.decode()
    unknown = post_login(client, "khongco", "sai").content.decode()
    message = "Tên đăng nhập hoặc mật khẩu không đúng."
    assert message in wrong and message in unknown


def test_throttled_after_repeated_failures_even_with_the_right_password(
    client, territory, settings
):
    settings.LOGIN_FAILURE_LIMIT = 3
    make_user("nguoidung", "producer")
    for _ in range(3):
        post_login(client, "nguoidung", "sai")
    response = post_login(client, "nguoidung", PASSWORD)
    assert response.status_code == 200
    assert "đăng nhập sai quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_throttling_does_not_reveal_which_usernames_exist(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    make_user("nguoidung", "producer")
    for username in ("nguoidung", "khongco"):
        for _ in range(2):
            post_login(client, username, "sai")
    a = post_login(client, "nguoidung", "sai").content.decode()
    b = post_login(client, "khongco", "sai").content.decode()
    assert "đăng nhập sai quá nhiều lần" in a and "đăng nhập sai quá nhiều lần" in b


def test_throttle_counts_username_case_and_accents_as_one(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    post_login(client, "NguoiDung", "sai")
    post_login(client, "nguoidung", "sai")
    assert LoginFailure.objects.filter(username_key="nguoidung").count() == 2
    assert "đăng nhập sai quá nhiều lần" in post_login(client, "nguoidung", "x").content.decode()


def test_success_clears_failures(client, territory):
    make_user("nguoidung", "producer")
    post_login(client, "nguoidung", "sai")
    post_login(client, "nguoidung", PASSWORD)
    assert LoginFailure.objects.count() == 0


def test_logout_is_a_post(client, territory):
    user = make_user("nguoidung", "producer")
    client.force_login(user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_mail_only_for_known_address_but_answers_the_same(client, territory):
    make_user("nguoidung", "producer", email="nd@example.vn")
    known = client.post(reverse("password_reset"), {"email": "nd@example.vn"})
    unknown = client.post(reverse("password_reset"), {"email": "khongco@example.vn"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body
    assert mail.outbox[0].subject == "Đặt lại mật khẩu tài khoản OCOP"


def test_password_change_requires_login(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_production_hashes_with_argon2():
    from config import settings as configured

    assert configured.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_one_attacker_cannot_lock_an_account_for_everyone(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    make_user("nguoidung", "producer")
    for _ in range(2):
        client.post(
            reverse("login"), {"username": "nguoidung", "password": "sai"}, REMOTE_ADDR="10.9.9.9"
        )
    blocked = client.post(
        reverse("login"), {"username": "nguoidung", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert "đăng nhập sai quá nhiều lần" in blocked.content.decode()
    other = client.post(
        reverse("login"), {"username": "nguoidung", "password": PASSWORD}, REMOTE_ADDR="10.1.1.1"
    )
    assert other.status_code == 302


def test_behind_a_trusted_proxy_clients_are_told_apart(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    settings.TRUSTED_PROXIES = frozenset({"127.0.0.1"})
    make_user("nguoidung", "producer")
    for _ in range(2):
        client.post(
            reverse("login"), {"username": "nguoidung", "password": "sai"},
            REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7",
        )  # fmt: skip
    assert set(LoginFailure.objects.values_list("address", flat=True)) == {"203.0.113.7"}
    ok = client.post(
        reverse("login"), {"username": "nguoidung", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4",
    )  # fmt: skip
    assert ok.status_code == 302


def test_password_reset_mails_are_rate_limited_silently(client, territory, settings):
    settings.PASSWORD_RESET_LIMIT = 2
    make_user("nguoidung", "producer", email="nd@example.vn")
    answers = {
        client.post(reverse("password_reset"), {"email": "nd@example.vn"})["Location"]
        for _ in range(5)
    }
    assert answers == {"/accounts/password_reset/done/"}
    assert len(mail.outbox) == 2


def test_no_secret_key_ships_with_the_code(settings):
    assert len(settings.SECRET_KEY) >= 50
    assert "insecure" not in settings.SECRET_KEY


def login_from(client, address: str, username: str, password: str):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def spray(client, address: str, count: int) -> None:
    """`count` failed logins with random usernames from one address, paced so each is checked."""
    for _ in range(count):
        waited(MAX_DELAY)
        login_from(client, address, f"ngaunhien{next(RANDOM_NAMES)}", "sai")


def waited(seconds: int) -> None:
    """As if the client had waited: every recorded failure now dates from `seconds` ago (still
    within the window)."""
    LoginFailure.objects.update(at=timezone.now() - timedelta(seconds=seconds))


def test_failures_with_many_usernames_slow_an_address_down_but_never_lock_it(
    client, territory, settings
):
    """Twenty failures with random usernames from one address (an office behind one NAT, or a site
    behind a proxy without OCOP_TRUSTED_PROXIES) must not keep a colleague with the right password
    out: the address waits a little, then the right password gets in."""
    settings.LOGIN_FAILURE_LIMIT = 5
    make_user("nguoidung", "producer")
    spray(client, "10.9.9.9", 20)
    assert LoginFailure.objects.filter(address="10.9.9.9").count() == 20
    at_once = login_from(client, "10.9.9.9", "nguoidung", PASSWORD)
    assert "Vui lòng đợi 2 giây" in at_once.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginFailure.objects.count() == 20
    waited(2)
    later = login_from(client, "10.9.9.9", "nguoidung", PASSWORD)
    assert later.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_wait_grows_with_the_failures_up_to_a_minute(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    waits = []
    for total in (19, 20, 25, 30, 35, 40, 45, 80):
        spray(client, "10.9.9.9", total - LoginFailure.objects.count())
        LoginFailure.objects.update(at=timezone.now())
        waits.append(throttle.address_wait("10.9.9.9"))
    assert waits == [0, 2, 4, 8, 16, 32, 60, 60]
    assert throttle.address_wait("10.1.1.1") == 0


def test_a_browser_that_signed_in_before_is_not_slowed(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    make_user("nguoidung", "producer")
    assert login_from(client, "10.9.9.9", "nguoidung", PASSWORD).status_code == 302
    assert client.cookies[throttle.DEVICE_COOKIE]["httponly"]
    client.post(reverse("logout"))
    attacker = Client()
    spray(attacker, "10.9.9.9", 25)
    assert (
        "Vui lòng đợi" in login_from(attacker, "10.9.9.9", "nguoidung", PASSWORD).content.decode()
    )
    assert login_from(client, "10.9.9.9", "nguoidung", PASSWORD).status_code == 302


def test_a_forged_known_device_cookie_is_ignored(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    make_user("nguoidung", "producer")
    spray(client, "10.9.9.9", 20)
    client.cookies[throttle.DEVICE_COOKIE] = '["nguoidung"]'
    assert "Vui lòng đợi" in login_from(client, "10.9.9.9", "nguoidung", PASSWORD).content.decode()
    assert "_auth_user_id" not in client.session


def test_a_noisy_address_gets_fewer_guesses_per_username(client, territory, settings):
    """Once an address has failed LIMIT × 4 times, each username gets only NOISY_PAIR_LIMIT wrong
    tries from it (one typo allowed) instead of LIMIT."""
    settings.LOGIN_FAILURE_LIMIT = 5
    make_user("nguoidung", "producer")
    spray(client, "10.9.9.9", 20)
    for _ in range(2):
        waited(MAX_DELAY)
        assert "không đúng" in login_from(client, "10.9.9.9", "nguoidung", "sai").content.decode()
    waited(MAX_DELAY)
    failures = LoginFailure.objects.count()
    blocked = login_from(client, "10.9.9.9", "nguoidung", PASSWORD)
    assert "đăng nhập sai quá nhiều lần" in blocked.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginFailure.objects.count() == failures
    assert login_from(client, "10.1.1.1", "nguoidung", PASSWORD).status_code == 302


def test_one_username_is_still_limited_from_everywhere(client, territory, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    make_user("nguoidung", "producer")
    for n in range(8):
        client.post(
            reverse("login"), {"username": "nguoidung", "password": "sai"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )  # fmt: skip
    blocked = client.post(
        reverse("login"), {"username": "nguoidung", "password": PASSWORD}, REMOTE_ADDR="10.0.1.1"
    )
    assert "đăng nhập sai quá nhiều lần" in blocked.content.decode()


def test_forwarded_header_from_an_untrusted_proxy_is_ignored_and_logged(client, territory, caplog):
    client.post(
        reverse("login"), {"username": "khongco", "password": "sai"},
        REMOTE_ADDR="10.7.7.7", HTTP_X_FORWARDED_FOR="203.0.113.9",
    )  # fmt: skip
    assert list(LoginFailure.objects.values_list("address", flat=True)) == ["10.7.7.7"]
    assert "OCOP_TRUSTED_PROXIES=10.7.7.7" in caplog.text
