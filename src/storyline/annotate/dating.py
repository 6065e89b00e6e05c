"""When was an undated article written? An estimate from its own words.

``estimate(text, timexes)`` reads the time expressions tagged *without* a publication date
(``timex.tag(text, None)``) and how the text speaks of each (``timex.tense``: the tagger's own
tense reader), and turns them into clues about the writing date D:

* a date named with its year ("on Feb. 29, 2020", "in March 1998", "1997"), spoken of in the past,
  in the future or with no tense cue: how far D lies from it (``day:past``, ``year:future`` ...);
* a month and day or a month named without a year ("on Oct. 19", "in March"): how far D lies from
  its nearest occurrence, whatever the year (``md:*``, ``m:*``);
* an anniversary of a dated happening ("the second anniversary of the 2019 deal") and a span of
  time that has passed since one ("arrives a year after ... the merger", "opened two years ago"):
  D lies that long after it (``anniv``, ``since``). A happening named without its date is tied to
  a dated mention elsewhere in the article that shares a content word with it ("a year after ...
  completed the merger" and "the March 2019 merger").

Each clue class has a distribution of (D - the date it names), in days, learned on training
articles (``scripts/train_dating.py`` writes ``dating_model.json``); the estimate is the day that
makes all clues most likely together (naive Bayes over candidate days in the years the clues
name), with a range that holds most of the (tempered) posterior, given at the granularity that range
supports (a day, a month, a year). The article is left undated when no clue names a year, or when
the posterior puts too little mass on one year (abstaining is better than a wrong year).
Hand-written: the clue reading; the numbers are learned. Cue words are data (``dating_cues.json``).
"""
from __future__ import annotations

import calendar
import json
import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from dateutil.relativedelta import relativedelta

from storyline.model import Annotations, DateEstimate, Timex

_HERE = Path(__file__).parent
CUES = json.loads((_HERE / "dating_cues.json").read_text(encoding="utf-8"))
MODEL_PATH = _HERE / "dating_model.json"
TENSES = {-2: "past", -1: "plain", 1: "future", 2: "future"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_SENT = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n+")
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([YMWD])$")
_MIN_YEAR, _MAX_YEAR = 1800, 2100
_WRITTEN_YEAR = re.compile(r"\d{4}|'\d\d\b|\b(?:nineteen|two thousand|twenty)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Clue:
    """One thing the text says about when it was written."""

    kind: str  # the clue class, e.g. "day:past", "md:plain", "anniv", "since"
    start: int  # the expression it rests on, in the text
    end: int
    text: str  # that expression
    sentence: str  # its sentence
    lo: date  # the span of days it names (for anniversaries and spans since: shifted by them)
    hi: date
    periodic: bool = False  # a month and day or month without a year: any year's
    open_count: bool = False  # an anniversary whose count is not said: any number of years >= 1
    weekday: int | None = None  # a periodic day named with its weekday ("Monday, Oct. 26"): only the years it fits
    ref: Timex | None = None  # anniversaries and spans since: the dated mention of the happening they count from


# -- reading clues -------------------------------------------------------------------------------

def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start() + 1))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return pos, pos


def _span(value: str) -> tuple[str, date, date] | None:
    """(granularity, first day, last day) of a date value that names its year; None otherwise."""
    v = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return "day", d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return "month", date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return "month", date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        if m := re.fullmatch(r"(\d{4})", v):
            return "year", date(int(v), 1, 1), date(int(v), 12, 31)
    except ValueError:
        return None
    return None


def _periodic(value: str) -> tuple[str, int, int | None] | None:
    """("md", month, day) for XXXX-MM-DD, ("m", month, None) for XXXX-MM."""
    if m := re.fullmatch(r"XXXX-(\d{2})-(\d{2})", value):
        return "md", int(m[1]), int(m[2])
    if m := re.fullmatch(r"XXXX-(\d{2})", value):
        return "m", int(m[1]), None
    return None


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?\s+(?:the\s+)?\S+\s+\d", re.IGNORECASE)
_WEEKDAY_NO = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}


def _weekday(s: str) -> int | None:
    """The weekday named right before a month and day ("Monday, Oct. 26"), if any."""
    m = _WEEKDAY.search(s)
    return _WEEKDAY_NO[m[1].lower()] if m else None


