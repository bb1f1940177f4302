from datetime import date, datetime

from django import template
from django.utils import timezone

from ocop.core.dates import format_date, format_date_long
from ocop.core.money import format_dong
from ocop.core.numbers import format_decimal

register = template.Library()


@register.filter
def dong(amount):
    """{{ 968721000|dong }} → 968.721.000 đồng"""
    if amount in (None, ""):
        return ""
    return format_dong(int(amount))


def _as_date(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def vndate(value):
    """{{ d|vndate }} → 29/11/2026"""
    return format_date(_as_date(value)) if isinstance(value, date) else ""


@register.filter
def vndate_long(value):
    """{{ d|vndate_long }} → ngày 29 tháng 11 năm 2026"""
    return format_date_long(_as_date(value)) if isinstance(value, date) else ""


@register.filter
def score(value):
    """{{ average|score }} → 85,00 (comma decimals in every language); empty for None."""
    if value in (None, ""):
        return ""
    return format_decimal(value)
