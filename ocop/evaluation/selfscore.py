"""The producer's self-score (Mẫu 02 Part III) against the product's sheet, with the engine's
total, stars and upgrade advice. Pure: no Django; unanswered criteria count as 0 points."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from ocop.core.messages import Message
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
    advice: Advice | None = None  # worded by criteria.messages.advice_text
    errors: dict[str, Message] = field(default_factory=dict)  # worded by evaluation.messages

    @property
    def plan(self) -> Advice | None:
        """The structured advice (target class, steps with points gained) the page lists."""
        return self.advice

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


def clean_answers(
    sheet: Sheet, raw: Mapping[str, object]
) -> tuple[dict[str, int], dict[str, Message]]:
    """Keep the answers that are allowed levels of the sheet's criteria; report the others."""
    answers: dict[str, int] = {}
    errors: dict[str, Message] = {}
    for criterion in sheet.criteria:
        value = raw.get(criterion.code)
        if value in (None, ""):
            continue
        try:
            points = int(str(value))
        except ValueError:
            errors[criterion.code] = Message("selfscore.not_integer", {"criterion": criterion.code})
            continue
        if points not in criterion.allowed_set:
            levels = ", ".join(str(p) for p in criterion.allowed)
            errors[criterion.code] = Message(
                "selfscore.not_allowed", {"criterion": criterion.code, "levels": levels}
            )
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
        advice=advice,
        errors=errors,
    )
    return answers, summary
