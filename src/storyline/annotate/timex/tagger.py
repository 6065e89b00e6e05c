"""Find time expressions and give each its TIMEX3 type and value.

Stands on: ``re`` (the rules in ``patterns.py``), python-dateutil ``relativedelta`` and the
standard ``datetime`` for calendar arithmetic (``calendar.py``). No parser: the direction of a
bare weekday or month comes from cue words near it (``lexicon.FUTURE_CUES``/``PAST_CUES``), with
the past as the default, as news is written.

Conventions (TimeML / TempEval-3):
- A range such as "mid-October to mid-November" or "18 months to three years" is two timexes,
  one per end, each with its own value and mod, as TimeBank annotates ranges; a range inside one
  unit ("12 to 18 months", "two or three days") is one DURATION with an unknown count (PXM, PXD).
- What cannot be resolved keeps X's: with no publication date "Friday" is XXXX-WXX-5, "April 12"
  XXXX-04-12, "last week" XXXX-WXX; "now/currently" PRESENT_REF, "recently" PAST_REF,
  "soon/the future" FUTURE_REF.
- Units that follow a date in the same article ("the next day", "a week later") count from the
  last full date mentioned before them, else from the publication date.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from storyline.model import Timex

from . import calendar as cal
from .lexicon import (
    FUTURE_CUES, IRREGULAR_PAST, MONTHS, RAISING_VERBS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, PAST_CUES, PREFIX_MODS, QUANT_MODS,
    REPORT_CUES,
    SEASONS, UNITS, VAGUE_NUMBERS, WEEKDAYS,
)
from .patterns import RULES

_NOT_YEARS = json.loads(Path(__file__).with_name("not_years.json").read_text(encoding="utf-8"))


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# "Room 1995", "Route 2010", "more than 2000": the number of a thing or a count, not a year
_CODE_BEFORE = re.compile(
    rf"(?<![\w.])(?:{_alternatives(_NOT_YEARS['code_words_before'] + _NOT_YEARS['quantity_words_before'])})\s*$", re.I)
# "2000 troops", "the 1900 block of": what the number counts
_COUNTED_AFTER = re.compile(rf"\s*(?:{_alternatives(_NOT_YEARS['count_nouns_after'] + _NOT_YEARS['after_nouns'])})(?![\w-])",
                            re.I)
_AFTER_NOUN = re.compile(rf"\s+(?:{_alternatives(_NOT_YEARS['after_nouns'])})(?![\w-])", re.I)
# "1935 Orchard St.", "6016 N. Dublin Road", "2310 W. 5th Avenue": a house number before a street's
# name (one to three capitalised words or an ordinal) and the street word
_STREET_AFTER = re.compile(
    r"[ \t]+(?:(?:[NSEW]|[NS][EW]|North|South|East|West)\.?[ \t]+)?"
    r"(?:(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))[ \t]+){1,3}"
    rf"(?i:{_alternatives(_NOT_YEARS['street_words'])})(?![\w-])")
# "a 1998 Ford", "the 1995 Honda Accord", "his 2002 pickup": a model year names a vehicle, not a time
_DET_BEFORE = re.compile(rf"(?:\b(?:{_alternatives(_NOT_YEARS['vehicle_determiners'])})|'s|’s)\s+(?:[a-z]+\s+)?$", re.I)
# "in 1935 Orchard ...", "a 2007 U.S. Supreme Court decision": a year, not a house number
_NOT_HOUSE_BEFORE = re.compile(rf"\b(?:{_alternatives(_NOT_YEARS['words_before_no_house_number'])})\s+$", re.I)
_VEHICLE_AFTER = re.compile(rf"(?:[ \t]+(?i:{_alternatives(_NOT_YEARS['vehicle_adjectives'])})(?![\w-]),?){{0,2}}"
                            rf"[ \t]+(?i:{_alternatives(_NOT_YEARS['vehicle_words'])})(?![\w-])")
# "815-748-2060", "748-2060": the last group of a phone or code number
_CODE_GROUP_BEFORE = re.compile(r"(?<![\d-])(?:\d{1,3}[-.])?\d{1,3}[-.]$")
# "Citizen of the Year", "Player of the Week": a title, not a time
_TITLE = re.compile(r"\b[A-Z][a-z]+\s+of\s+$")

_WORD = re.compile(r"[A-Za-z']+")
_DEADLINE = re.compile(
    r"\b(?:until|till|by)\s+(?:(?:early|late|mid|the\s+end\s+of)[\s-]+"
    r"|(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)\s+(?:[A-Z]{1,4}T\s+)?)?$", re.I)
# (not the point of "a.m.", "p.m." or a title: "4 a.m. EDT Thursday", "Mr. Castro")
_SENT_END = re.compile(r"(?<![ap]\.m)(?<![AP]\.M)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n")
_INF_VERBS = {"be", "meet", "hold", "vote", "begin", "start", "visit", "travel", "return", "resume",
              "sign", "take", "open", "close", "end", "announce", "release", "decide"}
_DEFER = {"postponed", "delayed", "adjourned", "deferred", "suspended", "extended", "recessed"}
_PLAN_CUES = {"planning", "planned", "scheduled", "expected", "due", "set", "going", "preparing", "to"}
_MODALS = {"will", "'ll", "shall", "would", "wo"}
# words that may stand between a modal and its verb: "would still be held", "will not meet"
_AUX_SKIP = {"be", "still", "also", "not", "now", "then", "only", "probably", "likely", "never", "n't", "first",
             "again", "finally", "formally", "officially"}
# irregular past-tense verbs (not "was/were/had", which also tell plans in the past)
_IRREGULAR_PAST = IRREGULAR_PAST
_NOT_ED = {"need", "speed", "indeed", "embed", "hundred", "united", "proceed", "exceed", "succeed"}
_MAY_CUES = {"in", "of", "since", "until", "till", "by", "early", "late", "mid", "last", "next",
             "this", "from", "to", "through", "during", "before", "after", "on", "that", "the", "between"}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _weekday(s: str) -> int:
    return WEEKDAYS[s.lower().rstrip(".")]


def _num(s: str | None) -> float | None:
    """A count as a number; None for vague counts ("several", "a few")."""
    if s is None:
        return None
    k = _norm(s).replace("-", " ")
    if k.endswith(" 1/2") and k[:-4].isdigit():  # "2 1/2"
        return int(k[:-4]) + 0.5
    if k in NUMBER_WORDS:
        return NUMBER_WORDS[k]
    if k in VAGUE_NUMBERS:
        return None
    parts = k.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    try:
        return float(k.replace(",", ""))
    except ValueError:
        return None


def _unit_key(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


# TIMEX3 units spelled as multiples of a basic one: (factor, basic unit code)
_MULTIPLES = {"DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"), "2W": (2, "W"), "WE": (2, "D"), "Q": (3, "M")}


def _duration_value(n: float | None, unit: str) -> str:
    code = UNITS[unit]
    t = "T" if unit in ("second", "minute", "hour") else ""
    if n is None:
        return f"P{t}X{ {'DE': 'DE', 'CE': 'CE', 'ML': 'ML', '2W': 'W', 'WE': 'WE'}.get(code, code) }"
    if code in _MULTIPLES:  # decades, centuries, millennia, fortnights, weekends, quarters
        factor, code = _MULTIPLES[code]
        n = n * factor
    if n != int(n):  # "2 1/2 years" -> P2Y6M: the fraction in the next smaller unit
        smaller = {("", "Y"): ("M", 12), ("", "M"): ("D", 30), ("", "W"): ("D", 7),
                   ("", "D"): ("H", 24), ("T", "H"): ("M", 60), ("T", "M"): ("S", 60)}
        if (t, code) in smaller:
            code2, f = smaller[(t, code)]
            whole, rest = int(n), (n - int(n)) * f
            if rest == int(rest):
                t2 = "T" if code2 in ("H", "S") or t else ""
                head = f"{whole}{code}" if whole else ""
                if code == "D" and head:
                    return f"P{head}T{int(rest)}{code2}"
                return f"P{t or t2}{head}{int(rest)}{code2}"
        return f"P{t}{n:g}{code}"
    return f"P{t}{int(n)}{code}"


class _Doc:
    """Per-article state: the publication date and the last full date mentioned (for
    "the next day", "a week later") and whether quarters are being talked about."""

    def __init__(self, text: str, dct: str | None):
        self.text = text
        self.anchor = cal.parse_dct(dct)
        self.ref: date | None = self.anchor.date
        self.last_quarter: tuple[int, int] | None = None
        self.last_value: str | None = None
        self.last_year: int | None = None  # year of the last DATE mentioned ("that year")
        self.last_written_year: int | None = None  # the last timex, when it was a year written out
        self.focus_month: tuple[int, int] | None = None  # year and month of the last DATE naming one
        self.written_months: dict[int, int] = {}  # month -> year, of the last date written with its year

    # -- tense ------------------------------------------------------------------------------
    def deadline(self, start: int) -> bool:
        """"gave them until mid-November", "by May": a limit set ahead, whatever the tense of the
        verb that set it."""
        return bool(_DEADLINE.search(self.text, max(0, start - 30), start))

    def direction(self, start: int, end: int) -> int:
        """-1 past, +1 future, from cue words in the same sentence (nearest cue wins)."""
        return 1 if self.cue_direction(start, end) > 0 else -1

    def cue_direction(self, start: int, end: int) -> int:
        """As ``direction``, but ±2 when a tense cue decided it and -1 when only a reporting verb,
        a bare -ed word or the news default (the past) did."""
        text = self.text
        after = text[end:end + 70]
        m = _SENT_END.search(after)
        if m:
            after = after[: m.start()]
        bw = _words_back(text, start, 90)
        aw = []
        for w in _WORD.finditer(after):
            aw.append(w.group().lower())
            if aw[-1] in REPORT_CUES and not after[w.end():].lstrip(" ").startswith(","):
                # what follows a reporting verb is what was said, with a tense of its own: "In a report
                # released on Monday, economists said growth would slow" (Monday is past); not a
                # parenthetical "the meeting on Monday, officials said, will decide"
                break
        if bw and bw[0] in REPORT_CUES:  # "said Thursday": the report's own day, past
            return -2
        if len(bw) > 1 and bw[0] in ("on", "late", "early") and bw[1] in REPORT_CUES:
            return -2  # "said on Tuesday that ... would"
        if len(bw) > 1 and bw[1] == "as" and bw[0] in ("soon", "early", "late"):
            return 2  # "as soon as Tuesday", "as early as Monday"
        if len(bw) > 2 and bw[2] == "as" and bw[1] in ("soon", "early") and bw[0] == "as":
            return 2
        for j in range(1, min(len(bw) - 1, 8)):  # "as soon as trading opened Monday": a condition ahead
            if bw[j] == "soon" and bw[j - 1] == "as" and bw[j + 1] == "as":
                return 2
        if len(bw) > 1 and bw[0] in ("until", "till") and bw[1] in _DEFER:
            return 2  # "postponed until Tuesday"
        if aw and _past_form(aw[0]) and bw and bw[0] in ("on", "since"):
            return -2  # the verb right after: "the mayor on June 3 asked both unions to ..."
        for j, w in enumerate(bw[:4]):  # a past-tense verb just before: "issued a statement Friday"
            if w in FUTURE_CUES or w in _MODALS or w in ("to", "be", "is", "are"):
                break  # "the reduced dividend is payable Jan. 2": the -ed word is no verb of the date
            if _past_form(w) and not (j + 1 < len(bw) and bw[j + 1] in ("be", "been", "is", "are", "will", "would", "to")):
                return -2  # also irregular pasts: "the talks, which began on Saturday, will ..."
        weak = 0  # reporting verbs and -ed words: used only when no stronger cue is near
        for i in range(max(len(bw), len(aw))):
            for words, j in ((bw, i), (aw, i)):
                if j >= len(words):
                    continue
                w = words[j]
                if w in FUTURE_CUES or w.endswith("'ll"):
                    if w == "set" and not (words is aw and j + 1 < len(aw) and aw[j + 1] in ("to", "for")) and not (
                            words is bw and j + 1 < len(bw) and bw[j + 1] in ("is", "are", "be", "been")):
                        continue  # "set to", "is set for"; "set Friday as the deadline" is past
                    if w == "next" and ((words is aw and j + 1 < len(aw) and aw[j + 1] == "to") or (
                            words is bw and j > 0 and bw[j - 1] == "to")):
                        continue  # "next to the embassy"
                    return 2
                if w in ("to", "is", "are") and words is bw and j > 0 and bw[j - 1] in _INF_VERBS and not (
                        w == "to" and j + 1 < len(bw) and bw[j + 1] in RAISING_VERBS):
                    return 2
                if words is bw and j + 1 < len(bw):
                    k, saw_be = j + 1, False
                    while k < len(bw) and k < j + 4 and bw[k] in _AUX_SKIP:
                        saw_be = saw_be or bw[k] == "be"
                        k += 1
                    if k < len(bw) and (bw[k] in _MODALS or (saw_be and bw[k] == "to" and not (
                            k + 1 < len(bw) and bw[k + 1] in RAISING_VERBS))):
                        return 2  # "will be held", "would still be held", "would meet", "is to be signed"
                if w in PAST_CUES:
                    # "were planning to", "was scheduled for": a plan told in the past tense
                    nxt = (aw[j + 1] if j + 1 < len(aw) else None) if words is aw else (bw[j - 1] if j > 0 else None)
                    if w in ("was", "were", "had") and nxt in _PLAN_CUES:
                        return 2
                    return -2
                if not weak and (w in REPORT_CUES or (len(w) > 4 and w.endswith("ed") and w not in _NOT_ED)):
                    weak = -1
        return weak or -1

    # -- helpers ----------------------------------------------------------------------------
    def day_value(self, d: date) -> str:
        self.ref = d
        return cal.fmt_day(d)


def _resolve_month_day(doc: _Doc, mo: int, d: int, start: int, end: int) -> str:
    a = doc.anchor
    if a.year is None:
        return f"XXXX-{mo:02d}-{d:02d}"
    y = a.year
    if a.month is not None and a.day is not None and cal.valid_day(y, mo, d):
        cand = date(y, mo, d)
        dct = a.date
        diff = (cand - dct).days  # type: ignore[operator]
        if _INDEFINITE_BEFORE.search(doc.text, max(0, start - 4), start) and _ATTRIBUTIVE.match(doc.text, end):
            # "announced a July 26 exhibition match": a date inside an indefinite noun phrase names a
            # new occasion; the tense of the verb before tells when it was told, not when it is:
            # the nearer of this year's and the next or last one
            y += -1 if diff > 182 else 1 if diff < -183 else 0
            diff = 0  # decided: no cue below
        # more than two months away: the tense decides; more than eight, the nearer year unless
        # a tense cue says otherwise ("was arrested on March 3" in late October is this March)
        if diff > 14 and not (diff <= 240 and doc.deadline(start)):
            cue = doc.cue_direction(start, end)
            if cue == -2 or (diff > 60 and cue < 0) or (diff > 240 and cue < 2):
                y -= 1  # a past-tense cue sends even a date a few weeks ahead back a year
        elif diff < -60:
            cue = doc.cue_direction(start, end)
            if cue > 0 or (diff < -240 and cue > -2):
                y += 1
    if not cal.valid_day(y, mo, d):
        return f"{y:04d}-{mo:02d}"
    doc.ref = date(y, mo, d)
    return cal.fmt_day(doc.ref)


def _resolve_month(doc: _Doc, mo: int, start: int, end: int, rel: str | None = None) -> str:
    a = doc.anchor
    if a.year is None:
        return f"XXXX-{mo:02d}"
    y = a.year
    if a.month is None:
        return cal.fmt_month(y, mo)
    if rel == "last" or rel == "past":
        return cal.fmt_month(y if mo < a.month else y - 1, mo)
    if rel in ("next", "coming"):
        return cal.fmt_month(y if mo > a.month else y + 1, mo)
    if rel == "this":
        return cal.fmt_month(y, mo)
    cue = doc.cue_direction(start, end)
    direction = 1 if cue > 0 else -1
    if direction < 0 and mo > a.month and not doc.deadline(start) and not (cue == -1 and mo - a.month <= 3):
        # (only the news default says past, and the month is at most three ahead: "the outlook ... at
        # the September meeting is hard to predict" in June is this September's)
        y -= 1
    elif direction > 0 and mo < a.month:
        y += 1
    return cal.fmt_month(y, mo)


def _pre_mod(pre: str | None) -> str | None:
    if not pre:
        return None
    return PREFIX_MODS.get(_norm(pre).removesuffix(" the"), None)


# -- rule handlers: each returns (type, value, mod) or None to reject the match -------------------

def _h_fulldate(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    mo = _month(g["m1"] or g["m2"] or g["m3"])
    d = int(re.match(r"\d+", g["d1"] or g["d2"] or g["d3"]).group())
    ys = g["y1"] or g["y2"] or g["y3"]
    mod = _pre_mod(g["pre"])
    if ys:
        y = int(ys)
        if not cal.valid_day(y, mo, d):
            return None
        doc.written_months[mo] = y
        return "DATE", doc.day_value(date(y, mo, d)), mod
    if d > 31:
        return None
    rel = _norm(g["rel"]).split()[-1] if g["rel"] else None
    a = doc.anchor
    if rel and a.date is not None and cal.valid_day(a.year, mo, d):
        # "last Oct. 23": the latest one before the publication date; "next March 3" the first after
        cand = date(a.year, mo, d)
        if rel == "last" and cand >= a.date:
            cand = date(a.year - 1, mo, d) if cal.valid_day(a.year - 1, mo, d) else cand
        elif rel in ("next", "coming") and cand <= a.date:
            cand = date(a.year + 1, mo, d) if cal.valid_day(a.year + 1, mo, d) else cand
        return "DATE", doc.day_value(cand), mod  # "this March 3": the publication year's
    return "DATE", _resolve_month_day(doc, mo, d, m.start(), m.end()), mod


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.I)
_ATTRIBUTIVE = re.compile(r" (?!of\b|to\b|and\b|or\b|in\b|on\b|at\b|by\b|for\b|is\b|was\b|will\b)[a-z]{3,}\b")


def _h_month(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    ms = g["m"]
    if ms == "May" and not (g["y"] or g["post"] or g["pre"] or g["rel"]):
        prev = _WORD.findall(doc.text[max(0, m.start() - 12): m.start()])
        if not prev or prev[-1].lower() not in _MAY_CUES:
            return None
    if ms in ("Mar", "Jan", "Dec", "Aug", "Oct", "Nov", "Feb", "Sept") and not (g["y"] or g["post"]):
        return None
    mo = _month(ms)
    mod = _pre_mod(g["pre"])
    if g["y"]:
        doc.written_months[mo] = int(g["y"])
        return "DATE", cal.fmt_month(int(g["y"]), mo), mod
    if mo in doc.written_months and not (g["post"] or g["rel"] or g["pre"]) and _ATTRIBUTIVE.match(
            doc.text, m.end()) and doc.text[max(0, m.start() - 4): m.start()].lower() in ("the ", "'s "):
        # "the February deal" after "a deal signed on February 29, 2020": the month names a
        # happening the article has dated already, so it takes that year, not the publication's
        return "DATE", cal.fmt_month(doc.written_months[mo], mo), mod
    a = doc.anchor
    if g["post"]:
        if a.year is None:
            return "DATE", f"XXXX-{mo:02d}", mod
        dy = {"last": -1, "next": 1, "this": 0}[g["post"].lower()]
        return "DATE", cal.fmt_month(a.year + dy, mo), mod
    rel = g["rel"].lower() if g["rel"] else None
    if not (rel or g["pre"]) and a.year is not None and a.month is not None and \
            _INDEFINITE_BEFORE.search(doc.text, max(0, m.start() - 4), m.start()) and _ATTRIBUTIVE.match(doc.text, m.end()):
        # "within weeks of an October news conference": a month inside an indefinite noun phrase names
        # an occasion, which the verb's tense does not place (as "a July 26 exhibition match"): the
        # nearer of this year's and the next or last one
        diff = mo - a.month
        return "DATE", cal.fmt_month(a.year - 1 if diff > 6 else a.year + 1 if diff < -6 else a.year, mo), mod
    return "DATE", _resolve_month(doc, mo, m.start(), m.end(), rel), mod


def _h_weekday(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    wd = _weekday(g["wd"])
    rel = _norm(g["rel"] or "").split(" ")[-1]
    pod = PARTS_OF_DAY.get((g["pod"] or "").lower())
    a = doc.anchor.date
    if a is None:
        v = f"XXXX-WXX-{wd}"
    else:
        if rel in ("previous", "preceding", "following"):
            # "the previous Friday": counted from the day last talked about, not the publication date
            base = doc.ref or a
            step = 1 if rel == "following" else -1
            d = cal.weekday_near(base + timedelta(days=step), wd, step)
        elif rel in ("next", "coming"):
            d = cal.weekday_near(a + timedelta(days=1), wd, 1)
        elif rel in ("last", "past"):
            d = cal.weekday_near(a - timedelta(days=1), wd, -1)
        elif rel == "this":
            d = cal.weekday_near(a, wd, doc.direction(m.start(), m.end()))
        else:
            cue = doc.cue_direction(m.start(), m.end())
            if cue == -1 and doc.deadline(m.start()):
                cue = 1  # "has given them until 9 a.m. Tuesday", "must decide by Friday"
            d = cal.weekday_near(a, wd, cue)
        v = doc.day_value(d)
    if g["noon"]:
        return "TIME", v + ("T12:00" if g["noon"].lower() == "noon" else "T24:00"), None
    if pod:
        return "TIME", f"{v}T{pod}", None
    return "DATE", v, None


def _h_numeric(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    if g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
    else:
        mo, d, ys = int(g["a"]), int(g["b"]), g["c"]
        if mo > 12 and d <= 12:  # day/month order when month/day cannot be
            mo, d = d, mo
        y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
    if not cal.valid_day(y, mo, d):
        return None
    return "DATE", doc.day_value(date(y, mo, d)), None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _h_year(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    pre = (g["pre"] or "").lower()
    mod = {"post": "AFTER", "pre": "BEFORE"}.get(pre) or _pre_mod(g["pre"]) or _pre_mod(g["pre2"])
    if g["dec"]:
        return "DATE", g["dec"], mod
    if g["dec2"]:  # "the '90s", "the '10s": the latest such decade not after the publication year
        y = doc.anchor.year
        cent = "20" if y is not None and 2000 + 10 * int(g["dec2"]) <= y else "19"
        return "DATE", cent + g["dec2"], mod
    if g["nineties"]:
        return "DATE", "19" + str(_DECADE_WORDS[g["nineties"].split()[-1].lower()]), mod
    if g["yr"]:  # "2008-2009": the first end of a range of years
        if int(g["yr"]) >= int(doc.text[m.end() + 1: m.end() + 5]):
            return None
        if g["the"] and not (g["pre"] or g["pre2"]):
            return "DATE", g["yr"], mod, m.start("yr"), m.end()
        return "DATE", g["yr"], mod
    y = int(g["y"])
    if not (g["pre"] or g["pre2"] or g["fiscal"]) and _VEHICLE_AFTER.match(doc.text, m.end()) and (
            g["the"] or _DET_BEFORE.search(doc.text, max(0, m.start() - 24), m.start())):
        return None  # "the 1995 Honda Accord", "a 1998 pickup": a model year
    if g["the"] and not (g["pre"] or g["pre2"]) and _AFTER_NOUN.match(doc.text, m.end()):
        return None  # "the 1900 block of Main Street": an address
    if g["the"] and not (g["pre"] or g["pre2"]):  # "the 1987 period": the article is not part of it
        return "DATE", f"{y:04d}", mod, m.start("y") if not g["fiscal"] else m.start("fiscal"), m.end()
    # a bare four-digit number far from the article's time and with nothing dating it is
    # more likely a count or a code than a year
    if not (g["pre"] or g["the"] or g["pre2"] or g["fiscal"]):
        before = doc.text[max(0, m.start() - 14): m.start()]
        if _CODE_BEFORE.search(before) or _CODE_GROUP_BEFORE.search(before):
            return None
        after = doc.text[m.end(): m.end() + 60]
        if _COUNTED_AFTER.match(after):
            return None
        if _STREET_AFTER.match(after) and not _NOT_HOUSE_BEFORE.search(before):
            return None
    return "DATE", f"{y:04d}", mod


# "Trees for Tomorrow", "Voices of Today", "the Today show": a capitalised deictic word inside a name,
# after a capitalised word joined by for/of/and, or after "the" or a possessive (no time word takes them)
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’.-]*\s+(?:for|of|and|&)|\b[Tt]he|[A-Za-z]['’]s)\s+$")
_LOWER_WORD = re.compile(r"\b(?!(?:for|of|and|the|with|from|into)\b)[a-z]{4,}\b")


def _in_name(text: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` is part of a name in running text (not a headline,
    where every word is capitalised: "Vote Set for Tomorrow")."""
    if not text[start].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60): start]
    return bool(_NAME_BEFORE.search(before)) and bool(_LOWER_WORD.search(before))