@lru_cache(maxsize=4096)
def _fitting_years(month: int, day: int, weekday: int) -> tuple[int, ...]:
    """The years in which the month and day fall on the weekday."""
    return tuple(y for y in range(_MIN_YEAR - 12, _MAX_YEAR + 13)
                 if calendar.isleap(y) or (month, day) != (2, 29)
                 if date(y, month, day).isoweekday() == weekday)


def _word_form(w: str) -> str:
    """A word as the dating keys read it: in lower case, without its possessive."""
    w = w.lower()
    return w.rstrip("'’s") if w.endswith(("'s", "’s")) else w.rstrip("'’")


def _stem(w: str) -> str:
    return w[:-1] if w.endswith("s") and len(w) > 4 else w


def _words(s: str) -> set[str]:
    """The content words of a text: no stop word (``dating_cues.json``), four letters or more, no plural s."""
    stop = _stop_words()
    out = set()
    for w in _WORD.findall(s):
        w = _word_form(w)
        if w in stop or len(w) < 4:
            continue
        out.add(_stem(w))
    return out


_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[.,;:!?()\[\]\"“”]")


def phrases(s: str) -> set[str]:
    """The runs of two and three words in a row of a text (no punctuation between) that begin and end
    with a content word of three letters or more: "chelsea explosion", "basket of deplorable". A
    phrase names a thing of its time more narrowly than its words alone do."""
    stop = _stop_words()
    toks = [_word_form(t) if t[0].isalpha() else "" for t in _RUN.findall(s)]
    content = [bool(t) and t not in stop and len(t) >= 3 for t in toks]
    forms = [_stem(t) for t in toks]
    out = set()
    for i in range(len(toks) - 1):
        if content[i] and content[i + 1]:
            out.add(f"{forms[i]} {forms[i + 1]}")
        if i + 2 < len(toks) and content[i] and toks[i + 1] and content[i + 2]:
            out.add(f"{forms[i]} {forms[i + 1]} {forms[i + 2]}")
    return out


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(CUES["stop_words"])


def _shift(d: date, value: str, sign: int = 1) -> date | None:
    m = _DURATION.match(value)
    if not m:
        return None
    n = float(m[1])
    if n != int(n) or n > 200:
        return None
    n = int(n) * sign
    unit = m[2]
    try:
        return d + relativedelta(**{{"Y": "years", "M": "months", "W": "weeks", "D": "days"}[unit]: n})
    except (ValueError, OverflowError):
        return None


def text_clues(text: str) -> list[Clue]:
    """The clues of an article read alone: :func:`clues` over its time expressions tagged with no
    publication date."""
    from .timex import tag

    return clues(text, tag(text, None))


def clues(text: str, timexes: list[Timex]) -> list[Clue]:
    """Every clue the text gives about its writing date (see the module's docstring)."""
    from .timex import tense

    sents = _sentences(text)
    out: list[Clue] = []
    dated: list[tuple[Timex, str, date, date]] = []  # timexes naming a year, for the clues that refer back
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        sp = _span(t.value)
        s, e = _sentence_of(sents, t.start)
        sentence = text[s:e]
        if sp is not None:
            gran, lo, hi = sp
            if not _MIN_YEAR <= lo.year <= _MAX_YEAR:
                continue
            kind = f"{gran}:{TENSES[tense(text, t.start, t.end)]}"
            if t.mod in ("BEFORE", "AFTER"):
                continue  # "before 2010": no span of its own
            if gran in ("day", "month"):
                dated.append((t, sentence, lo, hi))
            if _WRITTEN_YEAR.search(t.text):  # "that day", "the February deal": dated from another mention
                out.append(Clue(kind, t.start, t.end, t.text, sentence, lo, hi))
            continue
        per = _periodic(t.value)
        if per is not None:
            kind = f"{per[0]}:{TENSES[tense(text, t.start, t.end)]}"
            mo, day = per[1], per[2]
            if day is not None and not 1 <= day <= 31:
                continue
            # the span of the occurrence in a leap year: shifted to the right year when scored
            try:
                lo = date(2000, mo, day or 1)
                hi = date(2000, mo, day or calendar.monthrange(2000, mo)[1])
            except (ValueError, calendar.IllegalMonthError):
                continue  # no such day in any year
            wd = _weekday(text[max(s, t.start - 12): t.end]) if day is not None else None
            if wd is not None:
                kind = "mdw:" + kind.split(":")[1]
            out.append(Clue(kind, t.start, t.end, t.text, sentence, lo, hi, periodic=True, weekday=wd))
    out.extend(_anniversaries(text, sents, timexes, dated))
    out.extend(_spans_since(text, sents, timexes, dated))
    out.sort(key=lambda c: (c.start, c.end, c.kind))
    return out


