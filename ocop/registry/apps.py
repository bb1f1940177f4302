from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "ocop.registry"
    verbose_name = _("Chủ thể và sản phẩm")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .search_index import on_migrate

        post_migrate.connect(on_migrate, sender=self, dispatch_uid="registry_search_index")