def _h_deictic(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    a = doc.anchor.date
    if g["day"]:
        w = g["day"].lower()
        if _in_name(doc.text, m.start("day")):
            return None  # "the Trees for Tomorrow Project", "NBC's Today show": a name
        off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[w]
        v = doc.day_value(a + timedelta(days=off)) if a else "XXXX-XX-XX"
        if a is None and w == "today":
            v = "PRESENT_REF"
        pod = PARTS_OF_DAY.get((g["pod"] or "").lower())
        if w == "tonight" and a is None:
            return "TIME", "XXXX-XX-XXTNI", None
        if pod:
            return "TIME", f"{v}T{pod}", None
        return "DATE", v, None
    if g["overnight"]:
        return "TIME", (f"{cal.fmt_day(a - timedelta(days=1))}TNI" if a else "XXXX-XX-XXTNI"), None
    if g["this"]:
        w = g["this"].lower()
        pod = PARTS_OF_DAY[g["pod2"].lower()]
        off = {"this": 0, "last": -1 if pod == "NI" else 0, "tomorrow": 1}[w]
        if w == "last" and pod != "NI":
            return None
        v = cal.fmt_day(a + timedelta(days=off)) if a else "XXXX-XX-XX"
        return "TIME", f"{v}T{pod}", None
    if g["present"]:
        return "DATE", "PRESENT_REF", None
    if g["past"]:
        w = _norm(g["past"])
        if w in ("earlier", "previously"):
            return None  # adverbs of sequence; TimeML rarely marks them
        return "DATE", "PAST_REF", None
    if g["future"]:
        w = _norm(g["future"])
        if w.startswith("in the coming"):
            return None  # left to BARE ("the coming days")
        if w == "soon" and (re.match(r"\s+(?:after|afterwards?|thereafter)\b", doc.text[m.end():m.end() + 14], re.I)
                            or doc.cue_direction(m.start(), m.end()) == -2):
            return None  # "soon after the attack", "was soon released": soon after a past event, not the DCT
        return "DATE", "FUTURE_REF", None
    return None


_REL_STEP = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1,
             "coming": 1, "following": 1, "this": 0, "current": 0, "same": 0, "latest": 0, "that": 0,
             "the": 0, "full": 0}