def _referent(sentence_range: tuple[int, int], after: int, words: set[str],
              dated: list[tuple[Timex, str, date, date]], text: str) -> tuple[Timex, date, date] | None:
    """The dated happening a clue refers to: a dated mention later in the same sentence, else the
    dated mention elsewhere whose own words (the few right around it: "the February 2020 deal",
    "signed ... on Feb. 29, 2020") share the most content words with the clue's (ties: the first)."""
    s, e = sentence_range
    for t, _, lo, hi in dated:
        if after <= t.start < e:
            return t, lo, hi
    best, best_n = None, 0
    for t, _, lo, hi in dated:
        if s <= t.start < e:
            continue
        n = len(words & _around(text, t.start, t.end))
        if n > best_n:
            best, best_n = (t, lo, hi), n
    return best


def _around(text: str, start: int, end: int) -> set[str]:
    """Content words of the few words before and after an expression, within its clause."""
    before = re.split(r"[,;:.!?()]", text[max(0, start - 60): start])[-1]
    after = re.split(r"[,;:.!?()]", text[end: end + 40])[0]
    return _words(" ".join(before.split()[-4:]) + " " + " ".join(after.split()[:3]))


def _clause_after(text: str, pos: int, end: int) -> set[str]:
    """Content words of the clause that starts at ``pos`` (up to a comma or the sentence end)."""
    return _words(re.split(r"[,;:.!?()]", text[pos:end])[0])


def _anniversaries(text, sents, timexes, dated) -> list[Clue]:
    out = []
    heads = set(CUES["anniversary_head"])
    ordinals = CUES["ordinals"]
    for m in re.finditer(r"\b(" + "|".join(sorted(heads)) + r")\b", text, re.IGNORECASE):
        s, e = _sentence_of(sents, m.start())
        before = [w.lower() for w in _WORD.findall(text[max(s, m.start() - 40): m.start()])]
        before += [str(int(x)) + "th" for x in re.findall(r"\b(\d+)(?:st|nd|rd|th)\b", text[max(s, m.start() - 12): m.start()])]
        n = next((ordinals[w] for w in reversed(before[-3:]) if w in ordinals), None)
        ref = _referent((s, e), m.end(), _clause_after(text, m.end(), e), dated, text)
        if ref is None:
            continue
        t, lo, hi = ref
        if n is not None:
            lo, hi = lo + relativedelta(years=n), hi + relativedelta(years=n)
        out.append(Clue("anniv", m.start(), m.end(), text[m.start():m.end()] + f" of {t.text}", text[s:e], lo, hi,
                        open_count=n is None, ref=t))
    return out


def _spans_since(text, sents, timexes, dated) -> list[Clue]:
    """"arrives a year after the merger", "six months since the flood", "opened two years ago"."""
    out = []
    now_words = set(CUES["since_now_words"])
    links = set(CUES["since_links"])
    found: list[tuple[Timex, str, tuple[int, int], set[str], tuple[Timex, date, date] | None]] = []
    for t in timexes:
        s, e = _sentence_of(sents, t.start)
        after = [w.lower() for w in _WORD.findall(text[t.end: min(e, t.end + 12)])]
        if t.type == "DURATION" and after and after[0] in links:
            before = [w.lower() for w in _WORD.findall(text[max(s, t.start - 25): t.start])]
            if not before or before[-1] not in now_words:
                continue
            value = t.value
        elif t.type == "DATE" and t.text.lower().endswith(tuple(CUES["ago"])):
            m = re.match(r"(?i)(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(year|month|week|day)s?\s+ago$",
                         t.text.strip())
            if not m:
                continue
            from .timex.lexicon import NUMBER_WORDS
            k = m[1].lower()
            n = int(k) if k.isdigit() else int(NUMBER_WORDS[k])
            value = f"P{n}{m[2][0].upper()}"
        else:
            continue
        found.append((t, value, (s, e), _clause_after(text, t.end, e),
                      _referent((s, e), t.end, _clause_after(text, t.end, e), dated, text)))
    for t, value, (s, e), words, ref in found:
        if ref is None and t.type == "DURATION":
            # the same span since the same happening, told again in other words ("arrives a year after
            # the two firms agreed to merge" ... "a year after ... completed the merger")
            ref = next((r for t2, v2, _, w2, r in found if r is not None and t2.type == "DURATION" and v2 == value
                        and words & w2), None)
        if ref is None:
            continue
        if t.type == "DATE" and not (t.end <= ref[0].start <= t.end + 25):
            continue  # "ago" dates what the clause tells, not another date of the sentence
        r, lo, hi = ref
        lo2, hi2 = _shift(lo, value), _shift(hi, value)
        if lo2 is None or hi2 is None:
            continue
        out.append(Clue("since", t.start, t.end, f"{t.text} … {r.text}", text[s:e], lo2, hi2, ref=r))
    return out


