"""Post-audit rows for tests: certificates of province P and Q, a plan of P, and (for the
permission matrix) a concluded inspection of tests/world.py's certificate."""

from dataclasses import dataclass
from datetime import date

from ocop.certificates import services as certificates

from . import services
from .models import Inspection, Plan

HANOI = "UBND thành phố Hà Nội"
MINISTRY = "Bộ Nông nghiệp và Môi trường"


def issue(product, *, stars: int, issue_date: date = date(2026, 6, 30), number: str = "1/QĐ-UBND"):
    """A certificate in force: 5★ by the ministry, 3★/4★ by the province."""
    central = stars == 5
    return certificates.certificate_issue(
        actor=None, product=product, stars=stars, rules="26-2026",
        authority_name=MINISTRY if central else HANOI,
        authority_level="central" if central else "province",
        decision_number=number, decision_date=issue_date, issue_date=issue_date,
    )  # fmt: skip


def make_plan(actor, province, *, level: str = "province") -> Plan:
    return services.plan_create(
        actor=actor, year=2026, title="Kiểm tra định kỳ năm 2026", level=level, province=province,
        period_start=date(2026, 10, 1), period_end=date(2026, 12, 15),
        inspectors="Chi cục Phát triển nông thôn; Sở Công Thương",
    )  # fmt: skip


def record(
    actor, inspection: Inspection, *, kept: bool = True, mark: bool = True,
    checked_on: date = date(2026, 10, 28),
) -> Inspection:  # fmt: skip
    return services.inspection_record(
        actor=actor, inspection=inspection, criteria_kept=kept, criteria_note="",
        mark_kept=mark, mark_note="" if mark else "Dán tem OCOP 5 sao trên sản phẩm 4 sao",
        information_kept=True, findings="" if kept and mark else "Có vi phạm",
        checked_on=checked_on,
    )  # fmt: skip


@dataclass
class InspectionRows:
    plan: Plan
    inspection: Inspection  # periodic, concluded, opening a revocation (8.1.d)
    open: Inspection  # ad hoc, not concluded


def inspection_rows(world) -> InspectionRows:
    """For tests/world.py: a plan of P with the world's (4★) certificate, concluded with a
    finding; an open ad-hoc inspection of the same certificate. Made once per world."""
    rows = getattr(world, "_inspection_rows", None)
    if rows is None:
        officer = world.personas["province_p"]
        plan = make_plan(officer, world.territory.province_p)
        inspection = services.plan_add_product(
            actor=officer, plan=plan, certificate=world.certificate
        )
        record(officer, inspection, mark=False)
        services.inspection_conclude(
            actor=officer, inspection=inspection, conclusion="Sử dụng nhãn hiệu OCOP sai quy định",
            concluded_on=date(2027, 11, 3), revocation_ground="mark_misuse",
        )  # fmt: skip
        adhoc = services.inspection_open_adhoc(
            actor=officer, certificate=world.certificate, reason="complaint",
            reason_note="Người tiêu dùng phản ánh", inspectors="Chi cục PTNT",
        )  # fmt: skip
        rows = InspectionRows(plan=plan, inspection=inspection, open=adhoc)
        world._inspection_rows = rows
    return rows
