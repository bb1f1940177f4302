"""Admin only for reference data: the cycle's default windows per province."""

from django.contrib import admin

from .models import CycleDefault


@admin.register(CycleDefault)
class CycleDefaultAdmin(admin.ModelAdmin):
    list_display = ["province", "step", "start_month", "start_day", "end_month", "end_day"]
    list_filter = ["province"]
