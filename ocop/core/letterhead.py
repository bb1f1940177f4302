"""The fixed blocks of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
issuing agency's name in the top-left corner, the place in the date line and the signature block.
Pure, no Django: authority names and levels come in as the plain strings stored on decisions and
certificates ("UBND thành phố Hà Nội", "central")."""

CENTRAL = "central"
MINISTRY_PLACE = "Hà Nội"
COMMITTEE = "UBND "
# Unit words that the date line leaves out: "UBND thành phố Hà Nội" dates its documents "Hà Nội".
UNIT_WORDS = ("thành phố ", "tỉnh ", "huyện ", "thị xã ", "quận ", "xã ", "phường ")


def _unit(authority_name: str) -> str:
    """ "UBND thành phố Hà Nội" → "thành phố Hà Nội"."""
    name = authority_name.strip()
    for prefix in (COMMITTEE, "Ủy ban nhân dân ", "Uỷ ban nhân dân "):
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix) :].strip()
    return name


def agency_lines(authority_name: str, level: str) -> tuple[str, ...]:
    """The issuing agency, upper case, one line per printed line: ("ỦY BAN NHÂN DÂN",
    "THÀNH PHỐ HÀ NỘI") for a People's Committee, ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",) for the
    ministry."""
    if level == CENTRAL:
        # "BỘ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG": a long ministry name breaks before its "VÀ".
        head, _sep, tail = authority_name.strip().upper().partition(" VÀ ")
        return (head, "VÀ " + tail) if tail else (head,)
    return ("ỦY BAN NHÂN DÂN", _unit(authority_name).upper())


def document_place(authority_name: str, level: str) -> str:
    """The place name of the date line: where the agency sits ("Hà Nội", "Phú Xuyên")."""
    if level == CENTRAL:
        return MINISTRY_PLACE
    unit = _unit(authority_name)
    for word in UNIT_WORDS:
        if unit.lower().startswith(word):
            return unit[len(word) :].strip()
    return unit


def signature_lines(level: str, deputy: bool) -> tuple[str, ...]:
    """The signer's authority above the signature: a People's Committee signs on behalf of the
    collective (TM.), a deputy on behalf of the head (KT.); a ministry signs as the minister."""
    if level == CENTRAL:
        return ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG") if deputy else ("BỘ TRƯỞNG",)
    head = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") if deputy else ("CHỦ TỊCH",)
    return ("TM. ỦY BAN NHÂN DÂN", *head)
