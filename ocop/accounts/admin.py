from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "role", "province", "commune", "is_active"]
    list_filter = ["role", "is_active", "province"]
    search_fields = ["username", "full_name", "email"]
    autocomplete_fields = ["province", "commune"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            _("Vai trò và địa bàn"),
            {"fields": ("full_name", "role", "province", "commune", "phone")},
        ),
    )
