"""TIMEX3 values as readers say them: "12 April (year unknown)", "21 July 2016, night", "the 1990s".

Raw codes (``XXXX-04-12``, ``2016-07-21TNI``, ``19``) never reach a page: every value is either put
into words here or called "date unknown"."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from ..link.timespan import value_span

_PART_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night",
                "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_MODS = {"APPROX": "about {}", "START": "early {}", "MID": "mid {}", "END": "late {}", "BEFORE": "before {}",
         "AFTER": "after {}", "ON_OR_BEFORE": "by {}", "ON_OR_AFTER": "from {}", "LESS_THAN": "under {}",
         "MORE_THAN": "over {}", "EQUAL_OR_LESS": "at most {}", "EQUAL_OR_MORE": "at least {}"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_ORDINAL = {"1": "first", "2": "second", "3": "third", "4": "fourth"}


def _month(m: int) -> str:
    return calendar.month_name[m] if 1 <= m <= 12 else ""


def _day(d: date) -> str:
    return f"{d.day} {_month(d.month)} {d.year}"


def human_date(value: str | None, mod: str | None = None) -> str:
    """A TIMEX3 value in words; "date unknown" for anything that names no part of the calendar."""
    if not value:
        return "date unknown"
    if value in _REFS:
        return _REFS[value]
    day_part, _, time_part = value.partition("T")
    text = _date_words(day_part)
    if text is None:
        return "date unknown"
    if time_part:
        if time_part in _PART_OF_DAY:
            text += f", {_PART_OF_DAY[time_part]}"
        elif m := re.fullmatch(r"(\d{2}):(\d{2})(?::\d{2})?.*", time_part):
            text += f", {m[1]}:{m[2]}"
    if mod in _MODS:
        text = _MODS[mod].format(text)
    return text


def _date_words(v: str) -> str | None:
    if v in _REFS:
        return _REFS[v]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        try:
            return _day(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    if m := re.fullmatch(r"XXXX-(\d{2})-(\d{2})", v):
        return f"{int(m[2])} {_month(int(m[1]))} (year unknown)" if _month(int(m[1])) else None
    if m := re.fullmatch(r"XXXX-(\d{2})", v):
        return f"{_month(int(m[1]))} (year unknown)" if _month(int(m[1])) else None
    if m := re.fullmatch(r"XXXX-(SP|SU|FA|WI)", v):
        return f"{_SEASONS[m[1]]} (year unknown)"
    if m := re.fullmatch(r"XXXX-WXX-(\d)", v):
        return f"a {calendar.day_name[int(m[1]) - 1]} (date unknown)" if 1 <= int(m[1]) <= 7 else None
    if v in ("XXXX-WXX", "XXXX-WE", "XXXX-WXX-WE"):
        return "a weekend (date unknown)" if v.endswith("WE") else "a week (date unknown)"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})-(\d)", v):
        try:
            return _day(date.fromisocalendar(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    span = value_span(v)
    if span is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return f"{_month(span[0].month)} {span[0].year}"
    if re.fullmatch(r"\d{4}-W\d{2}-WE", v):
        return f"the weekend of {_day(span[0])}"
    if re.fullmatch(r"\d{4}-W\d{2}", v):
        return f"the week of {_day(span[0])}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        return f"the {_ORDINAL[m[2]]} quarter of {m[1]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        return f"the {_ORDINAL[m[2]]} half of {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        return f"{_SEASONS[m[2]]} {m[1]}"
    if re.fullmatch(r"\d{4}", v):
        return v
    if re.fullmatch(r"\d{3}", v):
        return f"the {v}0s"
    if re.fullmatch(r"\d{2}", v):
        return f"the {v}00s"
    return None


def granularity(value: str | None) -> str:
    """How precise a value is, in words: day, week, month, season, year, decade, century; "unknown"."""
    if not value:
        return "unknown"
    span = value_span(value)
    if span is None:
        return "unknown"
    days = (span[1] - span[0]).days
    return ("day" if days == 0 else "week" if days <= 6 else "month" if days <= 31 else "season" if days <= 92
            else "year" if days <= 366 else "decade" if days <= 3660 else "century")


def human_published(published: str | None) -> str:
    """An article's ISO publication date or date-time in words: "11 September 2020, 12:40"."""
    if not published:
        return "date not given"
    try:
        dt = datetime.fromisoformat(published.strip())
    except ValueError:
        return human_date(published[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", published) else "date not given"
    text = _day(dt.date())
    if len(published.strip()) > 10:
        text += f", {dt.hour:02d}:{dt.minute:02d}"
        if dt.tzinfo is not None:
            offset = dt.utcoffset()
            if offset is not None:
                minutes = int(offset.total_seconds() // 60)
                sign = "+" if minutes >= 0 else "-"
                text += f" UTC{sign}{abs(minutes) // 60}" + (f":{abs(minutes) % 60:02d}" if minutes % 60 else "")
    return text
