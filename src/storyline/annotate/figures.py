"""Figures: every number in an article with what it counts.

Why hand-written: spaCy finds CARDINAL/MONEY/PERCENT/QUANTITY spans but neither reads their value
nor says what they count; quantulum3 returns only dimensionless values here and its classifier
crashes with the installed scikit-learn (see shared/DEPENDENCIES.md).

Choices (documented here, tested in tests/test_figures.py):

* Candidates are number tokens (``like_num`` or POS ``NUM``) and the counting words "dozen(s)" and
  "score(s)"; a run of them ("2.5 million", "a dozen") is one figure.
* Left out: numbers inside a DATE/TIME entity or a timex of any type (so durations such as "within
  14 months" or "a five-day dialogue" are time expressions, not figures: their value lives in the
  timex), ordinals ("7th round", "first"), numbers that are parts of names or codes (a number glued
  to letters, "COVID-19") and years.
* ``approximate`` is True after a qualifier (some, about, around, approximately, roughly, nearly,
  almost, over, more/less/fewer than, up to, at least, as many as, an estimated, close to, ...).
  The qualifier is kept in the figure's span: ``text`` is "some 1,000", ``start`` points at "some".
  ``unit`` is only ever a unit of measure.
* ``unit``: "percent", a currency code (USD, EUR, GBP, ...) or a unit of measure (km, mile, kg,
  ton, ...), None for plain counts.
* ``subject``: the noun phrase the number modifies, without determiners and the number itself
  ("5,000 Taliban prisoners" -> "Taliban prisoners"; coordinated nouns are kept: "troops and
  civilian workers"; a partitive keeps its "of" phrase: "rounds of talks"). A number standing alone:
  "N of the X" -> "X"; "the number of X rose to N" -> "X"; the object of a casualty verb ("killed
  nine", "injured 20 others") -> "people killed" / "people injured". Otherwise "" (unknown).
* ``date``: the closest DATE/TIME timex in the same sentence, if any.
* Durations with a written count ("within 14 months", "the 18-year conflict", "a five-day
  dialogue") are *also* figures, made from their timex by :func:`duration_figures`: value 14,
  unit "month", subject the noun they qualify ("conflict", "dialogue") or else the unit ("months").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline.model import Figure, Timex

WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "dozens": 24, "score": 20, "scores": 40, "half": 0.5,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
QUALIFIERS = [  # longest first
    ("as many as",), ("more than",), ("less than",), ("fewer than",), ("at least",),
    ("up to",), ("close to",), ("an estimated",), ("nearly",), ("almost",), ("about",),
    ("around",), ("some",), ("approximately",), ("roughly",), ("over",), ("under",),
    ("estimated",), ("roughly",), ("upwards of",), ("below",), ("above",), ("approx.",),
]
CURRENCY = {"$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD",
            "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "£": "GBP", "pound": "GBP",
            "pounds": "GBP", "gbp": "GBP", "¥": "JPY", "yen": "JPY", "yuan": "CNY",
            "rupee": "INR", "rupees": "INR", "afghani": "AFN", "afghanis": "AFN", "ruble": "RUB",
            "rubles": "RUB", "roubles": "RUB"}
UNITS = {"km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
         "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m",
         "meters": "m", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "ton": "ton",
         "tons": "ton", "tonnes": "ton", "tonne": "ton", "acre": "acre", "acres": "acre",
         "hectare": "ha", "hectares": "ha", "barrel": "barrel", "barrels": "barrel",
         "litre": "l", "litres": "l", "liters": "l", "feet": "ft", "foot": "ft",
         "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent"}
CASUALTY_VERBS = {"kill": "killed", "injure": "injured", "wound": "wounded", "arrest": "arrested",
                  "detain": "detained", "kidnap": "kidnapped", "abduct": "abducted",
                  "evacuate": "evacuated", "rescue": "rescued", "displace": "displaced",
                  "execute": "executed", "hurt": "hurt", "die": "dead", "capture": "captured",
                  "free": "freed", "release": "released", "hold": "held"}
# verbs whose subject is what a bare number measures: "the toll rose to 30", "cases reached 1,000"
CHANGE_VERBS = {"rise", "fall", "drop", "increase", "decrease", "grow", "climb", "decline",
                "jump", "surge", "slip", "reach", "hit", "top", "exceed", "surpass", "pass",
                "total", "number", "stand", "soar", "plunge", "shrink", "dip", "double", "bring"}
_PEOPLE_WORDS = {"others", "other", "people", "persons", "more", "civilians"}
PARTITIVE = {"member", "round", "group", "unit", "batch", "number", "team", "series", "kind",
             "type", "pair", "set", "share", "percent", "piece", "ton", "barrel", "bag", "wave",
             "case", "dose", "cup", "load"}
_NUM_RE = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$")


def parse_value(words: list[str]) -> float | None:
    """The value of a number written in digits and/or words: "5,000", "2.5 million", "a dozen",
    "twenty-five", "three hundred thousand". None when it is not a number."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        w = raw.lower().strip()
        if w in ("a", "an", "and", "-"):
            continue
        for part in w.split("-"):
            if not part:
                continue
            p = part.replace(",", "")
            if _NUM_RE.match(part) or re.fullmatch(r"\d+(?:\.\d+)?", p):
                current += float(p)
                seen = True
            elif part in WORD_VALUES:
                v = WORD_VALUES[part]
                if part in ("dozen", "dozens", "score", "scores") and current:
                    current *= v
                else:
                    current += v
                seen = True
            elif part in MULTIPLIERS:
                m = MULTIPLIERS[part]
                if current == 0:
                    current = 1
                if m >= 1000:
                    total += current * m
                    current = 0
                else:
                    current *= m
                seen = True
            else:
                return None
    return total + current if seen else None


