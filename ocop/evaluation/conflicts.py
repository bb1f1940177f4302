"""Automatic conflict-of-interest flags (pure, no Django): facts in, reasons out.

A flag is a reason for the secretary to review, not a verdict; docs/evaluation-workflow.md.
"""

from dataclasses import dataclass

from ocop.core.text import nfc, search_key


@dataclass(frozen=True)
class MemberFacts:
    full_name: str
    home_commune_id: int | None
    home_address: str
    advised: bool  # acted on the dossier (history) or uploaded its evidence


@dataclass(frozen=True)
class ProducerFacts:
    name: str
    commune_id: int
    commune_name: str
    representative_name: str
    street_address: str


def family_name(full_name: str) -> str:
    """The first word of a Vietnamese full name, with its diacritics (Đỗ is not Đo)."""
    words = nfc(full_name).split(" ")
    return words[0].casefold() if words and words[0] else ""


def same_address(a: str, b: str) -> bool:
    return bool(search_key(a)) and search_key(a) == search_key(b)


def flags(member: MemberFacts, producer: ProducerFacts) -> dict[str, str]:
    """{source: Vietnamese reason} for each automatic rule the pair meets."""
    found: dict[str, str] = {}
    if member.home_commune_id is not None and member.home_commune_id == producer.commune_id:
        found["same_commune"] = (
            f"Thành viên cư trú tại {producer.commune_name}, cùng xã/phường với chủ thể."
        )
    if member.advised:
        found["advised"] = "Thành viên đã tham gia xử lý hoặc tư vấn hồ sơ này."
    family = family_name(member.full_name)
    if (
        family
        and family == family_name(producer.representative_name)
        and same_address(member.home_address, producer.street_address)
    ):
        found["family"] = (
            f"Thành viên cùng họ “{nfc(member.full_name).split(' ')[0]}” và cùng địa chỉ với "
            f"người đại diện {producer.representative_name} của {producer.name}."
        )
    return found
