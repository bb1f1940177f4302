"""Every message code of the resolver and the open data build has a Vietnamese and an English text."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from ocop.catalogue.messages_gs1 import TEXTS

HERE = Path(__file__).resolve().parents[1]
SOURCES = ["digital_link.py", "views_gs1.py", "opendata.py"]
CODE = re.compile(r'"((?:dl|id|opendata)\.[a-z_]+)"')


def test_every_code_has_a_text():
    used = {code for name in SOURCES for code in CODE.findall((HERE / name).read_text())}
    assert used == set(TEXTS)


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_every_text_has_an_english_translation(code):
    with translation.override("en"):
        english = str(TEXTS[code])
    with translation.override("vi"):
        vietnamese = str(TEXTS[code])
    assert english != vietnamese
    assert english.isascii()


def test_the_resolver_answers_in_english_when_chosen(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/01/08930000000018")
    assert response.status_code == 400
    assert response.content.decode() == "The GTIN's GS1 check digit is wrong.\n"
