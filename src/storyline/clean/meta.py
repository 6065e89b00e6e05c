"""Metadata told by the text itself: bylines, date lines, datelines, reprint notices, titles.

Hand-written patterns: they find *where* a byline or date sits (a library like dateparser only
parses a date string you hand it; dateparser does the parsing here). Patterns are general English
news conventions, not strings of any one site.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TZ = r"(?:UTC|GMT|Z|[ECMP][SD]?T|[A-Z]{2,4}T|[+-]\d{2}:?\d{2})"
_TIME = rf"\d{{1,2}}(?::\d{{2}}){{1,2}}\s*(?:[ap]\.?m\.?)?(?:\s*{_TZ})?|\d{{1,2}}\s*[ap]\.?m\.?(?:\s*{_TZ})?"
_DATE = (rf"{_WDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
         rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?{_TZ}?)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})")
DATE_RE = re.compile(rf"(?P<date>{_DATE})(?:(?:,|\s+at|\s*[-|–—]|\s)\s*(?P<time>{_TIME}))?", re.IGNORECASE)
TIME_FIRST_RE = re.compile(rf"(?P<time>{_TIME}),?\s+(?P<date>{_DATE})", re.IGNORECASE)
_TZ_RE = re.compile(rf"\b{_TZ}\s*$|[+-]\d{{2}}:?\d{{2}}$|Z$")
_DATE_WORDS = re.compile(
    r"\b(published|posted|updated|last updated|first published|modified|on|at|date|dated|am|pm|et|edt|est|gmt|utc)\b|[|:,•·–—-]",
    re.IGNORECASE)

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|van|von|der|den|al|bin|ibn|el|la|le|du|dos|di))*"
BYLINE_RE = re.compile(
    rf"^(?:(?i:by|written by|words by|reporting by|story by|report by))\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*)(?P<rest>.*)$")
# words that open a line but name no one and no place: months, weekdays, "The", "Today" ...
_NOT_A_NAME = rf"(?:{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|The|This|That|Then|Now|Today|Yesterday|Tomorrow)\b"
_NOT_NAME = re.compile(rf"^{_NOT_A_NAME}")

DATELINE_RE = re.compile(
    rf"^(?P<place>(?:[A-Z][A-Z.'’-]{{2,}}(?:[ -][A-Z][A-Z.'’-]+){{0,3}}|[A-Z]{{2}}(?:[ -][A-Z][A-Z.'’-]{{2,}}){{1,3}}|(?!{_NOT_A_NAME})[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})(?:,\s*(?!(?i:{_MONTH})\s+\d)[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+)?)?)"
    rf"(?:,\s*(?P<date>(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*(?:\((?P<agency>[^()]{{2,40}})\))?\s*(?::|—|–|--|-)\s+\S")

_PUB = r"(?P<pub>[A-Z0-9“\"][^.;()]*?(?:\.(?:com|org|net|co\.uk))?)"
REPRINT_RES = [
    re.compile(rf"\b(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:by|in|on|at)\s+{_PUB}"
               r"(?=\s+(?:and|,)\s+(?:is\s+|was\s+|has\s+been\s+)?(?:re)?(?:published|printed|posted|reprinted|shared|used)\b"
               r"|\s+on\s+\S+\s+\d|\s+under\b|\s+and\s+is\s+|[.;]?\s*$)", re.IGNORECASE),
    re.compile(rf"\b(?:republished|reprinted|re-published|cross-posted|syndicated)\s+(?:here\s+)?(?:with\s+permission\s+)?"
               rf"(?:from|by\s+courtesy\s+of|courtesy\s+of)\s+{_PUB}(?=\s+(?:under|with)\b|[.;]?\s*$)", re.IGNORECASE),
]

NEWS_WORDS = re.compile(
    r"\b(News|Times|Post|Press|Journal|Daily|Tribune|Herald|Agency|Radio|TV|Television|Network|Media|Gazette|"
    r"Observer|Review|Wire|Chronicle|Telegraph|Guardian|Express|Mail|Reuters|AFP|Bloomberg|Insider|Monitor|"
    r"Standard|Dispatch|Digest|Weekly|Magazine|Broadcasting|Newswire)\b")
SECTION_SEP = re.compile(r"\s+[|]\s+")


def parse_date(text: str, captured: str | None = None) -> str | None:
    """ISO date, or date-time with offset when the text gives a time (and a zone, if it names one)."""
    import dateparser

    m = TIME_FIRST_RE.search(text)
    if m:
        date_s, time_s = m.group("date"), m.group("time")
    else:
        m = DATE_RE.search(text)
        if not m:
            return None
        date_s, time_s = m.group("date"), m.group("time")
    settings = {"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    d = dateparser.parse(date_s, settings=settings, languages=["en"])
    if d is None:
        return None
    if not time_s and re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", date_s):
        date_s, time_s = "", date_s
    if not time_s:
        return d.date().isoformat()
    aware = bool(_TZ_RE.search(time_s.strip()))
    dt = dateparser.parse(f"{date_s} {time_s}", settings={**settings, "RETURN_AS_TIMEZONE_AWARE": aware}, languages=["en"])
    if dt is None:
        return d.date().isoformat()
    return dt.isoformat()


def date_line(line: str) -> str | None:
    """The date of a line that is only a date (with 'Published', 'Updated', a time): else None."""
    s = line.strip()
    if len(s) > 90:
        return None
    m = TIME_FIRST_RE.search(s) or DATE_RE.search(s)
    if not m:
        return None
    rest = (s[: m.start()] + " " + s[m.end() :])
    rest = _DATE_WORDS.sub(" ", rest)
    if len(re.findall(r"\w+", rest)) > 2:
        return None
    return parse_date(s)


def byline(line: str) -> tuple[str, str | None] | None:
    """(author, date or None) from a byline such as 'By Jane Doe and John Roe | March 3, 2021'."""
    s = line.strip()
    if len(s) > 160:
        return None
    m = BYLINE_RE.match(s)
    if not m:
        return None
    names, rest = m.group("names"), m.group("rest")
    dm = TIME_FIRST_RE.search(s) or DATE_RE.search(s)
    if dm and dm.start() < m.end("names"):  # the name pattern swallowed the date ("By Jane Doe Sept. 4, 2019")
        names, rest = s[m.start("names") : dm.start()], s[dm.start() :]
    names = names.strip()
    # a trailing date or time that the name pattern swallowed ("By Jane Doe 09/11/2020") is not a name
    if _NOT_NAME.match(names):
        return None
    words = re.findall(r"\w+", s)
    date = parse_date(rest) if rest.strip() else None
    if date is None:
        rest_words = re.findall(r"[A-Za-z]+", _DATE_WORDS.sub(" ", rest))
        if len(rest_words) > 4 or (s.endswith(".") and len(words) > 8):
            return None
    # "By Jane Doe, Associated Press": the agency or a job title is not an author
    parts = [p.strip() for p in re.split(r",", names) if p.strip()]
    parts = [p for p in parts if not meta_agency(p)]
    if not parts:
        return None
    names = re.sub(r"[\s,|–—-]+$", "", ", ".join(parts))
    return names, date


_STAFF = re.compile(r"\b(Staff|Correspondent|Reporter|Writer|Editor|Contributor|Bureau|Desk)\b", re.IGNORECASE)


def meta_agency(s: str) -> bool:
    return bool(NEWS_WORDS.search(s) or _STAFF.search(s))


_PARAGRAPH = re.compile(r"\n\s*")


def paragraph_datelines(text: str, within: int | None = None) -> Iterator[tuple[int, re.Match[str]]]:
    """(offset, match) of each dateline (``DATELINE_RE``, a place with three capitals in a row) that
    opens the text or one of its paragraphs; with ``within``, only in its first ``within`` characters."""
    head = text if within is None else text[:within]
    for start in [0, *(m.end() for m in _PARAGRAPH.finditer(head))]:
        m = DATELINE_RE.match(text[start:start + 160])
        if m is not None and _dateline_place(m):
            yield start, m


def dateline(text: str) -> tuple[str, str | None] | None:
    """(place, date text or None) of a dateline opening the text: 'KABUL:' -> ('KABUL', None)."""
    m = DATELINE_RE.match(text.strip())
    if not m:
        return None
    place = m.group("place").strip()
    if not _dateline_place(m):
        return None
    return place, m.group("date")


def _dateline_place(m: re.Match[str]) -> bool:
    """Whether a dateline match names its place as wire datelines do: in capitals ("KABUL:"), or in
    title case before a month and day ("Halifax, Newfoundland, June 15 -", "Toronto, April 21 -")."""
    caps = re.match(r"[A-Z][A-Z.'’-]{2,}(?:[ ,-]|$)", m.group("place"))
    return bool((caps and re.search(r"[A-Z]{3}", m.group("place"))) or m.group("date"))


def _month_day_in(date_text: str, year: int) -> date | None:
    """A dateline's month and day ("April 8", "Oct. 5") in the given year."""
    import dateparser

    d = dateparser.parse(f"{date_text} {year}", settings={"DATE_ORDER": "MDY"}, languages=["en"])
    return d.date() if d else None


