"""Calendar spans of TIMEX3 values: which days a value such as 2020-W15 or 2020-SU covers."""
from __future__ import annotations

import calendar
import re
from datetime import date

_SEASON = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def value_span(value: str) -> tuple[date, date] | None:
    """First and last day covered by a TIMEX3 date value (2020-04-12, 2020-W15, 2020-04, 2020, 2020-SU, 1990s ...)."""
    v = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", v):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            end = date.fromisocalendar(int(m[1]), int(m[2]), 7)
            if v.endswith("-WE"):
                start = date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return start, end
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, (a, b) = int(m[1]), _SEASON[m[2]]
            end_year = y + 1 if b < a else y
            return date(y, a, 1), date(end_year, b, calendar.monthrange(end_year, b)[1])
        if m := re.fullmatch(r"(\d{4})", v):
            return date(int(v), 1, 1), date(int(v), 12, 31)
        if m := re.fullmatch(r"(\d{3})", v):  # decade: 199 = the 1990s
            return date(int(v) * 10, 1, 1), date(int(v) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", v):  # century
            return date(int(v) * 100, 1, 1), date(int(v) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None
