"""Certificate numbers. Pure, no Django.

A number is `NNN/YYYY/GCN-<authority code>`: a serial per issuing authority and calendar year of
issue (001 upwards, wider once past 999), the year, and a short code made from the authority's
name, so that the same serial from two authorities never collides:

    UBND thành phố Hà Nội         → 001/2026/GCN-UBND-TPHN
    UBND huyện Phú Xuyên          → 014/2023/GCN-UBND-HPX
    Bộ Nông nghiệp và Môi trường  → 003/2026/GCN-BNNMT

The serial itself is handed out atomically by `services._next_serial` (one counter row per
authority code and year).
"""

from ocop.core.text import search_key

SKIPPED_WORDS = frozenset({"va", "-", "&"})


def authority_code(authority_name: str) -> str:
    """Initials of the authority's name in capitals, without diacritics; "UBND" kept whole."""
    words = search_key(authority_name).split(" ")
    prefix = ""
    if words and words[0] == "ubnd":
        prefix, words = "UBND-", words[1:]
    initials = "".join(word[0] for word in words if word and word not in SKIPPED_WORDS)
    return (prefix + initials.upper())[:30] or "OCOP"


def format_number(serial: int, year: int, code: str) -> str:
    return f"{serial:03d}/{year}/GCN-{code}"