# -- scoring -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def load_model() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def offset(clue: Clue, d: date) -> int:
    """D - the clue's span, in days: 0 inside it, > 0 after it, < 0 before it. A periodic clue
    (no year) counts from its nearest occurrence; an anniversary of unsaid count from its nearest
    whole number of years (at least one)."""
    if clue.periodic:
        best = None
        years: tuple[int, ...] | range = range(d.year - 1, d.year + 2)
        if clue.weekday is not None:
            import bisect

            fit = _fitting_years(clue.lo.month, clue.lo.day, clue.weekday)
            i = bisect.bisect_left(fit, d.year)
            years = fit[max(0, i - 1): i + 1]
        for y in years:
            try:
                lo, hi = clue.lo.replace(year=y), clue.hi.replace(year=y)
            except ValueError:  # February 29 in a common year
                lo = hi = date(y, 3, 1)
            o = _off(lo, hi, d)
            if best is None or abs(o) < abs(best):
                best = o
        return best  # type: ignore[return-value]
    if clue.open_count:  # anniversary, count unsaid: n >= 1 years after the happening
        best = None
        for n in range(1, 101):
            try:
                lo, hi = clue.lo + relativedelta(years=n), clue.hi + relativedelta(years=n)
            except (ValueError, OverflowError):
                break
            o = _off(lo, hi, d)
            if best is None or abs(o) < abs(best):
                best = o
            if lo > d:
                break
        return best if best is not None else _off(clue.lo, clue.hi, d)
    return _off(clue.lo, clue.hi, d)


def _off(lo: date, hi: date, d: date) -> int:
    if d < lo:
        return (d - lo).days
    if d > hi:
        return (d - hi).days
    return 0


def bucket(off: int, edges: list[int]) -> str:
    """The signed bucket of an offset in days: "0", "+3" (edges[3] <= off < edges[4]), "-3" ..."""
    a = abs(off)
    if a == 0:
        return "0"
    for i in range(len(edges) - 1):
        if edges[i] <= a < edges[i + 1]:
            return f"{'+' if off > 0 else '-'}{i}"
    return f"{'+' if off > 0 else '-'}{len(edges) - 2}"


def _log_density(model: dict, kind: str, off: int, days: int = 1) -> float:
    """log P(D | the clue) per candidate day; ``days``: how many days the clue's span covers
    (D inside it shares the "0" bucket's probability among them)."""
    edges = model["edges"]
    b = bucket(off, edges)
    table = model["classes"].get(kind)
    if table is None:
        return 0.0  # a class never seen in training says nothing
    p = table.get(b, table["_floor"])
    width = days if b == "0" else edges[int(b[1:]) + 1] - edges[int(b[1:])]
    return math.log(p / width)


def _days(c: Clue) -> int:
    return (c.hi - c.lo).days + 1


def _candidates(cs: list[Clue], model: dict) -> list[date]:
    """Days every ``step`` days from the year before the latest clue that is not about the future,
    to ``horizon`` years after the latest clue: an article is written after what it tells as past,
    and may be written long after everything it names."""
    fixed = [c for c in cs if not c.periodic]
    if not fixed:
        return []
    past = [c.lo.year for c in fixed if not c.kind.endswith(":future")]
    last = max(c.hi.year for c in fixed)
    first = max(past) - 1 if past else min(c.lo.year for c in fixed) - 1
    first, last = max(first, _MIN_YEAR), min(last + model.get("horizon", 10), _MAX_YEAR)
    out = []
    step = timedelta(days=model.get("step", 3))
    d, end = date(first, 1, 1), date(last, 12, 31)
    while d <= end:
        out.append(d)
        d += step
    return out


