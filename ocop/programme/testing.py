"""Programme rows for the permission matrix and form fuzz (tests/world.py's world): a plan with a
target, an allocation with a disbursement, all at commune X, made once per world."""

from dataclasses import dataclass
from datetime import date

from .models import Allocation, Disbursement, Plan, Target


@dataclass
class ProgrammeRows:
    plan: Plan
    target: Target
    allocation: Allocation
    disbursement: Disbursement


def programme_rows(world) -> ProgrammeRows:
    rows = getattr(world, "_programme_rows", None)
    if rows is None:
        commune = world.territory.commune_x
        unit = {"province": commune.province, "commune": commune}
        plan = Plan.objects.create(**unit, name="Kế hoạch OCOP xã", start_year=2026, end_year=2030)
        allocation = Allocation.objects.create(
            **unit, year=2027, source="commune", content="training", amount=50_000_000
        )
        rows = ProgrammeRows(
            plan=plan,
            target=Target.objects.create(plan=plan, indicator="events_held", value=5),
            allocation=allocation,
            disbursement=Disbursement.objects.create(
                allocation=allocation,
                paid_on=date(2027, 3, 1),
                amount=10_000_000,
                description="Tập huấn",
            ),  # fmt: skip
        )
        world._programme_rows = rows
    return rows