def _h_relunit(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    rel_full = _norm(g["rel"])
    rel = rel_full.split()[-1]
    unit = g["unit"].lower()
    pre = _norm(g["pre"]) if g["pre"] else None
    mod = _pre_mod(g["pre"])
    if rel == "the" and not pre and g["unit"][0].isupper() and _TITLE.search(doc.text, max(0, m.start() - 20), m.start()):
        return None  # "Citizen of the Year", "Player of the Week": a title
    if rel == "the" and not pre and unit == "fall" and (
            not re.search(r"\b(?:in|during|by|until|till|through|throughout|over|since|for|until)\s+$",
                          doc.text[max(0, m.start() - 12): m.start()], re.I)
            or re.match(r"\s+of\b", doc.text[m.end(): m.end() + 4])):
        return None  # "The fall was led by utilities", "after the fall of the wall": a drop, not autumn
    if rel == "the" and not pre and not g["before"] and not g["fisc"] and unit in ("year", "week"):
        # business-news "the year": "for the year ended Sept. 30" is a fiscal year's length;
        # "for the year", "of the year", "the week's" are the current one
        after = doc.text[m.end(): m.end() + 12]
        before = doc.text[max(0, m.start() - 10): m.start()].lower()
        if unit == "year" and re.match(r"\s+(?:ended|ending)\b", after):
            return "DURATION", "P1Y", None
        if re.search(r"\b(?:for|of|in|during|through|throughout)\s+$", before) and not re.match(
                r"\s*(?:[-\w]|,?\s*\d)", after):
            if doc.anchor.year is None:
                return "DATE", "XXXX" if unit == "year" else "XXXX-WXX", None
            if unit == "year":
                return "DATE", f"{doc.anchor.year:04d}", None
            if doc.anchor.date is not None:
                return "DATE", cal.fmt_week(doc.anchor.date), None
        if unit == "week" and after.startswith("'s") and doc.anchor.date is not None:
            return "DATE", cal.fmt_week(doc.anchor.date), None
    if rel == "the" and not pre and unit not in ("weekend",):
        if unit in ("day", "year", "week", "month", "morning", "night", "evening", "quarter", "decade", "century"):
            return None
    if g["before"] and unit not in ("day", "night", "morning", "evening", "week", "year", "month"):
        return None
    step = _REL_STEP[rel]
    if g["before"]:
        step = -1
    a = doc.anchor
    season = SEASONS.get(unit)
    if unit == "quarter":
        return None  # QUARTER handles these
    if rel == "full" and unit not in ("year", "month", "week"):
        return None  # "the full day" is a length, not a calendar unit
    # units that count from the last date mentioned
    from_ref = rel in ("following", "previous", "preceding", "same", "that") or (rel == "the" and g["before"]) or (rel_full.startswith("the") and rel in ("next",) and unit in ("day", "morning", "night", "evening"))
    if unit in ("day", "morning", "night", "evening"):
        if rel in ("this", "last", "past", "current", "latest") and unit == "day":
            return None
        if rel in ("this", "last", "next") and unit != "day":
            return None  # DEICTIC handles "this morning", "last night"
        base = doc.ref if from_ref else a.date
        if base is None:
            return "DATE", "XXXX-XX-XX", None
        d = base + timedelta(days=step)
        pod = PARTS_OF_DAY.get(unit)
        if pod:
            return "TIME", f"{cal.fmt_day(d)}T{pod}", None
        return "DATE", cal.fmt_day(d), None
    if rel == "latest":
        return None
    if a.year is None:
        v = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
             "decade": "XXX", "century": "XX"}.get(unit, "XXXX-" + (season or "XX"))
        return "DATE", v, mod
    if unit == "year":
        base_y = ((doc.last_year or (doc.ref.year if doc.ref else a.year)) if from_ref else a.year)
        return "DATE", f"{base_y + step:04d}", mod
    if unit == "decade":
        return "DATE", f"{(a.year // 10) + step:03d}", mod
    if unit == "century":
        return "DATE", f"{(a.year // 100) + step:02d}", mod
    if season:
        y = a.year + step
        if step == 0 and rel == "this" and a.month is not None:
            y = a.year
        if season == "WI" and step == -1 and a.month is not None and a.month <= 3:
            y = a.year - 1
        if step == -1 and a.month is not None and a.month > {"SP": 6, "SU": 9}.get(season, 13):
            y = a.year  # "last summer" told in November: this year's, which is over
        return "DATE", f"{y:04d}-{season}", mod
    if a.month is None:
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}[unit], mod
    if unit == "month":
        base = date(a.year, a.month, 1)
        if from_ref and doc.focus_month:  # "In March, ... The following month": the month last named
            base = date(doc.focus_month[0], doc.focus_month[1], 1)
        d = cal.shift(base, months=step)
        return "DATE", cal.fmt_month(d.year, d.month), mod
    base = a.date or date(a.year, a.month, 15)
    if from_ref and doc.ref:
        base = doc.ref
    if unit == "weekend":
        if rel == "the" or (step == 0 and rel != "this"):
            # "the weekend": the one just past early in the week, else this week's
            step = -1 if base.isoweekday() <= 4 and doc.direction(m.start(), m.end()) < 0 else 0
        elif rel == "this" and step == 0 and base.isoweekday() <= 2 and doc.cue_direction(m.start(), m.end()) == -2:
            # "OPEC agreed this weekend" in a Monday report: a past deed's weekend is the one just past
            step = -1
        d = base + timedelta(weeks=step)
        return "DATE", cal.fmt_week(d) + "-WE", mod
    if unit == "week" and not from_ref and rel_full == "this past" and base.isoweekday() >= 3:
        # "this past week" in a Saturday report: the week now ending, not the one before ("last
        # week" stays the week before, even on a Sunday: TimeBank's gold values)
        step = 0
    d = base + timedelta(weeks=step)
    return "DATE", cal.fmt_week(d), mod


