"""Every message code of the registry's pure modules has a Vietnamese text and an English one."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from ocop.registry.messages import TEXTS

HERE = Path(__file__).resolve().parents[1]
SOURCES = ["identifiers.py", "images.py", "columns.py", "excel.py"]
CODE = re.compile(r'"((?:id|image|cell|sheet)\.[a-z_]+)"')
VIETNAMESE = re.compile(
    r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I
)


def test_every_code_has_a_text():
    used = {code for name in SOURCES for code in CODE.findall((HERE / name).read_text())}
    assert used - set(TEXTS) == set()
    assert set(TEXTS) - used == set()


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_every_text_has_an_english_translation(code):
    with translation.override("en"):
        english = str(TEXTS[code])
    with translation.override("vi"):
        vietnamese = str(TEXTS[code])
    assert english != vietnamese
    assert not VIETNAMESE.search(english), english
