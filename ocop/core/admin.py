"""The Django admin's own titles (Django's default reads "Trang quản trị cho Django")."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Quản trị OCOP")
admin.site.site_title = _("Quản trị OCOP")
admin.site.index_title = _("Quản trị hệ thống OCOP")
