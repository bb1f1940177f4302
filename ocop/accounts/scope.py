"""Who may see what. Every list and detail in the system goes through `visible_to(user)`.

A domain model's QuerySet subclasses ScopedQuerySet and names the lookups from its rows to the
commune, the province and the users that own them; the rules by role live here, once.
"""

from typing import Self

from django.db import models
from django.db.models import Q

from .roles import Role

NATIONWIDE_ROLES = frozenset({Role.ADMIN, Role.CENTRAL})


def sees_nationwide(user) -> bool:
    """Does `visible_to(user)` leave every row (no territory, no ownership)?"""
    return user.is_authenticated and (user.is_superuser or user.role in NATIONWIDE_ROLES)


class ScopedQuerySet(models.QuerySet):
    scope_commune: str | None = None  # lookup to a Commune, e.g. "producer__commune"
    scope_province: str | None = None  # lookup to a Province, e.g. "producer__commune__province"
    scope_owner: str | None = None  # lookup to the owning users, e.g. "producer__representatives"
    scope_assigned: str | None = None  # lookup to assigned users (advisory team, council)
    scope_public: Q | None = None  # rows anyone may see, logged in or not

    def visible_to(self, user) -> Self:
        # No DISTINCT: each condition names one user or one territory, and a join through a
        # many-to-many (producer representatives) meets that user at most once per row.
        condition = self.scope_condition(user)
        return self.all() if condition is None else self.filter(condition)

    def scope_condition(self, user) -> Q | None:
        """None means no restriction; Q(pk__in=[]) means nothing."""
        nothing = Q(pk__in=[])
        if not user.is_authenticated or not user.is_active:
            return self.scope_public or nothing
        if user.is_superuser or user.role in NATIONWIDE_ROLES:
            return None
        rule = self._role_condition(user)
        if self.scope_public is not None:
            rule = rule | self.scope_public
        return rule

    def _role_condition(self, user) -> Q:
        nothing = Q(pk__in=[])
        if user.role == Role.PROVINCE and self.scope_province:
            return Q(**{self.scope_province: user.province_id})
        if user.role == Role.COMMUNE and self.scope_commune:
            return Q(**{self.scope_commune: user.commune_id})
        if user.role == Role.PRODUCER and self.scope_owner:
            return Q(**{self.scope_owner: user.pk})
        if user.role in (Role.ADVISOR, Role.COUNCIL_MEMBER) and self.scope_assigned:
            return Q(**{self.scope_assigned: user.pk})
        return nothing


def covers_commune(user, commune) -> bool:
    """May this user act on things located in this commune (territory only; roles are checked apart)?"""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.role in NATIONWIDE_ROLES:
        return True
    if user.role == Role.PROVINCE:
        return commune.province_id == user.province_id
    if user.role == Role.COMMUNE:
        return commune.pk == user.commune_id
    return False
