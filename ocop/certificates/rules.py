"""Who may issue and revoke: the authority follows the star level (DOMAIN.md §5).

Province officers act for 3★ and 4★ products of their own province, the central level (Bộ NN&MT)
for 5★, system admins for everything. Districts were abolished on 1 Jul 2025, so a 3★ certificate a
district issued earlier is revoked by the province today.
"""

from ocop.accounts.roles import Role


def _is_admin(user) -> bool:
    return bool(user.is_superuser or user.role == Role.ADMIN)


def may_act_on(user, *, stars: int, province_id: int | None) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if _is_admin(user):
        return True
    if stars >= 5:
        return bool(user.role == Role.CENTRAL)
    return bool(user.role == Role.PROVINCE and user.province_id == province_id)


def can_revoke(user, certificate) -> bool:
    province_id = certificate.product.producer.commune.province_id
    return may_act_on(user, stars=certificate.stars, province_id=province_id)


def can_issue(user, product, stars: int) -> bool:
    """`user` None is the system itself (imports, the demo seed)."""
    if user is None:
        return True
    return may_act_on(user, stars=stars, province_id=product.producer.commune.province_id)