# quantifiers TempEval-3's gold leaves outside the extent (TimeBank and AQUAINT agree: "about"
# 9 out / 2 in, "just/only/barely" always out); the mod still says APPROX
_QM_OUTSIDE = {"about", "just", "only", "barely"}


def _h_duration(doc: _Doc, m: re.Match) -> tuple | None:
    r = _h_duration_core(doc, m)
    if r is None or not m.group("qm"):
        return r
    qm = _norm(m.group("qm"))
    if qm == "over" and not re.search(r"\b(?:for|of|in|after|than|to|lasting)\s+$",
                                      doc.text[max(0, m.start() - 10): m.start()], re.I):
        # "used over three years": the preposition (during), not "more than"; "for over a year" keeps it
        s = m.start("det") if m.group("det") else m.start("num")
        e = r[4] if len(r) == 5 else m.end()
        return r[0], r[1], None, max(s, r[3] if len(r) == 5 else s), e
    if qm not in _QM_OUTSIDE:
        return r
    s = m.start("det") if m.group("det") else m.start("num")
    e = r[4] if len(r) == 5 else m.end()
    return r[0], r[1], r[2], max(s, r[3] if len(r) == 5 else s), e


# an amount just before "a year": a number, then at most two words that are not prepositions
_RATE = re.compile(
    r"(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand))"
    r"(?:\s*%|\s+(?!(?:for|in|within|over|about|after|before|than|of|to|by|at|least|just|only|nearly|almost|"
    r"around|and|or|but|from|since|until|ago|later|earlier)\b)[A-Za-z$]+){1,2}\s+$"
)


