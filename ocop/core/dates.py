"""Vietnamese dates. Pure functions, no Django."""

from datetime import date

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def format_date(day: date) -> str:
    """29/11/2026: the numeric form used in tables."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_date_long(day: date) -> str:
    """ngày 29 tháng 11 năm 2026: the form used in decisions and certificates."""
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]
