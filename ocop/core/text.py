"""Vietnamese text helpers. Pure functions, no Django.

Every search in the system compares `search_key()` values, so that "phu xuyen", "PHÚ XUYÊN" and a
decomposed-Unicode "Phú Xuyên" all meet, and "duong" finds "đường".
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_LINE_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Characters that print as nothing but make two equal-looking names differ: zero-width space,
# non-joiner, joiner, word joiner, byte order mark, soft hyphen, the bidirectional controls, and
# every other format (Cf) or control (Cc) character except the line break of long texts.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def strip_invisible(text: str) -> str:
    """The text without invisible characters (tabs and line breaks become spaces or stay)."""
    return "".join(
        ch
        for ch in text
        if ch in "\n\t" or (ch not in INVISIBLE and unicodedata.category(ch) not in ("Cf", "Cc"))
    )


def nfc(text: str) -> str:
    """Composed Unicode, no invisible characters, collapsed white space: the form we store."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", strip_invisible(text))).strip()


def clean_long_text(text: str) -> str:
    """nfc() for a long text: keeps line breaks (at most one empty line in a row)."""
    lines = unicodedata.normalize("NFC", strip_invisible(text.replace("\r\n", "\n")))
    lines = "\n".join(_LINE_SPACES.sub(" ", line).strip() for line in lines.split("\n"))
    return _BLANK_LINES.sub("\n\n", lines).strip()


def search_key(text: str) -> str:
    """Lower case, no diacritics, đ → d, single spaces: the form we compare."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.replace("đ", "d")).strip()


def search_terms(query: str) -> list[str]:
    """The words of a query, each as a search key."""
    return [term for term in search_key(query).split(" ") if term]


def matches(query: str, *texts: object) -> bool:
    """Every word of the query is in one of the texts, compared as search keys: for short lists
    searched in Python (rounds, decisions) the same way the registry searches in the database."""
    haystack = search_key(" ".join(str(text) for text in texts))
    return all(term in haystack for term in search_terms(query))


def whole_number(text: str, max_digits: int = 30) -> int | None:
    """The number written with ASCII digits only, or None. str.isdigit() also accepts "²" (which
    int() refuses) and other scripts' digits, and int() refuses past 4,300 digits."""
    text = text.strip()
    if not text or len(text) > max_digits or not text.isascii() or not text.isdigit():
        return None
    return int(text)
