"""Calendar arithmetic and TIMEX3 value formatting.

Month and year steps use python-dateutil's ``relativedelta`` (installed with dateparser); ISO weeks
come from the standard library's ``date.isocalendar``. What is written here is only the TIMEX3 value
syntax (2020-W15, 2020-Q3, 199, XXXX-04-12), which no library produces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

_DCT = re.compile(r"^\s*(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ](\d{2}):(\d{2}))?")


@dataclass(frozen=True)
class Anchor:
    """The publication date as far as it is known: year only, year-month, or a full day."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


def parse_dct(dct: str | None) -> Anchor:
    """Read an ISO date or date-time ("2020-09-11", "2020-09-11T10:00:00Z", "20200911", "2020")."""
    if not dct:
        return Anchor()
    m = _DCT.match(dct)
    if not m:
        return Anchor()
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return Anchor(y)
    if d is not None:
        try:
            date(y, mo, d)  # type: ignore[arg-type]
        except ValueError:
            return Anchor(y, mo)
    return Anchor(y, mo, d)


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift(d: date, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> date:
    return d + relativedelta(years=years, months=months, weeks=weeks, days=days)


def weekday_near(anchor: date, iso_weekday: int, direction: int) -> date:
    """The given weekday nearest the anchor on the side ``direction`` (-1 past, +1 future);
    the anchor day itself counts on either side."""
    delta = iso_weekday - anchor.isoweekday()
    if direction < 0:
        if delta > 0:
            delta -= 7
    else:
        if delta < 0:
            delta += 7
    return anchor + timedelta(days=delta)


def valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def nth_weekday(y: int, m: int, iso_weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n=4 for Thanksgiving's fourth Thursday)."""
    first = date(y, m, 1)
    delta = (iso_weekday - first.isoweekday()) % 7
    return first + timedelta(days=delta + 7 * (n - 1))
