import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.core.text import (
    INVISIBLE,
    clean_long_text,
    nfc,
    search_key,
    search_terms,
    whole_number,
)


def test_spellings_of_phu_xuyen_meet():
    decomposed = unicodedata.normalize("NFD", "Phú Xuyên")
    assert decomposed != "Phú Xuyên"
    keys = {search_key(s) for s in ("phu xuyen", "PHÚ XUYÊN", decomposed, "Phú  Xuyên ")}
    assert keys == {"phu xuyen"}


def test_d_with_stroke_matches_d():
    assert search_key("Đường") == "duong"
    assert search_key("đường") == search_key("duong")
    assert search_key("Gà Lạc Thủy") == "ga lac thuy"


def test_search_terms_split_on_spaces():
    assert search_terms("  Gà   LẠC thủy ") == ["ga", "lac", "thuy"]


def test_nfc_composes_and_collapses_spaces():
    assert nfc(unicodedata.normalize("NFD", "Hà  Nội ")) == "Hà Nội"


vietnamese = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐĂÂÊÔƠƯ",
    max_size=30,
)


@given(vietnamese)
def test_key_is_the_same_for_nfc_nfd_and_case(text):
    assert search_key(unicodedata.normalize("NFD", text)) == search_key(text)
    assert search_key(text.upper()) == search_key(text)
    assert search_key(nfc(text)) == search_key(text)


@given(vietnamese)
def test_key_is_plain_ascii_for_vietnamese_letters(text):
    assert search_key(text).isascii()


@given(vietnamese)
def test_key_is_idempotent(text):
    assert search_key(search_key(text)) == search_key(text)


def test_nfc_drops_invisible_characters():
    hidden = "G\u200ba\u0300 L\u00adạc\u200d Th\u200cu\u0309y\ufeff\u202e\u2066"
    assert nfc(hidden) == "Gà Lạc Thủy"
    assert nfc("Gà\u00a0\u2003Lạc\tThủy\n") == "Gà Lạc Thủy"


def test_long_text_keeps_line_breaks_and_drops_invisible_characters():
    text = "Dòng\u200b một  \r\nDòng\u00ad hai\n\n\n\nDòng ba\u202e "
    assert clean_long_text(text) == "Dòng một\nDòng hai\n\nDòng ba"


def test_whole_number_takes_ascii_digits_only():
    assert [whole_number(t) for t in ("42", " 7 ", "²", "٣", "-1", "1.5", "", "9" * 31)] == [
        42, 7, None, None, None, None, None, None,
    ]  # fmt: skip


hidden = st.text(alphabet="".join(sorted(INVISIBLE)) + "\x00\x07", max_size=5)


@settings(max_examples=200)
@given(st.lists(st.tuples(vietnamese, hidden), max_size=6))
def test_invisible_characters_never_survive_and_cleaning_is_idempotent(pieces):
    text = "".join(word + junk for word, junk in pieces)
    clean = nfc(text)
    assert not set(clean) & (INVISIBLE | {"\x00", "\x07"})
    assert nfc(clean) == clean
    assert clean == nfc("".join(word for word, _junk in pieces))
    assert clean_long_text(clean_long_text(text)) == clean_long_text(text)