def dateline_date(date_text: str, captured: str | None) -> str | None:
    """A dateline's month and day, dated with its own year or the capture year (never after capture)."""
    if re.search(r"\d{4}", date_text):
        return parse_date(date_text)
    if not captured:
        return None
    try:
        cap = datetime.fromisoformat(captured.replace("Z", "+00:00"))
    except ValueError:
        return None
    for year in (cap.year, cap.year - 1):
        d = _month_day_in(date_text, year)
        if d and d <= cap.date():
            return d.isoformat()
    return None


@lru_cache(maxsize=64)
def report_day(text: str, published: str | None) -> str | None:
    """The day an article's relative times count from: the day of its dateline ("SINGAPORE, April 8 -
    ", in its first paragraphs) when that lies within a day of the publication date, else the
    publication date. A wire's date is often the desk's, a day off the dateline's local day, and
    "today" in the story is the dateline's ("SINGAPORE, April 8 - ... agreed today" under a story dated
    April 7 by a New York desk)."""
    if not published:
        return published
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return published
    for _, m in paragraph_datelines(text, 400):
        if m.group("date") is None:
            return published
        if re.search(r"\d{4}", m.group("date")):
            day = parse_date(m.group("date"))
            near = [date.fromisoformat(day)] if day else []
        else:
            near = [d for year in (pub.year - 1, pub.year, pub.year + 1)
                    if (d := _month_day_in(m.group("date"), year)) is not None]
        got = [d for d in near if abs((d - pub).days) <= 1]
        return got[0].isoformat() if got and got[0] != pub else published
    return published


def reprint_of(line: str) -> str | None:
    s = line.strip()
    if len(s.split()) > 50:
        return None
    for rx in REPRINT_RES:
        m = rx.search(s)
        if m:
            pub = m.group("pub").strip().strip("“”\"'").rstrip(",;: ")
            pub = re.sub(r"^(?:the\s+website\s+of\s+|the\s+site\s+)", "", pub, flags=re.IGNORECASE)
            if 1 <= len(pub.split()) <= 10:
                return pub
    return None


def strip_section(title: str) -> str:
    """'Headline | Section news' -> 'Headline' (the longest segment around ' | ')."""
    parts = SECTION_SEP.split(title.strip())
    if len(parts) == 1:
        return title.strip()
    return max(parts, key=len).strip()


def is_title_like(line: str) -> bool:
    s = line.strip()
    words = re.findall(r"[^\W\d_][\w'’-]*", s)
    if not 2 <= len(words) <= 25 or len(s) > 200:
        return False
    if re.search(r"[.!?]\s+[A-Z]", s):  # two sentences are not a headline
        return False
    if re.search(r"[.:;,]$", s) and not s.endswith("..."):
        return False
    return True
