"""How long a certificate lasts and where it stands on a given day. Pure, no Django.

Rules (DOMAIN.md §5):
- A certificate is valid for 36 months from its issue date. The month arithmetic follows the
  Civil Code 2015 (Bộ luật Dân sự, Law 91/2015/QH13): by Art. 147 a period in months starts on
  the day after the issue date; by Art. 148 it ends at the end of the corresponding day of the
  last month or, when that month has no such day, at the end of its last day. So `valid_until`
  is the same day of the month 36 months later, and the certificate is still valid on that day
  (inclusive). 36 months is three whole years, so the month never changes and only 29 February
  has no twin: it becomes 28 February (29/02/2024 → 28/02/2027). `add_months` applies the same
  rule to any number of months (31/01 + 1 month → 28/02 or 29/02). Art. 148's shift of an end
  falling on a day off to the next working day is not applied: the printed date stays fixed.
- The re-evaluation dossier is filed from 180 to 120 days before expiry: the window runs from
  `valid_until - 180 days` to `valid_until - 120 days`, both days included. Only inside that
  window is the status REEVALUATION; after it closes the certificate is plainly valid again
  until it lapses (the producer missed the window).
- From the day after `valid_until` the certificate is expired, unless it is extended.
- Art. 12.3 of Decision 26/2026 (transition): "Những sản phẩm thuộc đối tượng đánh giá, phân hạng
  lại, nhưng thời gian nộp hồ sơ không đáp ứng được thời hạn theo quy định tại điểm a khoản 6
  Điều 7 Quyết định này, thì giấy chứng nhận tiếp tục có hiệu lực đến ngày có kết quả xử lý của
  cơ quan có thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết thời hạn." A certificate
  whose window had already closed when the decision took effect (22 May 2026: `window_end` on or
  before 21 May, so `valid_until` from 22 May to 18 Sep 2026) may still get a re-evaluation
  dossier, filed from 22 May 2026 while the certificate is still in force (it "tiếp tục" — goes
  on; an expired one cannot). Filing records `extended_until = valid_until + 180 days`; from the
  day after `valid_until` to that day the certificate is EXTENDED, and the result of the
  re-evaluation ends the extension earlier.
"""

import calendar
from datetime import date, timedelta
from enum import StrEnum

VALIDITY_MONTHS = 36
WINDOW_OPENS_DAYS = 180
WINDOW_CLOSES_DAYS = 120
CLOSING_REMINDER_DAYS = 30
TRANSITION_DAY = date(2026, 5, 22)  # Decision 26/2026 in force (Art. 11.1)
EXTENSION_DAYS = 180  # Art. 12.3: "không quá 180 ngày tính từ ngày hết thời hạn"


class Standing(StrEnum):
    """Where a certificate stands in time, revocation and supersession aside."""

    VALID = "valid"
    REEVALUATION = "reevaluation"
    EXTENDED = "extended"
    EXPIRED = "expired"


class Milestone(StrEnum):
    """Moments that earn the producer one reminder each."""

    WINDOW_OPENED = "window_opened"
    WINDOW_CLOSING = "window_closing"
    EXPIRED = "expired"


def add_months(day: date, months: int) -> date:
    """Same day of the month `months` later, or that month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def valid_until(issue_date: date) -> date:
    return add_months(issue_date, VALIDITY_MONTHS)


def window_start(until: date) -> date:
    return until - timedelta(days=WINDOW_OPENS_DAYS)


def window_end(until: date) -> date:
    return until - timedelta(days=WINDOW_CLOSES_DAYS)


def closing_reminder_day(until: date) -> date:
    """30 days before the window closes."""
    return window_end(until) - timedelta(days=CLOSING_REMINDER_DAYS)


def late_reevaluation_allowed(until: date, day: date) -> bool:
    """Art. 12.3: a re-evaluation filed on `day` outside the 180–120-day window is still accepted
    when that window had closed before 26/2026 took effect, from that day while the certificate
    is in force."""
    return window_end(until) < TRANSITION_DAY <= day <= until


def extension_end(until: date) -> date:
    """The latest day an Art. 12.3 extension can last: 180 days after expiry."""
    return until + timedelta(days=EXTENSION_DAYS)


def standing_on(day: date, until: date, extended_until: date | None = None) -> Standing:
    if day > until:
        if extended_until is not None and day <= extended_until:
            return Standing.EXTENDED
        return Standing.EXPIRED
    if window_start(until) <= day <= window_end(until):
        return Standing.REEVALUATION
    return Standing.VALID


def milestones_due(day: date, until: date, extended_until: date | None = None) -> list[Milestone]:
    """The reminders that apply on `day`. A run that comes late still sends the window reminders
    while the window is open, but not once it has closed (a stale "window opened" helps nobody).
    An Art. 12.3 extension postpones "expired" to the day after it ends."""
    due = []
    if window_start(until) <= day <= window_end(until):
        due.append(Milestone.WINDOW_OPENED)
    if closing_reminder_day(until) <= day <= window_end(until):
        due.append(Milestone.WINDOW_CLOSING)
    if day > max(until, extended_until or until):
        due.append(Milestone.EXPIRED)
    return due


def revocation_deadline(conclusion_date: date, days: int = 15) -> date:
    """Revocation is decided within 15 (calendar) days of the conclusion that grounds it."""
    return conclusion_date + timedelta(days=days)
