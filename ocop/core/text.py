"""Vietnamese text helpers. Pure functions, no Django.

Every search in the system compares `search_key()` values, so that "phu xuyen", "PHÚ XUYÊN" and a
decomposed-Unicode "Phú Xuyên" all meet, and "duong" finds "đường".
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Composed Unicode with collapsed white space: the form we store."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


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
