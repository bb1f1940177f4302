"""Who inspects a recognised product (Art. 9.4 of Decision 26/2026/QĐ-TTg). Pure: no Django.

9.4.a: the provincial OCOP agency inspects the products of its province (the province recognises
3★ and 4★). 9.4.b: the ministry's OCOP agency inspects 5★ products, and 3★/4★ products "khi cần
thiết" (when needed). Nobody else inspects: commune officers and producers only read.
"""

PROVINCE = "province"
CENTRAL = "central"


def inspecting_level(*, role: str, stars: int, same_province: bool) -> str | None:
    """The level at which a user of `role` may inspect a product of `stars`, or None (refused).
    `same_province`: the product's producer is in the user's province."""
    if role == "admin":
        return CENTRAL if stars >= 5 else PROVINCE
    if role == "central":
        return CENTRAL
    if role == "province" and stars in (3, 4) and same_province:
        return PROVINCE
    return None


def level_may_inspect(*, level: str, stars: int) -> bool:
    """A plan or inspection of `level` may cover a product of `stars`: the province only its 3★/4★
    products (9.4.a), the ministry any recognised product (9.4.b)."""
    if level == CENTRAL:
        return stars >= 3
    return level == PROVINCE and stars in (3, 4)