def posterior(cs: list[Clue], model: dict | None = None) -> list[tuple[date, float]]:
    """(candidate day, tempered posterior probability), in date order. The same clue said
    several times counts at most ``max_repeat`` times."""
    model = model or load_model()
    cands = _candidates(cs, model)
    if not cands:
        return []
    scores = log_likelihood(cs, cands, model)
    top = max(scores)
    temp = model.get("temperature", 1.0)
    ps = [math.exp((s - top) / temp) for s in scores]
    z = sum(ps)
    return [(d, p / z) for d, p in zip(cands, ps)]


def log_likelihood(cs: list[Clue], days: list[date], model: dict) -> list[float]:
    """log P(the clues | the article was written on the day), for each of ``days`` (up to a
    constant). Clues about the same year (or the same month of any year) tell of one time the
    article is about: they count as one clue (the most specific of them), said at most
    ``max_repeat`` times, as they are no independent witnesses."""
    weights = model.get("weights", {})
    grouped: dict[tuple, list[Clue]] = {}
    for c in sorted(cs, key=lambda c: (_days(c), c.start)):
        key = ("periodic", c.kind, c.lo.month) if c.periodic else (c.kind.split(":")[0] in ("anniv", "since"), c.lo.year)
        grouped.setdefault(key, []).append(c)
    cap = model.get("max_repeat", 3)
    scores = [0.0] * len(days)
    for group in grouped.values():
        c = group[0]
        w = weights.get(c.kind, 1.0) * min(len(group), cap)
        n = _days(c)
        for i, d in enumerate(days):
            scores[i] += w * _log_density(model, c.kind, offset(c, d), n)
    return scores


def estimate(text: str, timexes: list[Timex], model: dict | None = None) -> DateEstimate | None:
    """The writing date of an article from its own words, or None where they do not tell it
    (no clue names a year, or no year holds enough of the posterior)."""
    model = model or load_model()
    cs = clues(text, timexes)
    return estimate_from_clues(cs, model)


def estimate_from_clues(cs: list[Clue], model: dict) -> DateEstimate | None:
    post = posterior(cs, model)
    if not post:
        return None
    by_year: dict[int, float] = {}
    for d, p in post:
        by_year[d.year] = by_year.get(d.year, 0.0) + p
    _, mass = max(sorted(by_year.items()), key=lambda kv: kv[1])
    if mass < model.get("min_year_mass", 0.0):
        return None
    point = max(post, key=lambda dp: (dp[1], -dp[0].toordinal()))[0]
    # the shortest range around the point that holds the wanted mass
    want = model.get("range_mass", 0.8)
    i = j = next(k for k, (d, _) in enumerate(post) if d == point)
    held = post[i][1]
    while held < want and (i > 0 or j < len(post) - 1):
        left = post[i - 1][1] if i > 0 else -1.0
        right = post[j + 1][1] if j < len(post) - 1 else -1.0
        if left >= right:
            i -= 1
            held += left
        else:
            j += 1
            held += right
    step = model.get("step", 3)
    lo, hi = post[i][0], post[j][0] + timedelta(days=step - 1)
    width = (hi - lo).days
    # no finer than the range, nor than the clue that pins the point best
    best = _ranked(cs, point, model)
    finest = min((_days(c) for c in best[:1] if not c.periodic), default=366)
    width = max(width, finest - 1)
    if width <= 7:
        gran, value = "day", point.isoformat()
    elif width <= 45:
        gran, value = "month", f"{point.year:04d}-{point.month:02d}"
    else:
        gran, value = "year", f"{point.year:04d}"
    evidence = _evidence(cs, point, model)
    return DateEstimate(lo.isoformat(), hi.isoformat(), gran, value, point.isoformat(), mass, evidence)


def _ranked(cs: list[Clue], point: date, model: dict) -> list[Clue]:
    """Clues naming a year first; those naming the writing time itself (anniversaries, spans since)
    first among them; then by their density at the point (ties: text order)."""
    weights = model.get("weights", {})
    return sorted(cs, key=lambda c: (c.periodic, c.kind not in weights,
                                     -_log_density(model, c.kind, offset(c, point), _days(c)), c.start))


