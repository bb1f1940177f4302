"""The upgrade advisor: the cheapest change of answers that reaches the next class (pure).

Cost order (docs/criteria-engine.md): fewest added points first, then fewest criteria changed.
Answers only ever rise. The search is exact: a dynamic programme over the criteria whose state is
the number of points added so far, keeping for each the fewest criteria changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ocop.core.messages import Message
from ocop.criteria.engine import BAND_MIN, score_sheet
from ocop.criteria.rules import Criterion, Sheet

TOP_CLASS = 5
# Below 3★ a product is not recognised (DOMAIN.md §2): advice aims at the first certifiable class.
FIRST_CERTIFIED = 3


@dataclass(frozen=True)
class Step:
    criterion: str
    from_points: int
    to_points: int
    option: str

    @property
    def gained(self) -> int:
        return self.to_points - self.from_points


@dataclass(frozen=True)
class Advice:
    stars: int
    target: int | None
    reachable: bool
    steps: tuple[Step, ...]
    added_points: int
    answers_after: Mapping[str, int]
    message: Message  # advice.top | advice.unreachable | advice.ready | advice.steps (with steps)


def advise(sheet: Sheet, answers: Mapping[str, int]) -> Advice:
    """Advice to reach the class above the awarded one, 3★ at least (AnswerError on invalid
    answers)."""
    stars = score_sheet(sheet, answers).stars or 1
    if stars >= TOP_CLASS:
        return Advice(stars, None, True, (), 0, dict(answers), Message("advice.top"))
    target = max(stars + 1, FIRST_CERTIFIED)
    current = sum(answers.values())
    plan = _cheapest(sheet, answers, target, BAND_MIN[target] - current)
    if plan is None:
        unreachable = Message("advice.unreachable", {"target": target})
        return Advice(stars, target, False, (), 0, dict(answers), unreachable)
    after = dict(answers)
    steps = []
    for criterion, points in zip(sheet.criteria, plan, strict=True):
        if points != answers[criterion.code]:
            after[criterion.code] = points
            steps.append(_step(criterion, answers[criterion.code], points))
    added = sum(after.values()) - current
    code = "advice.steps" if steps else "advice.ready"
    return Advice(
        stars, target, True, tuple(steps), added, after, Message(code, {"target": target})
    )


def _cheapest(
    sheet: Sheet, answers: Mapping[str, int], target: int, needed: int
) -> list[int] | None:
    """Points per criterion (sheet order) meeting the target's minima with total ≥ current + needed.

    stages[i][added] = (criteria changed, added before criterion i, points chosen for i).
    """
    frontier: dict[int, int] = {0: 0}
    stages: list[dict[int, tuple[int, int, int]]] = []
    for criterion in sheet.criteria:
        start = answers[criterion.code]
        floor = max(start, criterion.minimum(target))
        stage: dict[int, tuple[int, int, int]] = {}
        for added, changed in frontier.items():
            for points in criterion.allowed:
                if points < floor:
                    continue
                key = added + points - start
                cost = changed + (points != start)
                if key not in stage or cost < stage[key][0]:
                    stage[key] = (cost, added, points)
        stages.append(stage)
        frontier = {added: entry[0] for added, entry in stage.items()}
    enough = sorted((added, changed) for added, changed in frontier.items() if added >= needed)
    if not enough:
        return None
    added = enough[0][0]
    plan = []
    for stage in reversed(stages):
        _, previous, points = stage[added]
        plan.append(points)
        added = previous
    return plan[::-1]


def _step(criterion: Criterion, start: int, points: int) -> Step:
    option = criterion.option_for(points)
    return Step(criterion.code, start, points, option.text if option else criterion.text)