def _is_number_token(t: Token) -> bool:
    w = t.lower_
    if t.ent_type_ in ("ORDINAL",) or re.fullmatch(r"\d+(st|nd|rd|th)", w):
        return False
    if w in WORD_VALUES or w in ("hundred", "thousand", "million", "billion", "trillion"):
        return w not in ("half", "score") or t.pos_ == "NUM"
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", w):
        return True
    if "-" in w and w.strip("-") and all(p in WORD_VALUES for p in w.split("-") if p):
        return True
    return False


def _qualifier(doc: Doc, start: int) -> tuple[int, bool]:
    """Start of a qualifier before doc[start] and whether one was found."""
    for q in QUALIFIERS:
        words = q[0].split()
        n = len(words)
        if start - n >= 0 and [t.lower_ for t in doc[start - n:start]] == words:
            return start - n, True
    return start, False


def _np_text(doc: Doc, head: Token, skip: set[int]) -> str:
    """A noun phrase from its head: left modifiers, the head, coordinated nouns and (for
    partitive heads) the "of" phrase; without determiners, numbers and qualifiers."""
    keep: set[int] = set()

    def left(t: Token) -> None:
        for c in t.lefts:
            if c.i in skip or c.dep_ in ("det", "nummod", "quantmod", "predet", "punct", "case"):
                continue
            if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
                keep.update(x.i for x in c.subtree if x.i not in skip and x.dep_ != "det")

    left(head)
    keep.add(head.i)
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and head.lemma_.lower() in PARTITIVE:
            for x in c.subtree:
                if x.dep_ in ("relcl", "acl"):
                    break
                keep.add(x.i)
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not any(
                x.dep_ == "nummod" for x in c.children):
            cc = [x for x in head.rights if x.dep_ == "cc" and x.i < c.i]
            for x in cc:
                keep.add(x.i)
            left(c)
            keep.add(c.i)
    idx = sorted(keep)
    # contiguous from the first kept token to the head (or the last conj)
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        elif doc[run[-1] + 1: i].text.strip() == "":
            run.append(i)
        else:
            break
    span = doc[run[0]: run[-1] + 1]
    toks = [t for t in span if not (t.dep_ == "det" and t.i == span.start)]
    text = doc[toks[0].i: toks[-1].i + 1].text if toks else ""
    return re.sub(r"^(?:the|a|an|their|its|his|her|our)\s+", "", text, flags=re.I)