def _h_duration_core(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    unit = _unit_key(g["unit"])
    if unit not in UNITS:
        return None
    numtxt = _norm(g["num"])
    n = _num(g["num"])
    det = _norm(g["det"]) if g["det"] else None
    post = _norm(g["post"]) if g["post"] else None
    qm = QUANT_MODS.get(_norm(g["qm"])) if g["qm"] else None
    if numtxt in ("a", "an") and g["sep"] == "-":
        return None
    after = doc.text[m.end(): m.end() + 16]
    if re.fullmatch(r"(?:1[6-9]|20)\d\d", numtxt) and not g["pl"]:
        return None  # "the 1988 quarter", "the 2020 season": a year naming the unit, not a count
    if unit in ("year", "month", "week", "day") and post is None and re.match(r"\s+(?:old|of\s+age)\b", after):
        return None  # ages ("52 years old") are not TIMEX3, as "6-year-old" is not
    if unit == "quarter" and (g["sep"] == "-" or not g["pl"]) and post is None and re.match(r"\s+of\b", after):
        return None  # "three-quarters of its food", "a quarter of the market": fractions
    if unit == "second" and not g["pl"] and numtxt in ("a", "an", "one") and not post:
        nxt = re.match(r"\s+([a-z]+)", after)
        if nxt and nxt.group(1) not in ("or", "and", "of", "before", "after", "in", "to", "for", "when", "while",
                                         "as", "until", "the", "later", "earlier", "ago"):
            return None  # "a second group", "a second term": the ordinal
    if numtxt in ("a", "an", "one") and not g["pl"] and det is None and post is None and not qm:
        # "once a day" is a SET (rule SET); "a day" alone is a weak duration
        prev = doc.text[max(0, m.start() - 8): m.start()].lower()
        if re.search(r"(?:once|twice|times|per|\d)\s*$", prev):
            return None
        if numtxt in ("a", "an") and _RATE.search(doc.text[max(0, m.start() - 40): m.start()]):
            # "$2 million a year", "700 seats a week", "24 hours a day": a rate, which TimeML
            # marks as a SET with the unit's period
            return "SET", _duration_value(1, unit), None
    if g["num2"]:
        n = n + 0.5 if (n is not None and _norm(m.group(0)[m.end("num") - m.start():m.start("num2") - m.start()]) == "and"
                        and _num(g["num2"]) == 0.5) else None  # "two and a half years"
    if g["half"] and n is not None:
        n += 0.5  # "a minute and a half"
    if numtxt in ("some",) and g["qm"] is None:
        qm = None
    if n is not None and g["pl"] and n == 1 and numtxt in ("a", "an"):
        return None
    if numtxt in ("many", "some", "several", "a few", "few", "a number of") and post is None and not g["pl"]:
        return None
    if post in ("ago", "earlier", "later", "before", "from now", "hence"):
        sign = -1 if post in ("ago", "earlier", "before") else 1
        a = doc.anchor
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
        base = doc.ref if post in ("earlier", "later", "before") and doc.ref else a.date
        k = int(n) if n == int(n) else None
        if k is None:
            return "DURATION", _duration_value(n, unit), qm
        if unit in ("second", "minute", "hour"):
            return "DURATION", _duration_value(n, unit), qm
        if a.year is None:
            return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(unit, "XXXX-XX-XX"), qm
        if unit in ("year", "decade", "century"):
            mult = {"year": 1, "decade": 10, "century": 100}[unit]
            if unit == "year" and doc.last_quarter and doc.last_value and "-Q" in doc.last_value:
                qy, qn = doc.last_quarter
                return "DATE", f"{qy + sign * k:04d}-Q{qn}", qm
            y0 = base.year if base else a.year
            if post != "ago" and doc.last_written_year is not None:
                y0 = doc.last_written_year  # "elected in 2008 and re-elected four years later"
            return "DATE", f"{y0 + sign * k * mult:04d}", qm
        if unit == "quarter" and a.month:
            q = cal.quarter_of(a.month) - 1 + sign * k
            y = a.year + q // 4
            return "DATE", f"{y:04d}-Q{q % 4 + 1}", qm
        if base is None:
            if a.month and unit == "month":
                d = cal.shift(date(a.year, a.month, 1), months=sign * k)
                return "DATE", cal.fmt_month(d.year, d.month), qm
            return "DATE", f"{a.year:04d}", qm
        if unit == "month":
            d = cal.shift(base, months=sign * k)
            return "DATE", cal.fmt_month(d.year, d.month), qm
        if unit in ("week", "fortnight"):
            d = base + timedelta(weeks=sign * k * (2 if unit == "fortnight" else 1))
            return "DATE", cal.fmt_week(d), qm
        if unit in ("day", "night"):
            d = base + timedelta(days=sign * k)
            return "DATE", cal.fmt_day(d), qm
        return "DATE", cal.fmt_day(base), qm
    if post == "or so":
        qm = qm or "APPROX"
    if g["old"]:
        return None  # ages ("6-year-old") are not TIMEX3 in TimeML
    if g["qm"] and det and det.startswith("the"):  # "over the last two weeks": a preposition
        return "DURATION", _duration_value(n, unit), None, m.start("det"), m.end()
    if g["sep"] == "-" and det == "the" and not qm:
        return "DURATION", _duration_value(n, unit), None, m.start("num"), m.end()
    if g["old"]:
        return None  # ages ("6-year-old") are not TIMEX3 in TimeML
    if det in ("the past", "the last", "last", "past") and n == 1 and not g["pl"] and numtxt in ("a", "an", "one"):
        return None
    return "DURATION", _duration_value(n, unit), qm


def _h_bare(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    unit = _unit_key(g["unit"])
    if g["ago"]:
        return "DATE", "PAST_REF", None
    if (g["cue"] or "").lower() == "recent" and unit in ("year", "decade"):
        return "DATE", "PAST_REF", None  # "in recent years": a vague past time (TBAQ gold 4 to 1)
    return "DURATION", _duration_value(None, unit), None


def _h_quarter(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    q = g["q"].lower()
    if q == "period":  # "the year-earlier period", "the 1988 period": a quarter when quarters are talked of
        if not (g["adj"] or g["y"]) or not doc.last_quarter:
            return None
        q = "quarter"
    ordv = ORDINALS.get((g["ord"] or "").lower())
    adj = _norm(m.group(0))
    if not (g["det"] or g["ord"] or g["y"] or g["yp"] or g["adj"]):
        return None
    a = doc.anchor
    rel_adj = (g["adj"] or "").lower()
    if not (g["ord"] or g["det"] or g["y"] or g["yp"]) and q == "quarter" and rel_adj in (
            "last", "previous", "prior", "this", "current", "next", "coming"):
        # "last quarter", "this quarter", "next quarter": calendar quarters around the publication date
        if rel_adj == "this" and doc.last_quarter:  # "This quarter's loss", after the results named one
            return "DATE", f"{doc.last_quarter[0]:04d}-Q{doc.last_quarter[1]}", None
        if a.year is None or a.month is None:
            return "DATE", "XXXX-QX", None
        step = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}.get(rel_adj, 0)
        k = a.year * 4 + cal.quarter_of(a.month) - 1 + step
        doc.last_quarter = (k // 4, k % 4 + 1)
        return "DATE", f"{k // 4:04d}-Q{k % 4 + 1}", None
    if not g["ord"] and not g["det"] and not g["y"] and not g["yp"]:
        return None
    if q == "half":
        if ordv is None or ordv > 2 and (g["ord"] or "").lower() != "last":
            return None
        h = 2 if (g["ord"] or "").lower() in ("last", "second", "2nd") else 1
        y = int(g["y"] or g["y2"] or 0) or (a.year if a.year else None)
        if g["yrel"] and a.year:
            y = a.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
        return "DATE", f"{y:04d}-H{h}" if y else f"XXXX-H{h}", None
    y = None
    if g["y"] or g["y2"]:
        y = int(g["y"] or g["y2"])
    elif g["yp"] and a.year:
        y = a.year + {"this": 0, "last": -1, "next": 1}[g["yp"].lower()]
    elif g["yrel"] and a.year:
        y = a.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
    year_back = 1 if ("year-earlier" in adj or "year-ago" in adj) else 0
    if ordv is None:
        if (g["ord"] or "").lower() == "last":
            ordv = None
        if doc.last_quarter:
            y, ordv = (y or doc.last_quarter[0]), doc.last_quarter[1]
        elif a.month and a.year:
            qn = cal.quarter_of(a.month) - (0 if "current" in adj else 1)
            y2 = a.year
            if qn == 0:
                qn, y2 = 4, y2 - 1
            y, ordv = (y or y2), qn
        else:
            return "DATE", "XXXX-QX", None
    if y is None:
        if a.year is None:
            return "DATE", f"XXXX-Q{ordv}", None
        y = a.year
        if g["ord"] and a.month and ordv > cal.quarter_of(a.month) and doc.direction(m.start(), m.end()) < 0:
            y -= 1  # "reported fourth-quarter results" in March: the quarter just ended
    if year_back:
        return "DATE", f"{y - 1:04d}-Q{ordv}", None
    if g["det"] and g["ord"] and "-" in m.group(0)[m.start("ord") - m.start():]:
        doc.last_quarter = (y, ordv)  # "the third-quarter loss": the article belongs to the noun
        return "DATE", f"{y:04d}-Q{ordv}", None, m.start("ord"), m.end()
    doc.last_quarter = (y, ordv)
    return "DATE", f"{y:04d}-Q{ordv}", None


def _h_qnote(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    if g["h"] or g["h2"]:  # "H1 2019": a half year; without a year only after a preposition ("in H2")
        h = int(g["h"] or g["h2"])
        if g["y"] or g["y2"]:
            y = int(g["y"]) if g["y"] else (2000 + int(g["y2"]) if int(g["y2"]) < 50 else 1900 + int(g["y2"]))
        else:
            if not re.search(r"\b(?:in|for|during|by)\s+$", doc.text[max(0, m.start() - 8): m.start()], re.I):
                return None
            if doc.anchor.year is None:
                return "DATE", f"XXXX-H{h}", None
            y = doc.anchor.year
            if doc.anchor.month and h == 2 and doc.anchor.month <= 6 and doc.direction(m.start(), m.end()) < 0:
                y -= 1  # "reported H2 results" in the spring: last year's second half
        return "DATE", f"{y:04d}-H{h}", None
    q = int(g["q"] or g["q2"])
    if g["y"]:
        y = int(g["y"])
    elif g["y2"]:
        y = 2000 + int(g["y2"]) if int(g["y2"]) < 50 else 1900 + int(g["y2"])
    elif doc.anchor.year is None:
        return "DATE", f"XXXX-Q{q}", None
    else:
        y = doc.anchor.year
        if doc.anchor.month and q > cal.quarter_of(doc.anchor.month) and doc.direction(m.start(), m.end()) < 0:
            y -= 1
    doc.last_quarter = (y, q)
    return "DATE", f"{y:04d}-Q{q}", None


def _words_back(text: str, start: int, width: int) -> list[str]:
    """The words of the ``width`` characters before ``start`` in its sentence, lower-cased, nearest first."""
    before = text[max(0, start - width): start]
    cut = None
    for cut in _SENT_END.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end():]
    return [w.lower() for w in _WORD.findall(before)][::-1]


def _past_form(w: str) -> bool:
    """Whether a lower-cased word reads as a past tense: a regular -ed form or an irregular past."""
    return (len(w) > 4 and w.endswith("ed") and w not in _NOT_ED) or w in _IRREGULAR_PAST


def _past_verb_before(text: str, start: int) -> bool:
    """Whether one of the six words before ``start`` (in its sentence) is a past-tense verb, with no
    modal or future cue nearer ("passed the budget shortly before midnight"; not "will begin at midnight")."""
    for w in _words_back(text, start, 60)[:6]:
        if w in FUTURE_CUES or w in _MODALS or w in ("to", "is", "are", "be"):
            return False
        if _past_form(w):
            return True
    return False


def _h_time(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    if g["midpod"]:  # "mid-afternoon": the part of the day of the day in focus
        d = doc.ref or doc.anchor.date
        pod = PARTS_OF_DAY[re.sub(r"^mid[\s-]?", "", g["midpod"].lower())]
        return "TIME", f"{cal.fmt_day(d) if d else 'XXXX-XX-XX'}T{pod}", None
    if g["noon"]:
        h, mi = (24, 0) if g["noon"].lower() == "midnight" else (12, 0)
        if h == 24 and re.search(r"\b(?:after|past)\s+$", doc.text[max(0, m.start() - 12): m.start()], re.I):
            h = 0  # "just after midnight": the midnight that begins the day, not the one that ends it
    elif g["h3"]:
        h, mi = int(g["h3"]), 0
    elif g["h4"]:  # "1640 UTC", "0800 GMT": a 24-hour clock without a colon
        if doc.text[max(0, m.start() - 1): m.start()] == "(":
            return None  # "10:35 a.m. (0735 GMT)": a restatement of the time before it
        h, mi = int(g["h4"]), int(g["mi4"])
    elif g["h"]:
        h, mi = int(g["h"]), int(g["mi"] or 0)
        ap = g["ap"].lower()
        if h > 12 or h == 0:
            return None
        if ap.startswith("p") and h != 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
    else:
        h, mi = int(g["h2"]), int(g["mi2"])
        if not g["tz"]:
            # "3:2" scores and "10:30" bible verses look alike; want a time cue nearby
            ctx = doc.text[max(0, m.start() - 20): m.start()].lower()
            if not re.search(r"\b(?:at|by|until|from|around|about|before|after)\s*$", ctx):
                return None
    if h > 24:
        return None
    d = doc.ref or doc.anchor.date
    if h == 24 and d is not None and d == doc.anchor.date and _past_verb_before(doc.text, m.start()):
        # a past deed "shortly before midnight" on the report's own day: the midnight that began it
        d = d - timedelta(days=1)
    day = cal.fmt_day(d) if d else "XXXX-XX-XX"
    return "TIME", f"{day}T{h:02d}:{mi:02d}", None


def _h_set(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    if g["adv"]:
        w = g["adv"].lower()
        v = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
             "annual": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
             "biannual": "P6M", "semiannual": "P6M", "bimonthly": "P2M"}[w]
        return "SET", v, None
    if g["times"]:
        return "SET", _duration_value(1, _unit_key(g["unit2"])), None
    u = g["unit"]
    lu = u.lower().rstrip(".")
    if lu in WEEKDAYS:
        return "SET", f"XXXX-WXX-{_weekday(u)}", None
    if lu in PARTS_OF_DAY:
        return "SET", f"TXX{PARTS_OF_DAY[lu]}" if False else f"T{PARTS_OF_DAY[lu]}", None
    if lu in SEASONS:
        return "SET", f"XXXX-{SEASONS[lu]}", None
    if lu == "weekend":
        return "SET", "XXXX-WXX-WE", None
    unit = _unit_key(u)
    if unit not in UNITS:
        return None
    n = _num(g["num"]) if g["num"] else 1
    return "SET", _duration_value(n, unit), None


def _h_holiday(doc: _Doc, m: re.Match) -> tuple | None:
    name = _norm(m.group("h")).replace("’", "'")
    y = int(m.group("y")) if m.group("y") else doc.anchor.year
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14), "independence day": (7, 4)}
    if name in fixed:
        mo, d = fixed[name]
        if y is None:
            return "DATE", f"XXXX-{mo:02d}-{d:02d}", None
        if not m.group("y"):
            return "DATE", _resolve_month_day(doc, mo, d, m.start(), m.end()), None
        return "DATE", cal.fmt_day(date(y, mo, d)), None
    if y is None:
        return None

    def day_of(y: int) -> date | None:
        if name.startswith("thanksgiving"):
            return cal.nth_weekday(y, 11, 4, 4)
        if name == "labor day":
            return cal.nth_weekday(y, 9, 1, 1)
        if name == "memorial day":
            last = cal.nth_weekday(y, 5, 1, 4)
            return last + timedelta(days=7) if (last + timedelta(days=7)).month == 5 else last
        if name in ("easter", "easter sunday"):
            from dateutil.easter import easter

            return easter(y)
        return None

    d = day_of(y)
    if d is None:
        return None
    if not m.group("y"):  # the year the tense points at, as for "April 12"
        v = _resolve_month_day(doc, d.month, d.day, m.start(), m.end())
        if v[:4].isdigit() and int(v[:4]) != y:
            d = day_of(int(v[:4]))
    return "DATE", doc.day_value(d), None


def _h_spelled_year(doc: _Doc, m: re.Match) -> tuple | None:
    c = _norm(m.group("c"))
    rest = _num(m.group("rest")) if m.group("rest") else None
    if c == "nineteen":
        if rest is None:
            return None  # plain "nineteen" is a count
        return "DATE", f"{1900 + int(rest):04d}", None
    if not m.group(0).lower().startswith("the year") and rest is None:
        return None  # "two thousand" alone is a count
    return "DATE", f"{2000 + int(rest or 0):04d}", None


def _h_yearago(doc: _Doc, m: re.Match) -> tuple | None:
    if doc.last_quarter:  # results of a quarter are being compared: the same quarter a year before
        y, q = doc.last_quarter
        return "DATE", f"{y - 1:04d}-Q{q}", None
    if doc.anchor.year is None:
        return "DATE", "XXXX", None
    return "DATE", f"{doc.anchor.year - 1:04d}", None


def _h_season_year(doc: _Doc, m: re.Match) -> tuple | None:
    g = m.groupdict()
    code = SEASONS[g["s"].lower()]
    mod = _pre_mod(g["pre"])
    if g["y"]:
        return "DATE", f"{int(g['y'])}-{code}", mod
    if doc.anchor.year is None:
        return "DATE", f"XXXX-{code}", mod
    return "DATE", f"{doc.anchor.year + {'last': -1, 'next': 1, 'this': 0}[g['post'].lower()]}-{code}", mod


_CENT_WORDS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
     "twentieth", "twenty first"], start=1)}


