from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ocop.reports"
    verbose_name = _("Bảng điều khiển và báo cáo")
