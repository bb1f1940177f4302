"""The producer's self-score (Mẫu 02 Part III) against the product's sheet, with the engine's
total, stars and upgrade advice. Pure: no Django; unanswered criteria count as 0 points."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from ocop.criteria.advisor import Advice, advise
from ocop.criteria.engine import score_sheet
from ocop.criteria.rules import Sheet, load_rule_set


@dataclass(frozen=True)
class SelfScore:
    total: int
    stars: int | None
    band_stars: int | None
    answered: int
    criteria: int
    held_back: list[str] = field(default_factory=list)
    advice: str = ""
    # The structured advice (target class, steps with points gained) the page lists.
    plan: Advice | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.answered == self.criteria and not self.errors


def sheet_for(rules: str, set_number: int) -> Sheet | None:
    """The score sheet of a product set, or None while the rule set cannot be loaded."""
    try:
        rule_set = load_rule_set(rules)
    except Exception:  # a rule set under repair must not break the dossier pages
        return None
    return rule_set.sheets.get(set_number) if rule_set.has_sheets else None


def clean_answers(sheet: Sheet, raw: Mapping[str, object]) -> tuple[dict[str, int], dict[str, str]]:
    """Keep the answers that are allowed levels of the sheet's criteria; report the others."""
    answers: dict[str, int] = {}
    errors: dict[str, str] = {}
    for criterion in sheet.criteria:
        value = raw.get(criterion.code)
        if value in (None, ""):
            continue
        try:
            points = int(str(value))
        except ValueError:
            errors[criterion.code] = f"Điểm tiêu chí {criterion.code} phải là số nguyên."
            continue
        if points not in criterion.allowed_set:
            levels = ", ".join(str(p) for p in criterion.allowed)
            errors[criterion.code] = f"Tiêu chí {criterion.code} chỉ có các mức: {levels}."
            continue
        answers[criterion.code] = points
    return answers, errors


def evaluate(sheet: Sheet, raw: Mapping[str, object]) -> tuple[dict[str, int], SelfScore]:
    answers, errors = clean_answers(sheet, raw)
    full = {c.code: answers.get(c.code, 0) for c in sheet.criteria}
    result = score_sheet(sheet, full)
    advice = advise(sheet, full)
    summary = SelfScore(
        total=result.total,
        stars=result.stars,
        band_stars=result.band_stars,
        answered=len(answers),
        criteria=len(sheet.criteria),
        held_back=list(result.failed_minima),
        advice=advice.text,
        plan=advice,
        errors=errors,
    )
    return answers, summary
