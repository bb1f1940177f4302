from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.services import audit_record
from ocop.places.models import Province

from ..models import Round, RoundLevel
from ..periods import default_round_dates


@transaction.atomic
def round_create(
    *,
    actor,
    level: str,
    year: int,
    number: int,
    province: Province | None = None,
    proposal_deadline: date | None = None,
    decision_deadline: date | None = None,
    basis: str = "",
) -> Round:
    """Open a round. Regular rounds 1 and 2 default to the decision's dates; an extra round needs
    both dates and its basis (Art. 5.1). Province officers open their province's rounds; central officers the central ones.
    Side effects: one Round row, one audit entry."""
    _check_may_open(actor, level, province)
    defaults = default_round_dates(level, year, number)
    if proposal_deadline is None or decision_deadline is None:
        if defaults is None:
            raise ValidationError(_("Đợt bổ sung phải có hạn đề nghị và hạn quyết định."))
        proposal_deadline = proposal_deadline or defaults[0]
        decision_deadline = decision_deadline or defaults[1]
    basis = basis.strip()
    if defaults is None and not basis:
        raise ValidationError(
            _(
                "Đợt bổ sung phải nêu căn cứ: quyết định ban hành Quy chế hoạt động của Hội đồng có "
                "quy định đợt này và kế hoạch đánh giá, phân hạng (khoản 1 Điều 5 Quyết định "
                "26/2026/QĐ-TTg)."
            )
        )
    if decision_deadline < proposal_deadline:
        raise ValidationError(_("Hạn quyết định phải sau hạn đề nghị."))
    province = None if level == RoundLevel.CENTRAL else province
    if Round.objects.filter(level=level, province=province, year=year, number=number).exists():
        raise ValidationError(_("Đợt này đã có."))
    try:
        with transaction.atomic():  # a concurrent create of the same round commits first
            created = Round.objects.create(
                level=level, province=province, year=year, number=number,
                is_extra=defaults is None, proposal_deadline=proposal_deadline,
                decision_deadline=decision_deadline, basis=basis,
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError(_("Đợt này đã có.")) from None
    audit_record(actor=actor, action="round_create", obj=created, summary=str(created))
    return created


def _check_may_open(actor, level: str, province: Province | None) -> None:
    if actor is None or actor.is_superuser or actor.role == Role.ADMIN:
        return  # the demo seed and admins
    if level == RoundLevel.CENTRAL and actor.role == Role.CENTRAL:
        return
    if level == RoundLevel.PROVINCE and province is None:
        raise ValidationError(_("Đợt cấp tỉnh phải thuộc một tỉnh."))
    own_province = province is not None and province.pk == actor.province_id
    if level == RoundLevel.PROVINCE and actor.role == Role.PROVINCE and own_province:
        return
    raise PermissionDenied(_("Bạn không được mở đợt đánh giá này."))
