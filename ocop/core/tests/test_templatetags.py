from datetime import date

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load ocop_format %}" + source).render(Context(context))


def test_money_and_date_filters():
    assert render("{{ x|dong }}", x=968721000) == "968.721.000 đồng"
    assert render("{{ d|vndate }}", d=date(2026, 11, 29)) == "29/11/2026"
    assert render("{{ d|vndate_long }}", d=date(2026, 11, 29)) == "ngày 29 tháng 11 năm 2026"
    assert render("{{ x|dong }}", x=None) == ""


def test_vietnamese_by_default_even_for_an_english_browser(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi"' in response.content.decode()
    assert response["Content-Language"] == "vi"
