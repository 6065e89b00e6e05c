"""Word lists and regex building blocks for the TIMEX3 tagger.

Hand-written because they are the vocabulary of English time expressions (month and weekday
names, number words, unit names); no library exposes them as regex pieces with the TIMEX3 codes
attached. Everything here is data: the patterns that use it live in ``patterns.py``.
"""
from __future__ import annotations

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS: dict[str, int] = {}  # ISO weekday numbers, Monday = 1
for _i, _names in enumerate(
    [
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ],
    start=1,
):
    for _n in _names:
        WEEKDAYS[_n] = _i

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "half an": 0.5, "a half": 0.5, "half": 0.5, "a couple of": 2, "couple of": 2, "a couple": 2,
}
VAGUE_NUMBERS = {"a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of",
                 "the", "recent"}

# TIMEX3 unit codes (P…Y, P…M, PT…H) and the calendar granularity of each unit.
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "millennium": "ML",
}
TIME_UNITS = {"second", "minute", "hour"}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "last": 4, "final": 4,
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

# "early February" -> mod START, etc. (TIMEX3 mod values).
PREFIX_MODS = {
    "early": "START", "earlier": None, "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "late": "END", "later": None,
    "the end of": "END", "end of": "END", "the close of": "END", "mid": "MID", "the middle of": "MID",
    "middle of": "MID", "the rest of": None, "the remainder of": None,
}
QUANT_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "just": None, "only": None, "barely": None,
}

# Words around a bare weekday or month that tell the tense (news default: the past).
FUTURE_CUES = {
    "will", "'ll", "shall", "would", "going", "plan", "plans", "planned", "planning", "scheduled",
    "expected", "expects", "due", "set", "next", "upcoming", "coming", "hopes", "hope", "intends",
    "aims", "wo", "won't", "prepare", "prepares", "preparing", "await", "awaits",
    "tomorrow", "track", "begins", "starts", "opens", "meets", "meet", "resume", "resumes",
    # the news present of a scheduled event: "the truce expires Sunday", "the envoy travels to Kabul Friday"
    "expires", "expire", "convenes", "arrives", "departs", "travels", "visits", "heads",
}
# verbs of believing or seeming before "to be": "what police believe to be a drive-by shooting on
# Saturday night" tells what a thing is, no plan ("to be" is future after other verbs: "is to be signed")
RAISING_VERBS = {
    "believe", "believes", "believed", "appear", "appears", "appeared", "seem", "seems", "seemed", "thought",
    "said", "known", "reported", "alleged", "claimed", "understood", "considered", "presumed", "assumed",
}
# reporting verbs date the report, not the event: used only when nothing else is near
REPORT_CUES = {"said", "says", "told", "added", "according"}
PAST_CUES = {
    "was", "were", "had", "did", "ago", "last", "announced",
    "reported", "earlier", "since", "former", "yesterday", "been", "came", "went", "took", "began",
    "met", "left", "made", "held", "killed", "died", "won", "lost", "fell", "rose",
    # unambiguous irregular pasts (not "put", "set", "hit", "cut", "read", which are also present)
    "became", "got", "gave", "saw", "brought", "fought", "sent", "spent", "struck", "stood", "wrote", "led",
    "fled", "broke", "ran", "drove", "flew", "chose", "sold", "bought", "paid", "kept", "felt", "swept", "seized", "shot", "arose", "grew", "threw", "withdrew", "forgot", "froze", "sank",
}
# the irregular ones, which a "-ed" test cannot see
IRREGULAR_PAST = {
    "came", "went", "took", "began", "met", "left", "made", "held", "won", "lost", "fell", "rose", "did",
    "became", "got", "gave", "saw", "brought", "fought", "sent", "spent", "struck", "stood", "wrote", "led",
    "fled", "broke", "ran", "drove", "flew", "chose", "sold", "bought", "paid", "kept", "felt", "swept", "shot",
    "arose", "grew", "threw", "withdrew", "forgot", "froze", "sank",
}
