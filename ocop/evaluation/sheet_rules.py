"""The council's outcomes outside the points, tied to the product's own score sheet (pure, no
Django).

Every score sheet of Phụ lục II (Decision 26/2026/QĐ-TTg) carries its own rules: "Hồ sơ bị loại
khi…" and "Bị loại nếu…" (kind `reject`), "Không xem xét…" / "… sẽ không đánh giá các bước tiếp
theo" (kind `stop`) and "Không đánh giá những sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực…"
(kind `not_evaluated`). When the council ends a product's evaluation outside the points it names
which of that sheet's rules applies; a rule of another sheet, or of another kind, is refused.

A rule is named by a key stable for a given sheet: its kind and its place among the sheet's rules
of that kind, in the sheet's order ("reject-1", "stop-2", "not_evaluated-1").
"""

from dataclasses import dataclass

from ocop.criteria.rules import Sheet

# The council's outcome (SessionItem.outcome) for each kind of sheet rule.
OUTCOME_KINDS = ("reject", "stop", "not_evaluated")


@dataclass(frozen=True)
class SheetRule:
    key: str
    kind: str
    text: str
    criterion: str  # "" for a rule of the whole sheet

    @property
    def label(self) -> str:
        """The rule as printed: "Tiêu chí 6.1: …" for a rule under a criterion."""
        return f"{self.criterion}: {self.text}" if self.criterion else self.text


def outcome_rules(sheet: Sheet | None, kind: str | None = None) -> list[SheetRule]:
    """The sheet's outcome rules (optionally of one kind), in the sheet's order."""
    if sheet is None:
        return []
    counts: dict[str, int] = {}
    found: list[SheetRule] = []
    for text in sheet.rules_text:
        if text.kind not in OUTCOME_KINDS:
            continue
        counts[text.kind] = counts.get(text.kind, 0) + 1
        rule = SheetRule(f"{text.kind}-{counts[text.kind]}", text.kind, text.text, text.criterion)
        if kind is None or rule.kind == kind:
            found.append(rule)
    return found


def find_rule(sheet: Sheet | None, kind: str, key: str) -> SheetRule | None:
    """The sheet's rule of that kind with that key, or None (not on this sheet)."""
    return next((rule for rule in outcome_rules(sheet, kind) if rule.key == key), None)
