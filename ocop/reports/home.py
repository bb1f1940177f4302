"""The numbers on a logged-in user's home page, each counted over what the user may see
(`visible_to`): products by stars, certificates expiring soon, open dossiers by stage and the
overdue ones, and for a commune or province officer its unit's budget of the year."""

from dataclasses import dataclass
from datetime import date

from ocop.accounts.roles import Role
from ocop.certificates.models import Certificate
from ocop.evaluation.models import Application
from ocop.programme.selectors import TargetRow, target_rows
from ocop.programme.units import Unit
from ocop.registry.models import Product

from . import figures
from .access import own_unit
from .programme import Money, budget

EXPIRING_SHOWN = 10
SEES_PRODUCTS = {Role.ADMIN, Role.CENTRAL, Role.PROVINCE, Role.COMMUNE, Role.PRODUCER}


@dataclass
class HomeNumbers:
    stars: list[figures.StarCount] | None
    expiring: list[Certificate]
    expiring_count: int
    stages: list[figures.StageCount]
    unit: Unit | None
    budget_year: Money | None
    targets: list[TargetRow]

    @property
    def open_dossiers(self) -> int:
        return sum(s.count for s in self.stages)

    @property
    def overdue(self) -> int:
        return sum(s.overdue for s in self.stages)


def home_numbers(user, today: date) -> HomeNumbers:
    role = Role.ADMIN if user.is_superuser else user.role
    sees_products = role in SEES_PRODUCTS
    stars = figures.products_by_stars(Product.objects.visible_to(user)) if sees_products else None
    expiring = figures.certificates_expiring(Certificate.objects.visible_to(user), today)
    unit = own_unit(user)
    year = budget(unit, today.year, today.year)[2][0] if unit else None
    return HomeNumbers(
        stars=stars,
        expiring=list(expiring[:EXPIRING_SHOWN]) if sees_products else [],
        expiring_count=expiring.count() if sees_products else 0,
        stages=figures.dossiers_by_stage(Application.objects.visible_to(user), today),
        unit=unit,
        budget_year=year,
        targets=target_rows(unit=unit, today=today) if unit else [],
    )