def _evidence(cs: list[Clue], point: date, model: dict, n: int = 4) -> list[dict]:
    """The clues that pin the point most: the highest density there (ties: text order)."""
    ranked = _ranked(cs, point, model)
    out = []
    for c in ranked[:n] + [c for c in ranked[n:] if c.ref is not None]:
        rec = {"kind": c.kind, "text": c.text, "sentence": c.sentence.strip(), "start": c.start, "end": c.end}
        if c.ref is not None:
            rec["refers_to"] = {"start": c.ref.start, "end": c.ref.end, "text": c.ref.text, "value": c.ref.value}
        out.append(rec)
    return sorted(out, key=lambda e: (e["start"], e["kind"]))


# -- relative dates follow the estimate ----------------------------------------------------------

_OPEN = re.compile(r"^(?:XXXX-WXX-\d|XXXX-XX-XX|XXXX-WXX|PRESENT_REF)(T.*)?$")


def follow(text: str, est: DateEstimate, undated: list[Timex]) -> list[Timex]:
    """The article's timexes resolved against the estimate, at its granularity: tagged again with
    the estimate's value as the publication date; every value that differs from the one the text
    gave without a date is flagged ``estimated``, and a day the estimate cannot place ("on Sunday",
    "yesterday" in an article of "2021-02") takes the estimate's own value, flagged too."""
    from .timex import tag

    fixed = {(t.start, t.end, t.value) for t in undated}
    out = []
    for t in tag(text, est.value):
        if (t.start, t.end, t.value) in fixed and not _OPEN.match(t.value):
            out.append(t)
            continue
        if t.type in ("DATE", "TIME") and _OPEN.match(t.value) and t.value != "PRESENT_REF":
            t = replace(t, type="DATE", value=est.value)
        out.append(replace(t, estimated=True) if t.value != _undated_value(t, undated) else t)
    return out


def _undated_value(t: Timex, undated: list[Timex]) -> str | None:
    for u in undated:
        if (u.start, u.end) == (t.start, t.end):
            return u.value
    return None


def flag_estimated(dates: list[Timex | None], facts: list[Timex]) -> list[Timex | None]:
    """Dates taken from an estimated publication date (an event's "article" date, a figure's day)
    flagged ``estimated`` unless they are one of the article's own dates (``facts``)."""
    known = {(t.start, t.end, t.value) for t in facts if not t.estimated}
    return [d if d is None or d.estimated or (d.start, d.end, d.value) in known else replace(d, estimated=True)
            for d in dates]


def apply_estimate(text: str, ann: Annotations, est: DateEstimate) -> Annotations:
    """An undated article's annotations with an estimate that came later (from its story): its
    relative dates resolved against it (``follow``), the events and figures dated by them or by the
    article's date moved along, all flagged ``estimated``. The annotate stage does the same in
    ``pipeline.annotate_doc`` when the estimate comes from the article's own words."""
    from .timex import tag

    timexes = follow(text, est, tag(text, None))
    by_span = {(t.start, t.end): t for t in timexes}
    article_day = Timex(start=0, end=0, text="", type="DATE", value=est.value, estimated=True)

    def moved(d: Timex | None) -> Timex | None:
        if d is None:
            return None
        return by_span.get((d.start, d.end), d) if d.text else article_day

    events = []
    for m in ann.events:
        if m.date is None:
            events.append(replace(m, date=article_day, date_from="publication"))
        else:
            events.append(replace(m, date=moved(m.date)))
    durations = {(t.start, t.end) for t in timexes if t.type == "DURATION"}  # counts of time hold for no day
    figures = [replace(f, date=moved(f.date) if f.date is not None else
                       (None if (f.start, f.end) in durations else article_day))
               for f in ann.figures]
    return replace(ann, timexes=timexes, events=events, figures=figures, dating=[est])


def date_by_reference(text: str, events: list, est: DateEstimate) -> None:
    """An event told in the clause a span since counts from ("arrives a year after [the two firms
    completed the merger]"), which took the estimated article date, takes the date of the happening
    that clause refers to ("the March 2019 merger"): a date the text states, not an estimate."""
    for m in events:
        if m.date is None or m.date_from not in ("article", "publication"):
            continue
        for e in est.evidence:
            ref = e.get("refers_to")
            if e["kind"] != "since" or not ref or not m.start <= e["start"] < m.end:
                continue
            link = re.search(r"\b(?:after|since)\b", text[e["end"]: m.end])
            if link and text.find(m.trigger, e["end"] + link.end(), m.end) >= 0:
                m.date = Timex(start=ref["start"], end=ref["end"], text=ref["text"], type="DATE", value=ref["value"])
                m.date_from = "sentence"
                break