def _h_century(doc: _Doc, m: re.Match) -> tuple | None:
    """"the 20th century" -> 19 (TIMEX3 writes a century as its first two digits)."""
    n_txt = _norm(m.group("n")).replace("-", " ")
    n = int(re.match(r"\d+", n_txt).group()) if n_txt[0].isdigit() else _CENT_WORDS.get(n_txt)
    if not n or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", _pre_mod(m.group("pre"))


def _h_yearend(doc: _Doc, m: re.Match) -> tuple | None:
    """"by year-end": the end of the publication year (mod END); after "since"/"from", or told in the
    past in January, the end of the year before."""
    y = doc.anchor.year
    if y is None:
        return "DATE", "XXXX", "END"
    before = doc.text[max(0, m.start() - 8): m.start()].lower()
    if re.search(r"\b(?:since|from)\s+$", before) or (
            not re.search(r"\b(?:by|until|till|before|around)\s+$", before)
            and doc.anchor.month == 1 and doc.direction(m.start(), m.end()) < 0):
        y -= 1
    return "DATE", f"{y:04d}", "END"


def _h_dayrange(doc: _Doc, m: re.Match) -> list | None:
    """"April 24 and 25", "March 3-5, 2020": two timexes, as TimeML marks each end of a range; the
    second day takes the first one's month and year."""
    mo = _month(m.group("m"))
    d1, d2 = (int(re.match(r"\d+", m.group(k)).group()) for k in ("d1", "d2"))
    if not d1 < d2 <= 31 or re.match(r"\s*(?:%|percent\b|per\b|points?\b|[a-z]+s\b)", doc.text[m.end():m.end() + 12]):
        return None  # "May 5 to 10 people": not a second day
    if m.group("y"):
        y = int(m.group("y"))
        if not (cal.valid_day(y, mo, d1) and cal.valid_day(y, mo, d2)):
            return None
        v1 = doc.day_value(date(y, mo, d1))
    else:
        v1 = _resolve_month_day(doc, mo, d1, m.start(), m.end())
    first_end = m.end("d1")
    if not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", v1):
        return None
    if v1[:4].isdigit():
        if not cal.valid_day(int(v1[:4]), mo, d2):
            return None
        v2 = doc.day_value(date(int(v1[:4]), mo, d2))
    else:
        v2 = f"XXXX-{mo:02d}-{d2:02d}"
    return [("DATE", v1, None, m.start(), first_end), ("DATE", v2, None, m.start("d2"), m.end())]