def _subject(doc: Doc, sent: Span, start: int, end: int) -> tuple[str, str | None]:
    """(what the number doc[start:end] counts, unit found there)."""
    nums = doc[start:end]
    root = max(nums, key=lambda t: (t.head.i < start or t.head.i >= end, -t.i))
    head = root.head if root.head.i not in range(start, end) else root
    skip = set(range(start, end))
    unit = None
    # a unit after the number: "5 km", "$2 billion" (the symbol is before), "20 percent"
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in UNITS:
        unit = UNITS[nxt.lower_]
        skip.add(nxt.i)
        if unit == "percent":
            for c in nxt.rights:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs = [x for x in c.children if x.dep_ == "pobj"]
                    if objs:
                        return _np_text(doc, objs[0], skip), unit
            v = nxt.head if nxt.dep_ != "ROOT" else nxt
            if v.lemma_.lower() in CHANGE_VERBS:
                subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and subj[0].pos_ in ("NOUN", "PROPN"):
                    return _np_text(doc, subj[0], skip), unit
            return "", unit
    if nxt is not None and nxt.lower_ in CURRENCY:
        unit = CURRENCY[nxt.lower_]
    if start > 0 and doc[start - 1].lower_ in CURRENCY:
        unit = CURRENCY[doc[start - 1].lower_]
    if unit and head.lower_ in CURRENCY or (unit and head.i in skip):
        # money: what it is for, "$2 billion in aid", else unknown
        for c in (head.rights if head.i not in skip else nums[-1].rights):
            if c.dep_ == "prep" and c.lower_ in ("in", "for", "of"):
                objs = [x for x in c.children if x.dep_ == "pobj"]
                if objs:
                    return _np_text(doc, objs[0], skip), unit
        return "", unit
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "npadvmod") and head.i >= end \
            and head.pos_ in ("NOUN", "PROPN"):
        if head.lower_ in UNITS:
            unit = UNITS[head.lower_]
            return "", unit
        if head.lower_ in _PEOPLE_WORDS:
            v = head.head
            if v.pos_ == "VERB" and v.lemma_.lower() in CASUALTY_VERBS:
                return "people " + CASUALTY_VERBS[v.lemma_.lower()], unit
        return _np_text(doc, head, skip), unit
    # the number stands alone
    for c in nums[-1].rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [x for x in c.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN")]
            if objs:
                return _np_text(doc, objs[0], skip), unit
    if root.dep_ in ("dobj", "nsubjpass", "conj", "appos", "nsubj") or root.pos_ == "NUM":
        v = root.head
        while v.dep_ == "conj" and v.pos_ != "VERB":
            v = v.head
        if v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in CASUALTY_VERBS:
            return "people " + CASUALTY_VERBS[v.lemma_.lower()], unit
    v = root.head.head if root.dep_ == "pobj" else root.head
    if (root.dep_ == "pobj" and root.head.lower_ in ("to", "from", "at", "by")) or (
            root.dep_ in ("dobj", "npadvmod", "attr") and v.lemma_.lower() in CHANGE_VERBS) or (
            unit == "percent" and v.lemma_.lower() in CHANGE_VERBS):
        if v.pos_ in ("VERB", "AUX"):
            cands = [c for c in v.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                     and c.pos_ in ("NOUN", "PROPN")]
            cands.sort(key=lambda c: c.dep_ != "dobj")
            for c in cands:
                h = c
                if h.lemma_.lower() in ("number", "total", "count", "tally", "toll", "figure"):
                    for p in h.rights:
                        if p.dep_ == "prep" and p.lower_ == "of":
                            objs = [x for x in p.children if x.dep_ == "pobj"]
                            if objs:
                                return _np_text(doc, objs[0], skip), unit
                return _np_text(doc, h, skip), unit
    # "bringing to 300 the total number of Taliban inmates": the phrase after "number of"
    k = end
    while k < min(end + 5, len(doc)) and doc[k].lower_ in ("the", "total", "overall", "number",
                                                            "toll", "count"):
        k += 1
    if k > end and k < len(doc) and doc[k].lower_ == "of" and doc[k - 1].lower_ in (
            "number", "total", "toll", "count"):
        m = k + 1
        while m < len(doc) and (doc[m].pos_ in ("ADJ", "NOUN", "PROPN") or doc[m].tag_ in (
                "NNS", "NN", "NNP", "NNPS", "VBZ", "JJ")) and doc[m].tag_ not in ("VBN", "VBD"):
            m += 1
        if m > k + 1:
            return doc[k + 1:m].text, unit
    return "", unit


def _nearest_date(sent_start: int, sent_end: int, pos: int, timexes: list[Timex]) -> Timex | None:
    cands = [t for t in timexes if t.type in ("DATE", "TIME") and sent_start <= t.start < sent_end]
    if not cands:
        return None
    return min(cands, key=lambda t: abs(t.start - pos))


def extract_figures(doc: Doc, timexes: list[Timex]) -> list[Figure]:
    """Numbers in ``doc`` with their value, what they count, unit and date, in text order."""
    timex_chars = [(t.start, t.end) for t in timexes]

    def in_timex(tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in timex_chars)

    out: list[Figure] = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if not _is_number_token(t) or t.ent_type_ in ("DATE", "TIME", "ORDINAL") or in_timex(t):
            i += 1
            continue
        j = i + 1
        while j < n and (_is_number_token(doc[j]) or doc[j].lower_ in MULTIPLIERS
                         or (doc[j].text == "-" and j + 1 < n and _is_number_token(doc[j + 1])
                             and not doc[j - 1].whitespace_)
                         or (doc[j].lower_ == "and" and j + 1 < n and _is_number_token(doc[j + 1])
                             and doc[j - 1].lower_ in MULTIPLIERS)) \
                and doc[j].ent_type_ not in ("DATE", "TIME"):
            j += 1
        start = i
        if i > 0 and doc[i - 1].lower_ in ("a", "an") and doc[i].lower_ in ("dozen", "score",
                                                                              "hundred",
                                                                              "thousand",
                                                                              "million"):
            start = i - 1
        words = [x.text for x in doc[start:j]]
        value = parse_value(words)
        i_next = j
        if value is None:
            i = i_next
            continue
        first = doc[i]
        # "one" is mostly a pronoun or determiner ("one pretext or another"); count it only where
        # the NER calls it a cardinal. A number glued by a hyphen to a noun is an attribute
        # ("three-member team", "18-year conflict"), not a count.
        if (first.lower_ == "one" and j - i == 1 and first.ent_type_ != "CARDINAL") or (
                j + 1 < n and doc[j].text == "-" and not doc[j - 1].whitespace_
                and not _is_number_token(doc[j + 1])):
            i = i_next
            continue
        # years and name/code parts are not figures
        if re.fullmatch(r"(1[89]|20)\d\d", first.text) and j - i == 1 and \
                first.ent_type_ not in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
            i = i_next
            continue
        if (i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].is_alpha) or \
                (first.ent_type_ in ("PERSON", "ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART",
                                     "EVENT", "GPE")):
            i = i_next
            continue
        sent = first.sent
        qstart, approx = _qualifier(doc, start)
        if doc[start].lower_ in ("dozens", "scores"):
            approx = True
        subject, unit = _subject(doc, sent, start, j)
        if start > 0 and doc[start - 1].lower_ in CURRENCY and qstart == start:
            qstart = start - 1
            qstart, approx = _qualifier(doc, qstart) if not approx else (qstart, approx)
        span = doc[qstart:j]
        end_tok = j
        if unit and j < n and (doc[j].lower_ in UNITS or doc[j].lower_ in CURRENCY):
            end_tok = j + 1  # "15 km", "12 percent", "5 million dollars"
        span = doc[qstart:end_tok]
        out.append(Figure(start=span.start_char, end=span.end_char, text=span.text, value=value,
                          subject=subject, approximate=approx, unit=unit,
                          date=_nearest_date(sent.start_char, sent.end_char, first.idx, timexes)))
        i = i_next
    return out


