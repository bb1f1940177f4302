"""The fixed wording of the forms of Phụ lục III (Decision 26/2026/QĐ-TTg, Mẫu 01–03) that is
built from data: the ngành / nhóm / phân nhóm line of Mẫu 01 (Phụ lục I), the closing proposal
sentence and the signature heading of Mẫu 03. Pure: plain strings in, plain strings out."""

from dataclasses import dataclass

from ocop.criteria.rules import load_rule_set


@dataclass(frozen=True)
class Classification:
    """Mẫu 01, point 3: "Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm)", per Phụ lục I."""

    sector: str  # ngành: "I. Sản phẩm thực phẩm"
    group: str  # nhóm: "I.1. Thực phẩm tươi sống"
    subgroup: str  # phân nhóm: "I.1.a. Rau, củ, quả, hạt tươi"


def classification(rules: str, set_number: int) -> Classification | None:
    """The dossier's product set as Phụ lục I classifies it; None when the rule set or the set is
    unknown (an old dossier keeps the text its producer typed)."""
    try:
        rule_set = load_rule_set(rules)
    except KeyError:
        return None
    found = next((s for s in rule_set.sets if s.number == set_number), None)
    if found is None:
        return None
    sector = next((t.name for t in rule_set.types if t.code == found.type), "")
    group = next((g.name for g in rule_set.groups if g.code == found.group), "")
    return Classification(
        sector=f"{found.type}. {sector}",
        group=f"{found.group}. {group}",
        subgroup=f"{found.code}. {found.name}",
    )


def unit_name(name: str) -> str:
    """A unit's name as it runs inside a sentence: "Xã Phú Xuyên" → "xã Phú Xuyên",
    "Thành phố Hà Nội" → "thành phố Hà Nội"."""
    name = name.strip()
    return name[:1].lower() + name[1:]


def proposal_sentence(commune: str, province: str, product: str, producer: str) -> str:
    """Mẫu 03's closing sentence: "Ủy ban nhân dân xã.... đề nghị Ủy ban nhân dân tỉnh.... đánh
    giá, phân hạng sản phẩm OCOP cho sản phẩm.... của ……." """
    return (
        f"Ủy ban nhân dân {unit_name(commune)} đề nghị Ủy ban nhân dân {unit_name(province)} "
        f"đánh giá, phân hạng sản phẩm OCOP cho sản phẩm {product} của {producer}."
    )


SIGNER_TITLES = {"chair": ("CHỦ TỊCH",), "vice_chair": ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")}


def signature_heading(commune: str, signer_title: str) -> tuple[str, ...]:
    """Mẫu 03's signature block: "T.M ỦY BAN NHÂN DÂN XÃ ...." then the signer's title (a vice
    chair signs for the chair, Nghị định 30/2020/NĐ-CP)."""
    head = f"T.M ỦY BAN NHÂN DÂN {unit_name(commune).upper()}"
    return (head, *SIGNER_TITLES.get(signer_title, ()))


def agency_heading(commune: str) -> tuple[str, str]:
    """Mẫu 03's top-left corner: "ỦY BAN NHÂN DÂN" / "XÃ PHÚ XUYÊN"."""
    return ("ỦY BAN NHÂN DÂN", unit_name(commune).upper())


MAU03_TOPICS = ("raw_materials", "local_labour", "idea_origin", "local_identity")


def merged_report(saved: dict[str, str], posted: dict[str, str]) -> dict[str, str]:
    """The Mẫu 03 text a proposal files: what the commune posts with it, and for what it leaves
    blank, the report it saved on the Mẫu 03 page (the signer too; an unknown title is left out)."""
    keys = (*MAU03_TOPICS, "proposal_letter", "signer_title", "signer_name")
    merged = {k: (posted.get(k) or "").strip() or str(saved.get(k) or "").strip() for k in keys}
    if merged["signer_title"] not in SIGNER_TITLES:
        del merged["signer_title"]
    if not merged["signer_name"]:
        del merged["signer_name"]
    return merged
