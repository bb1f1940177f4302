from django.contrib import admin

from .models import Commune, HistoricUnit, Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "division_type"]
    search_fields = ["code", "name", "search_key"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "division_type", "province"]
    list_filter = ["province"]
    search_fields = ["code", "name", "search_key"]


@admin.register(HistoricUnit)
class HistoricUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "successor"]
    list_filter = ["level", "province"]
    search_fields = ["code", "name", "search_key"]
    autocomplete_fields = ["successor"]