_DURATION_VALUE = re.compile(r"^PT?(\d+(?:\.\d+)?)([YMWDH])$")
_DURATION_UNITS = {("P", "Y"): "year", ("P", "M"): "month", ("P", "W"): "week", ("P", "D"): "day",
                   ("PT", "H"): "hour", ("PT", "M"): "minute"}


def duration_figures(doc: Doc, timexes: list[Timex]) -> list[Figure]:
    """Figures for DURATION timexes whose count is written out ("14 months", "18-year", "five-day")."""
    out = []
    for t in timexes:
        m = _DURATION_VALUE.match(t.value) if t.type == "DURATION" else None
        if not m:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not any(tok.like_num or tok.pos_ == "NUM" for tok in span) and not re.search(r"\d", t.text):
            continue  # "a year": no count written
        unit = _DURATION_UNITS[("PT" if t.value.startswith("PT") else "P", m.group(2))]
        subject = unit + "s"
        nxt = doc[span.end] if span.end < len(doc) else None
        if "-" in t.text and nxt is not None and nxt.pos_ == "NOUN":
            subject = nxt.text  # "the 18-year conflict", "a five-day dialogue"
        out.append(Figure(start=t.start, end=t.end, text=t.text, value=float(m.group(1)), subject=subject,
                          approximate=t.mod == "APPROX", unit=unit))
    return out
