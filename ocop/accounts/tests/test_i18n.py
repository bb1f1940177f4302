import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"


@pytest.fixture(autouse=True)
def _back_to_vietnamese():
    """LocaleMiddleware leaves the request's language active in the thread; later tests
    compare Vietnamese messages, so put the default back."""
    yield
    translation.deactivate()


def test_login_page_is_vietnamese_by_default(client):
    body = client.get(LOGIN_URL).content.decode()
    assert '<html lang="vi"' in body
    assert "<title>Đăng nhập</title>" in body
    assert "Quên mật khẩu?" in body


def test_language_cookie_switches_the_login_page_to_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(LOGIN_URL).content.decode()
    assert '<html lang="en"' in body
    assert "<title>Sign in</title>" in body
    assert "Forgot your password?" in body
    assert "Đăng nhập" not in body


def test_set_language_view_stores_english_and_the_next_page_uses_it(client, settings):
    response = client.post("/i18n/setlang/", {"language": "en", "next": LOGIN_URL})
    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    body = client.get(LOGIN_URL).content.decode()
    assert '<html lang="en"' in body
    assert "<title>Sign in</title>" in body


def test_english_catalogue_has_plural_forms_and_keeps_placeholders():
    with translation.override("en"):
        one = translation.ngettext("%(n)s sản phẩm", "%(n)s sản phẩm", 1) % {"n": 1}
        many = translation.ngettext("%(n)s sản phẩm", "%(n)s sản phẩm", 3) % {"n": 3}
        minutes = translation.gettext(
            "Bạn đã đăng nhập sai quá nhiều lần. Vì lý do an toàn, vui lòng thử lại sau "
            "%(minutes)d phút hoặc dùng chức năng “Quên mật khẩu”."
        ) % {"minutes": 15}
    assert one == "1 product"
    assert many == "3 products"
    assert minutes == (
        "Too many failed sign-in attempts. For security reasons, please try again in "
        "15 minutes or use “Forgot password”."
    )