def _h_weekof(doc: _Doc, m: re.Match) -> tuple | None:
    """"the week of March 6", "the week ended March 4": the ISO week holding that day (its weekend for
    "the weekend of")."""
    mo, d = _month(m.group("m")), int(re.match(r"\d+", m.group("d")).group())
    if m.group("y"):
        if not cal.valid_day(int(m.group("y")), mo, d):
            return None
        v = doc.day_value(date(int(m.group("y")), mo, d))
    else:
        v = _resolve_month_day(doc, mo, d, m.start(), m.end())
    weekend = (m.group("we") or "").lower() == "weekend"
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return "DATE", "XXXX-WXX" + ("-WE" if weekend else ""), None
    w = cal.fmt_week(date(int(v[:4]), int(v[5:7]), int(v[8:])))
    return "DATE", w + ("-WE" if weekend else ""), None


_HANDLERS = {
    "weekof": _h_weekof, "dayrange": _h_dayrange,
    "century": _h_century, "yearend": _h_yearend,
    "season_year": _h_season_year,
    "yearago": _h_yearago,
    "spelled_year": _h_spelled_year,
    "fulldate": _h_fulldate, "month": _h_month, "weekday": _h_weekday, "numeric": _h_numeric,
    "year": _h_year, "deictic": _h_deictic, "relunit": _h_relunit, "duration": _h_duration,
    "bare": _h_bare, "quarter": _h_quarter, "qnote": _h_qnote, "time": _h_time, "set": _h_set, "holiday": _h_holiday,
}
# rules that need one literal word (lower-cased) to match at all
_KEYWORD = {"century": "century", "yearend": "year", "weekof": "week"}
# rule order breaks ties between equally long matches
_PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}


