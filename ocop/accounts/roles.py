from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    CENTRAL = "central", _("Cán bộ Trung ương (Bộ NN&MT)")
    PROVINCE = "province", _("Cán bộ OCOP tỉnh")
    COMMUNE = "commune", _("Cán bộ OCOP xã")
    ADVISOR = "advisor", _("Thành viên tổ tư vấn")
    COUNCIL_MEMBER = "council_member", _("Thành viên hội đồng")
    PRODUCER = "producer", _("Đại diện chủ thể")


OFFICER_ROLES = frozenset({Role.ADMIN, Role.CENTRAL, Role.PROVINCE, Role.COMMUNE})
