"""The session board (products × members) and the scoring page's rows. Reads only.

Drafts are never shown to anyone but their author: a cell says "đang chấm" without points. A
submitted total is shown to a viewer who may see scores on that product (access.may_see_scores).
"""

from collections.abc import Collection
from dataclasses import dataclass, field, replace

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from .access import may_see_scores
from .consolidation import ItemResult, consolidate_session
from .models import Conflict, EvidenceFile, ScoreSheet, Session, SessionItem


@dataclass
class Cell:
    status: str  # "none", "draft", "submitted", "conflict"
    total: int | None = None
    on_paper: bool = False
    reasons: list[str] = field(default_factory=list)
    member: str = ""  # the member's name: the cell's label when the board stacks on a phone


@dataclass
class Row:
    item: SessionItem
    cells: list[Cell]
    found: ItemResult
    shows_scores: bool

    @property
    def submitted(self) -> int:
        return sum(1 for c in self.cells if c.status == "submitted")


def board(
    session: Session, viewer, item_ids: Collection[int] | None = None
) -> tuple[list, list[Row]]:
    """The rows of every product of the session, or only of `item_ids` (one page of the board:
    its work then grows with the page, not with the session)."""
    members = [m for m in session.council.members.select_related("user") if m.scores]
    query = ScoreSheet.objects.filter(item__session=session)
    if item_ids is not None:
        query = query.filter(item_id__in=item_ids)
    # Plain rows, not model instances: a 500 × 7 session has 3,500 of them.
    sheets = {
        (item_id, member_id): _Sheet(status == ScoreSheet.Status.SUBMITTED, total, on_paper)
        for item_id, member_id, status, total, on_paper in query.values_list(
            "item_id", "member_id", "status", "total", "on_paper"
        )
    }
    conflicts: dict[tuple[int, int], list[str]] = {}
    for c in Conflict.objects.blocking().filter(member__council=session.council_id):
        conflicts.setdefault((c.member_id, c.product_id), []).append(c.reason)
    # Grouped once, so each row reads its own sheets instead of scanning the session's.
    submitted: dict[int, set[int]] = {}
    for (item_id, member_id), sheet in sheets.items():
        if sheet.is_submitted:
            submitted.setdefault(item_id, set()).add(member_id)
    results = consolidate_session(session, item_ids)
    # One council with its members for every row: may_see_scores reads item.session.council.
    prefetch_related_objects([session.council], "members")
    rows = []
    for item_id, found in results.items():
        item = found.item
        item.session = session
        shows = may_see_scores(viewer, item, submitted.get(item_id, set()))
        cells = [replace(_cell(sheets.get((item_id, m.pk)), conflicts.get((m.pk, item.application.product_id)), shows), member=m.name)
                 for m in members]  # fmt: skip
        rows.append(Row(item, cells, found, shows))
    return members, rows


@dataclass(frozen=True)
class _Sheet:
    is_submitted: bool
    total: int | None
    on_paper: bool


def _cell(sheet: _Sheet | None, reasons: list[str] | None, shows: bool) -> Cell:
    if reasons:
        return Cell("conflict", reasons=reasons)
    if sheet is None:
        return Cell("none")
    if not sheet.is_submitted:
        return Cell("draft")
    return Cell("submitted", sheet.total if shows else None, sheet.on_paper)


def criterion_rows(item: SessionItem, sheet, answers: dict) -> list[dict]:
    """Per criterion: options (radio), the member's points, the producer's self-score, evidence."""
    application = item.application
    files: dict[str, list[EvidenceFile]] = {}
    for evidence in application.files.all():
        files.setdefault(evidence.section, []).append(evidence)
    rows = []
    for criterion in sheet.criteria:
        rows.append({
            "criterion": criterion, "levels": levels_of(criterion),
            "points": answers.get(criterion.code), "self": application.self_scores.get(criterion.code),
            "files": files.get(criterion.code, []),
        })  # fmt: skip
    return rows


def levels_of(criterion) -> list[dict]:
    """One radio per allowed score; options sharing points share a radio; 0 = no option met."""
    texts: dict[int, list[str]] = {points: [] for points in criterion.allowed}
    for option in criterion.options:
        texts[option.points].append(option.text + " " + "*" * option.marker if option.marker
                                    else option.text)  # fmt: skip
    if criterion.yes_no and not criterion.options:
        texts = {0: [_("Không")], criterion.max: [_("Có")]}
    return [
        {"points": points, "text": " / ".join(t) or _("Không đạt mức nào (0 điểm)")}
        for points, t in sorted(texts.items())
    ]