def tag(text: str, dct: str | None) -> list[Timex]:
    """Every time expression in ``text`` with its TIMEX3 type, value and mod, normalised against
    the publication date ``dct`` (ISO date or date-time, a bare year, or None)."""
    cands: list[tuple[int, int, int, str, re.Match]] = []
    low = text.lower()
    for name, rx in RULES:
        if name in _KEYWORD and _KEYWORD[name] not in low:
            continue  # a rule that cannot match without its keyword: skip the scan
        for m in rx.finditer(text):
            s, e = m.span()
            if e > s:
                cands.append((s, e, _PRIORITY[name], name, m))
    if not cands:
        return []
    # longest match wins; among equals the earlier rule
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    rejected: set[int] = set()
    for _ in range(8):
        out, newly = _select_and_resolve(text, dct, cands, rejected)
        if not newly:
            return out
        rejected |= newly
    return out


def _select_and_resolve(text, dct, cands, rejected):
    taken = []
    occupied = bytearray(len(text) + 1)
    for i, (s, e, _, name, m) in enumerate(cands):
        if i in rejected or any(occupied[s:e]):
            continue
        taken.append((s, e, name, m, i))
        occupied[s:e] = b"\x01" * (e - s)
    taken.sort(key=lambda c: c[0])
    doc = _Doc(text, dct)
    out: list[Timex] = []
    newly: set[int] = set()
    for s, e, name, m, i in taken:
        r = _HANDLERS[name](doc, m)
        if r is None:
            newly.add(i)
            continue
        if isinstance(r, list):  # a rule that yields several timexes ("April 24 and 25"): each is whole
            for typ, value, mod, s2, e2 in r:
                out.append(Timex(start=s2, end=e2, text=text[s2:e2], type=typ, value=value, mod=mod))
            doc.last_value = r[-1][1]
            doc.last_written_year = None
            continue
        typ, value, mod = r[:3]
        if len(r) == 5:
            s, e = r[3], r[4]
        doc.last_value = value
        doc.last_written_year = int(value) if name in ("year", "spelled_year") and re.fullmatch(r"\d{4}", value) else None
        if typ == "DATE" and value[:4].isdigit():
            doc.last_year = int(value[:4])
            if re.match(r"\d{4}-[01]\d", value):
                doc.focus_month = (int(value[:4]), int(value[5:7]))
        if name in ("fulldate", "numeric", "weekday", "month", "relunit"):
            doc.last_quarter = None
        out.append(Timex(start=s, end=e, text=text[s:e], type=typ, value=value, mod=mod))
    return _merge_clock_and_day(text, out), newly


_CLOCK = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(T\d\d:\d\d|T(?:MO|AF|EV|NI))$")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
# what may stand between a clock time and "on <day>": "4:25 p.m. local time (2125 GMT) on Tuesday"
_CLOCK_ON_DAY = re.compile(r",?[ \t]+(?:local[ \t]+time[ \t]+)?(?:\([^()\n]{1,24}\)[ \t]+)?on[ \t]+")


_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)")


def _merge_clock_and_day(text: str, out: list[Timex]) -> list[Timex]:
    """"10 p.m. Wednesday", "5 p.m. EST, Nov. 9": one TIMEX3 of type TIME, as TimeML marks a
    clock time with the day right after it."""
    merged: list[Timex] = []
    i = 0
    while i < len(out):
        a = out[i]
        b = out[i + 1] if i + 1 < len(out) else None
        cm = _CLOCK.match(a.value) if a.type == "TIME" else None
        if cm and b is not None and (b.type == "DATE" and _DAY.match(b.value) or b.type == "TIME" and _DAY.match(
                b.value[:10]) and _PART_OF_DAY.fullmatch(b.value[10:]) and cm.group(1)[1:2].isdigit()) and not b.mod \
                and re.fullmatch(r",?[ \t]+", text[a.end:b.start]):
            # (and "5:08 p.m. Thursday night": the clock time on that day)
            merged.append(Timex(start=a.start, end=b.end, text=text[a.start:b.end], type="TIME",
                                value=b.value[:10] + cm.group(1), mod=a.mod))
            i += 2
            continue
        if cm and b is not None and b.type == "DATE" and _DAY.match(b.value) and not b.mod \
                and _CLOCK_ON_DAY.fullmatch(text[a.end:b.start]):
            # "3 p.m. on Monday": two timexes ("on" is a signal), the clock time dated by the day
            a = Timex(start=a.start, end=a.end, text=a.text, type=a.type, value=b.value + cm.group(1), mod=a.mod)
        merged.append(a)
        i += 1
    return merged


def tense(text: str, start: int, end: int) -> int:
    """The tense the text speaks of the expression at ``start:end`` in, as the tagger reads it to
    resolve dates: +2 future by a tense cue, +1 future by a weaker cue, -2 past by a tense cue, -1
    past only by default (reporting verb, bare -ed word, or nothing)."""
    return _Doc(text, None).cue_direction(start, end)
