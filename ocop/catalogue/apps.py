from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "ocop.catalogue"
    verbose_name = _("Danh mục sản phẩm OCOP (công khai)")
