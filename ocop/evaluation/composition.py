"""Council composition against Art. 7.3.b and 7.4.b of Decision 26/2026 (pure, no Django).

Art. 7.3.b: "Thành phần Hội đồng cấp tỉnh gồm: Chủ tịch Hội đồng là lãnh đạo Ủy ban nhân dân cấp
tỉnh; thành viên Hội đồng gồm đại diện Sở Nông nghiệp và Môi trường, Sở Công Thương, Sở Y tế, Sở
Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch, Sở An toàn thực phẩm (nếu có), đại diện đơn
vị tham mưu quản lý OCOP cấp tỉnh …". Art. 7.4.b: the central council's members represent "Bộ
Công Thương, Bộ Y tế, Bộ Khoa học và Công nghệ, Bộ Văn hóa, Thể thao và Du lịch, đại diện cơ quan
tham mưu quản lý OCOP của Bộ Nông nghiệp và Môi trường …".

A warning, never a refusal: the chair may delegate and invite experts, and an agency is recognised
only from the free-text `agency` of the seats (accent- and case-insensitive). Sở An toàn thực
phẩm exists only in some provinces ("nếu có") and is not asked for.
"""

from collections.abc import Iterable

from ocop.core.messages import Message
from ocop.core.text import search_key

PROVINCE_AGENCIES = (
    ("nong nghiep", "Sở Nông nghiệp và Môi trường"),
    ("cong thuong", "Sở Công Thương"),
    ("y te", "Sở Y tế"),
    ("khoa hoc", "Sở Khoa học và Công nghệ"),
    ("van hoa", "Sở Văn hóa, Thể thao và Du lịch"),
)
CENTRAL_AGENCIES = (
    ("nong nghiep", "Bộ Nông nghiệp và Môi trường"),
    ("cong thuong", "Bộ Công Thương"),
    ("y te", "Bộ Y tế"),
    ("khoa hoc", "Bộ Khoa học và Công nghệ"),
    ("van hoa", "Bộ Văn hóa, Thể thao và Du lịch"),
)


def composition_gaps(level: str, seats: Iterable[tuple[str, str]]) -> list[Message]:
    """What the council's seats — (position, agency) pairs, advisory-team seats ignored — lack
    against the article for its level: a chair, and a representative of each agency named."""
    article = "7.4.b" if level == "central" else "7.3.b"
    scoring = [
        (position, search_key(agency)) for position, agency in seats if position != "advisor"
    ]
    gaps = []
    if not any(position == "chair" for position, _agency in scoring):
        gaps.append(Message("council.no_chair", {"article": article}))
    table = CENTRAL_AGENCIES if level == "central" else PROVINCE_AGENCIES
    for key, name in table:
        if not any(key in agency for _position, agency in scoring):
            gaps.append(Message("council.missing_agency", {"agency": name, "article": article}))
    return gaps
