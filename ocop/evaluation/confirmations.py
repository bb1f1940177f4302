"""What the confirmation pages of irreversible actions summarise (read only; ocop.core.confirm
renders them): a sheet's total and stars, what a session still lacks, a decision's products and
stars, a dossier's filing."""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ocop.accounts.models import User

from .board import board
from .models import Application, Session, SessionItem
from .selfscore import SelfScore
from .services.transitions import MAU03_TOPICS, submission_problems

# Dossier actions that cannot be undone by whoever takes them: confirmed with a summary first.
CONFIRMED_ACTIONS = frozenset({"submit", "resubmit", "propose", "withdraw"})


def stars_text(stars: int | None) -> str:
    if stars and stars >= 3:
        return ngettext("%(n)s sao", "%(n)s sao", stars) % {"n": stars}
    return _("chưa đạt 3 sao")


def sheet_rows(item: SessionItem, summary: SelfScore) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = [
        (_("Sản phẩm"), item.application.product.name),
        (_("Tổng điểm"), f"{summary.total}/100"),
        (_("Hạng theo phiếu"), stars_text(summary.stars)),
        (_("Số tiêu chí đã chấm"), f"{summary.answered}/{summary.criteria}"),
    ]
    if summary.held_back:
        rows.append((_("Chưa đạt điểm tối thiểu ở"), ", ".join(summary.held_back)))
    return rows


def session_rows(session: Session, viewer: User) -> list[tuple[str, object]]:
    """Products on the agenda, those ended by an outcome, sheets still missing, products short of
    the quorum of counted sheets."""
    members, rows = board(session, viewer)
    scored = [row for row in rows if not row.item.outcome]
    missing = sum(1 for row in scored for cell in row.cells if cell.status in ("none", "draft"))
    short = [row.item.application.product.name for row in scored
             if row.found.count < session.council.quorum]  # fmt: skip
    out: list[tuple[str, object]] = [
        (_("Phiên họp"), str(session)),
        (_("Sản phẩm trong phiên"), len(rows)),
        (_("Sản phẩm bị loại hoặc dừng chấm"), len(rows) - len(scored)),
        (_("Phiếu chưa nộp"), missing),
    ]
    if short:
        label = _("Chưa đủ %(quorum)s phiếu hợp lệ") % {"quorum": session.council.quorum}
        out.append((label, ", ".join(short)))
    return out


def decision_rows(items: list[SessionItem], decided_on, signer: str) -> list[tuple[str, object]]:
    """The products and what the decision does to each: certificate (3★ and up), not recognised,
    or proposed to the ministry (provincial average of 90 or more)."""
    central = [i for i in items if i.application.stage == "scored" and i.in_five_star_band]
    decided = [i for i in items if i not in central]
    by_stars = Counter(i.stars for i in decided if i.stars and i.stars >= 3)
    rows: list[tuple[str, object]] = [
        (_("Ngày quyết định"), decided_on.strftime("%d/%m/%Y")),
        (_("Người ký"), signer or "—"),
        (_("Số sản phẩm"), len(items)),
    ]
    for stars in sorted(by_stars, reverse=True):
        rows.append((_("Công nhận %(stars)s sao") % {"stars": stars}, by_stars[stars]))
    not_recognised = len(decided) - sum(by_stars.values())
    if not_recognised:
        rows.append((_("Không công nhận (dưới 3 sao)"), not_recognised))
    if central:
        rows.append((_("Đề nghị Trung ương đánh giá 5 sao"), len(central)))
    late = late_for_round(items, decided_on)
    if late:
        rows.append((_("Quá hạn quyết định của đợt (Điều 5 khoản 1)"), "; ".join(late)))
    for item in items:
        rows.append((item.application.product.name, _item_outcome(item, item in central)))
    return rows


def late_for_round(items: list[SessionItem], decided_on) -> list[str]:
    """Art. 5.1 ("Đợt 01 trước ngày 30 tháng 6 … đợt 02 trước ngày 30 tháng 12"): the products
    whose round's decision date has passed on `decided_on`, with their round. A warning on the
    confirmation page, not a refusal: a late decision is still owed to the producer."""
    return [
        _("%(product)s (%(round)s, hạn %(deadline)s)")
        % {
            "product": i.application.product.name,
            "round": i.application.round,
            "deadline": i.application.round.decision_deadline.strftime("%d/%m/%Y"),
        }  # fmt: skip
        for i in items
        if i.application.round.decision_deadline
        and decided_on > i.application.round.decision_deadline
    ]


def _item_outcome(item: SessionItem, to_central: bool) -> str:
    if to_central:
        return _("đề nghị Trung ương (điểm trung bình %(avg)s)") % {"avg": item.average_display}
    if not item.stars or item.stars < 3:
        return _("không công nhận (%(avg)s)") % {"avg": item.average_display}
    return f"{stars_text(item.stars)} ({item.average_display})"


def dossier_rows(application: Application, action: str, post) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = [
        (_("Sản phẩm"), application.product.name),
        (_("Số phiếu"), application.registration_number or _("cấp khi nộp")),
        (_("Đợt đánh giá"), str(application.round)),
    ]
    if action in ("submit", "resubmit", "propose"):
        total = application.self_total
        score = "—" if total is None else f"{total}/100 · {stars_text(application.self_stars)}"
        rows += [(_("Điểm tự chấm"), score),
                 (_("Tệp minh chứng"), application.files.count())]  # fmt: skip
    if action in ("submit", "resubmit"):
        rows.append((_("Nơi nhận"), _("UBND %(commune)s") % {"commune": application.commune.name}))
    if action == "propose":
        rows.append((_("Văn bản đề nghị"), post.get("proposal_letter", "").strip() or "—"))
    if action == "withdraw":
        rows.append((_("Lý do"), post.get("reason", "").strip() or "—"))
    return rows


def would_refuse(application: Application, action: str, post) -> bool:
    """The service would refuse at once (it then says why): no confirmation page for that."""
    if action in ("submit", "resubmit"):
        return bool(submission_problems(application, action))
    if action == "propose":
        return any(not post.get(key, "").strip() for key in (*MAU03_TOPICS, "proposal_letter"))
    return action == "withdraw" and not post.get("reason", "").strip()
