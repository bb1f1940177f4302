"""Who may issue and revoke: the authority follows the star level (DOMAIN.md §5). Also the
Vietnamese wording of `recognition.py`'s checks (which authority level and rule set fit).

Province officers act for 3★ and 4★ products of their own province, the central level (Bộ NN&MT)
for 5★, system admins for everything. Districts were abolished on 1 Jul 2025, so a 3★ certificate a
district issued earlier is revoked by the province today.
"""

from datetime import date

from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.dates import format_date

from .choices import AuthorityLevel
from .recognition import Problem, level_problem, rules_in_force, rules_problem


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


def _problem_message(problem: Problem, values: dict) -> str:
    messages = {
        Problem.FIVE_STARS_NOT_CENTRAL: _(
            "Sản phẩm 5 sao do cấp trung ương công nhận, không phải cấp “%(level)s”."
        ),
        Problem.CENTRAL_NOT_FIVE_STARS: _(
            "Cấp trung ương chỉ công nhận sản phẩm 5 sao, không công nhận sản phẩm %(stars)s sao."
        ),
        Problem.PROVINCE_NOT_THREE_FOUR: _(
            "Cấp tỉnh chỉ công nhận sản phẩm 3 sao và 4 sao, không công nhận sản phẩm %(stars)s sao."
        ),
        Problem.DISTRICT_NOT_THREE: _(
            "Cấp huyện chỉ công nhận sản phẩm 3 sao, không công nhận sản phẩm %(stars)s sao."
        ),
        Problem.DISTRICT_OUT_OF_PERIOD: _(
            "Cấp huyện chỉ công nhận sản phẩm 3 sao theo quyết định từ 24/02/2023 đến 30/06/2025 "
            "(Quyết định 148/QĐ-TTg), không phải %(when)s."
        ),
        Problem.PROVINCE_THREE_IN_DISTRICT_ERA: _(
            "Từ 24/02/2023 đến 30/06/2025 (Quyết định 148/QĐ-TTg) sản phẩm 3 sao do UBND cấp huyện "
            "công nhận, không phải cấp tỉnh (%(when)s)."
        ),
        Problem.RULES_NOT_IN_FORCE: _(
            "Bộ tiêu chí %(rules)s không có hiệu lực %(when)s; bộ tiêu chí có hiệu lực: %(allowed)s."
        ),
    }
    return messages[problem] % values


def recognition_errors(
    *, stars: int, level: str, rules: str, first: date, last: date | None = None
) -> list[tuple[str, str]]:
    """(field, Vietnamese message) for each way the authority level or rule set does not fit a
    recognition of `stars` decided on `first` (or some day of [first, last] when only the year is
    known)."""
    last = last or first
    if first == last:
        when = _("ngày %(date)s") % {"date": format_date(first)}
    else:
        when = _("năm %(year)s") % {"year": first.year}
    values = {
        "stars": stars,
        "level": AuthorityLevel(level).label if level in AuthorityLevel.values else level,
        "rules": rules,
        "when": when,
        "allowed": ", ".join(rules_in_force(first, last)),
    }
    errors = []
    level_issue = level_problem(stars, level, first, last)
    if level_issue is not None:
        errors.append(("authority_level", _problem_message(level_issue, values)))
    rules_issue = rules_problem(rules, first, last)
    if rules_issue is not None:
        errors.append(("rules", _problem_message(rules_issue, values)))
    return errors
