"""Vietnamese dates. Pure functions, no Django."""

from datetime import date

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def format_date(day: date) -> str:
    """29/11/2026: the numeric form used in tables."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_date_long(day: date) -> str:
    """ngày 05 tháng 9 năm 2026: the form used in decisions and certificates. Nghị định
    30/2020/NĐ-CP (Phụ lục I): a leading zero only for days below 10 and for months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date_line(place: str, day: date | None) -> str:
    """Hà Nội, ngày 05 tháng 9 năm 2026: the place and date line of an administrative document;
    dots to fill in by hand when the date is not known yet."""
    if day is None:
        return f"{place}, ngày … tháng … năm …"
    return f"{place}, {format_date_long(day)}"


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]
