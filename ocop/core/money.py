"""Money is integer đồng, never float. Pure functions, no Django."""

from num2words import num2words


def format_dong(amount: int, *, unit: str = "đồng") -> str:
    """968721000 → "968.721.000 đồng" (dot thousands separator, as Vietnamese documents write it)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("money is an integer number of đồng")
    sign = "-" if amount < 0 else ""
    digits = f"{abs(amount):,}".replace(",", ".")
    return f"{sign}{digits} {unit}".rstrip()


SCALES = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ")


def amount_in_words(amount: int) -> str:
    """968721000 → "Chín trăm sáu mươi tám triệu bảy trăm hai mươi mốt nghìn đồng", as printed
    on payment documents ("Số tiền bằng chữ"). num2words spells each group of three digits; the
    groups are joined here, because num2words reads 2021 as "hai nghìn lẻ hai mươi mốt" where
    documents write "hai nghìn không trăm hai mươi mốt"."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("money is an integer number of đồng")
    if not 0 <= amount < 1000 ** len(SCALES):
        raise ValueError("amount out of range")
    groups = []
    rest = amount
    while rest:
        rest, group = divmod(rest, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        text = str(num2words(group, lang="vi"))
        if index < len(groups) - 1 and group < 100:
            text = ("không trăm linh " if group < 10 else "không trăm ") + text
        words.append(f"{text} {SCALES[index]}".strip())
    spoken = " ".join(words) or "không"
    return f"{spoken[0].upper()}{spoken[1:]} đồng"
