"""The compiled regexes that find time expressions.

Hand-written rules, because finding TIMEX3 extents is a closed, well-described grammar (TimeML
guidelines) and a few big regexes run far faster than any parser; dateparser and the other
libraries measured in DEPENDENCIES.md neither find TIMEX3 extents nor give TimeML values.
Each rule is one compiled regex with named groups; ``tagger.py`` turns a match into a value.
Month and weekday names are matched case-sensitively (``(?-i:...)``) so that "may", "march"
and "sun" as ordinary words are left alone; everything else ignores case.
"""
from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS, QUANT_MODS, SEASONS, VAGUE_NUMBERS


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=lambda w: (-len(w), w)))


MON = (
    r"(?-i:Jan(?:uary|\.)|January|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|April|May|June|Jun\.|"
    r"July|Jul\.|Aug(?:ust|\.)|Sept(?:ember|\.)|Sep\.|Sept|Oct(?:ober|\.)|Nov(?:ember|\.)|"
    r"Dec(?:ember|\.)|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
    r"DECEMBER|Jan|Feb|Aug|Oct|Nov|Dec)(?![A-Za-z])"
)
WD = (
    r"(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY|"
    r"Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])"
_NUMW_SIMPLE = [w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an", "half", "dozen")]
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)"
NUM = (
    r"(?:\d+\s+1/2|\d+(?:[.,]\d+)?|" + _TENS + "|" + _alt([w for w in NUMBER_WORDS if " " in w])
    + "|" + _alt(_NUMW_SIMPLE) + "|" + _alt(VAGUE_NUMBERS - {"the", "recent"}) + r"|an?)"
)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ies)|millenni(?:um|a))"
SEASON = _alt(SEASONS)
PREFIX = (
    r"(?:the\s+(?:beginning|start|end|close|middle|rest|remainder)\s+of(?:\s+the)?|"
    r"(?:beginning|start|end|middle)\s+of|early|late|mid|earlier|later)"
)
QMOD = _alt(QUANT_MODS)

F = re.IGNORECASE

# 1. Full dates: "Friday, Aug. 7, 1998", "29 February 2020", "the 12th of April".
FULLDATE = re.compile(
    rf"\b(?:(?P<wd>{WD}),?\s+)?(?:(?P<pre>{PREFIX})[\s-]+)?(?:"
    rf"(?:(?P<rel>last|this|next|this\s+coming|coming)\s+)?(?P<m1>{MON})\s+(?P<d1>{DAYNUM})(?:,?\s+(?P<y1>{YEAR4}))?"
    rf"|(?P<d2>{DAYNUM})\s+(?:of\s+)?(?P<m2>{MON})(?:,?\s+(?P<y2>{YEAR4}))?"
    rf"|the\s+(?P<d3>{DAYNUM})\s+of\s+(?P<m3>{MON})(?:,?\s+(?P<y3>{YEAR4}))?)",
    F,
)

# 2. Months: "late February", "September last year", "May this year", "August 1988", "mid-October".
MONTH = re.compile(
    rf"\b(?:(?P<pre>{PREFIX})[\s-]+)?(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<m>{MON})"
    rf"(?:(?:,|\s+of)?\s+(?P<y>{YEAR4})|\s+(?:of\s+)?(?P<post>last|next|this)\s+year)?",
    F,
)

# 3. Weekdays: "Friday", "last Sunday", "Wednesday night", "noon Thursday", "the previous Friday".
WEEKDAY = re.compile(
    rf"\b(?:(?P<noon>noon|midnight)\s+)?(?:(?P<rel>last|next|this|coming|past|(?:the\s+)?(?:previous|preceding|following))\s+)?(?P<wd>{WD})"
    r"(?:\s+(?P<pod>morning|afternoon|evening|night|overnight))?",
    F,
)

# 4. Numeric dates: "09/11/2020" (US month/day), "2020-09-11".
NUMERIC = re.compile(
    r"(?<![\d/.])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<c>\d{4}|\d{2})"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\d/])"
)

# 5. Years and decades: "1990", "fiscal 1989", "the 1990s", "the mid-1990s", "the '80s", "post-1959".
YEAR = re.compile(
    rf"(?<![$#\d,.])(?:(?P<pre>{PREFIX}|post|pre)[\s-]+)?(?:(?P<the>the)\s+)?"
    rf"(?:(?P<pre2>early|late|mid)[\s-]+)?(?P<fiscal>fiscal\s+|calendar\s+|FY\s*)?"
    rf"(?:(?P<dec>(?:1[5-9]|20)\d)0'?s\b|'(?P<dec2>\d)0s\b|(?P<y>{YEAR4})(?![-/.,]\d)|(?P<yr>{YEAR4})(?=[-–](?:1[6-9]|20)\d\d(?!\d))"
    rf"|(?P<nineties>(?<=the\s)(?:nineteen\s+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))",
    F,
)

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# "nineteen ninety-six", "the year two thousand", "two thousand and one" (broadcast transcripts)
SPELLED_YEAR = re.compile(
    rf"\b(?:the\s+year\s+)?(?P<c>nineteen|two\s+thousand)(?:\s+(?:and\s+)?(?P<rest>(?:{_TENS_W})(?:[\s-](?:{_ONES}))?|{_TEENS}|{_ONES}))?(?![\w-])",
    re.IGNORECASE,
)

# 6. Words that point at the present, past or future, and parts of days.
DEICTIC = re.compile(
    r"\b(?:(?P<day>today|tonight|tomorrow|yesterday)(?:\s+(?P<pod>morning|afternoon|evening|night))?"
    r"|(?P<this>this|last|tomorrow)\s+(?P<pod2>morning|afternoon|evening|night)"
    # "were killed overnight in two attacks", "sealed the deal overnight": the night before the report
    # (an adverb: not "overnight rates", "an overnight stay")
    r"|(?P<overnight>overnight(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|to|from|after|before|as|when|and|but|while|near"
    r"|with|amid|following|into|across|along|by|during|under|over|outside|inside)\b"
    # ... or before an attack of the night ("an overnight Russian drone attack on Kyiv killed")
    r"|\s+(?:[\w'’-]+\s+){0,3}(?:attacks?|strikes?|airstrikes?|raids?|shelling|bombardments?|bombings?|barrages?"
    r"|shootings?|assaults?|fighting|clashes|explosions?|blasts?)\b))"
    r"|(?P<present>now|currently|(?<!then\s)current(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|events|rate|rates|and|or)\b)|nowadays|at\s+present|the\s+present|these\s+days|at\s+the\s+moment)"
    r"|(?P<past>recently|lately|formerly|the\s+past|recent\s+days|earlier|previously|once\s+upon\s+a\s+time)"
    r"|(?P<future>(?<!as\s)soon(?!\s+as\b)|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term|in\s+the\s+coming\s+(?:days|weeks|months|years))"
    r")(?![\w-])",
    F,
)

# 7. Calendar units relative to the publication date: "last week", "earlier this month",
#    "early next year", "the end of the year", "the following day", "this summer".
RELUNIT = re.compile(
    rf"\b(?:(?P<pre>{PREFIX})[\s-]+)?"
    rf"(?P<rel>(?:the\s+)?(?:last|next|this|past|coming|previous|following|current|same|latest|prior|preceding)|this\s+past|the\s+full|that|the)\s+"
    rf"(?P<fisc>fiscal\s+)?(?P<unit>week(?:end)?|month|quarter|year|decade|century|day|morning|night|evening|{SEASON})"
    rf"(?P<before>\s+before)?(?![\w-])",
    F,
)

# 8. Durations and offsets: "14 months", "the 18-year conflict" (18-year), "the past two months",
#    "a year ago", "about three weeks", "12 to 18 months", "five-day".
DURATION = re.compile(
    rf"\b(?:(?P<qm>{QMOD})\s+)?"
    rf"(?:(?P<det>(?:the\s+)?(?:past|last|next|first|previous|coming|following|final|latest|remaining|ensuing|preceding|recent)|the)\s+)?"
    rf"(?P<num>{NUM})(?:\s*(?:or|to|-|and)\s*(?P<num2>{NUM}))?(?:\s+(?:more|additional|further|extra))?(?P<sep>\s+|-)(?P<unit>{UNIT})(?P<pl>s)?(?P<half>\s+and\s+a\s+half)?"
    rf"(?:(?P<old>-old)|\s+(?P<post>ago|earlier|later|before|from\s+now|hence|or\s+so|running|in\s+a\s+row))?(?![\w])",
    F,
)

# 9. Bare plural units after a cue: "for years", "in recent weeks", "months of talks".
BARE = re.compile(
    r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\bin\s)|\b(?P<cue>recent|the\s+coming|coming|the\s+past\s+few|many)\s+)"
    r"(?P<unit>days|weeks|months|years|decades|hours|minutes)(?P<ago>\s+ago)?\b",
    F,
)

# 10. Quarters and halves: "the third quarter", "third-quarter", "the year-earlier quarter",
#     "the first half of 2019", "the fiscal first quarter".
QUARTER = re.compile(
    rf"\b(?:(?P<det>the)\s+)?(?:(?P<y>{YEAR4})\s+|(?P<yp>this|last|next)\s+year's\s+|(?P<adj>year-earlier|year-ago|latest|current|same|previous|prior|fiscal|recent|last|comparable|this|next|coming)[\s-]+)*"
    rf"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+(?:fiscal[\s-]+)?)?(?P<q>quarter|half|period)(?![\w-])"
    rf"(?:\s+of\s+(?:(?:fiscal\s+(?:year\s+)?)?(?P<y2>{YEAR4})|(?P<yrel>this|last|next|the)\s+year))?",
    F,
)

# 10b. Business shorthand for quarters and halves: "Q3 2008", "Q1", "Q4'08", "2Q 2009", "H1 2019".
QNOTE = re.compile(
    rf"(?<![\w-])(?-i:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H)(?:(?:\s+|\s*')(?:(?P<y>{YEAR4})|(?P<y2>\d\d)(?!\d)))?(?![\w-])"
)

# 11. Clock times: "12:40 PM EDT", "10 a.m.", "noon", "8 o'clock".
TIME = re.compile(
    r"(?<![\d:.$])(?:(?P<h>\d{1,2})(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"|(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)(?=\s*(?:GMT|UTC)\b)"
    r"|(?P<h3>\d{1,2})\s+o'clock|(?P<noon>\bnoon|\bmidnight|\bmidday)(?!\s+(?:on\s+)?(?-i:[MTWFS][a-z]+day))"
    r"|(?P<midpod>\bmid[\s-]?(?:morning|afternoon|evening)))"
    r"(?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|[A-Z][A-Z]?T)))?(?!\w)",
    F,
)

# 12. Recurrences: "every year", "each Sunday", "annual", "daily", "twice a week".
SET = re.compile(
    rf"\b(?:(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{WD}|morning|evening|night|weekend|{SEASON})s?"
    r"|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|biannual|semiannual|bimonthly)"
    rf"|(?P<times>once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+times)\s+(?:a|an|per)\s+(?P<unit2>{UNIT}))(?![\w-])",
    F,
)

# 13. Named days: holidays with a fixed or computable date.
HOLIDAY = re.compile(
    r"\b(?P<h>(?-i:Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|"
    r"Halloween|Valentine's\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?))"
    rf"(?:\s+(?P<y>{YEAR4}))?(?![\w])"
)

# 14. The business-news adjective "year-earlier"/"year-ago" ("year-earlier sales"): the year before.
YEARAGO = re.compile(r"\byear-(?:earlier|ago)(?![\w-])", F)

# 15. Seasons of a named or relative year: "summer last year", "the fall of 2020", "autumn 2018",
#     "the winter of 2011-12" (a winter across two years takes the first).
SEASON_YEAR = re.compile(
    rf"\b(?:(?P<pre>{PREFIX})[\s-]+)?(?:(?P<the>the)\s+)?(?P<s>{SEASON})"
    rf"(?:(?:\s+of)?\s+(?P<y>{YEAR4})(?:[-/–](?:\d\d(?!\d)|{YEAR4}))?|\s+(?:of\s+)?(?P<post>last|next|this)\s+year)(?![\w-])",
    F,
)

# 16. Ordinal centuries: "the 20th century", "the nineteenth century", "the early 21st century".
_ORD_CENT = "|".join(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                      "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                      "seventeenth", "eighteenth", "nineteenth", "twentieth", r"twenty[\s-]first"])
CENTURY = re.compile(
    rf"\b(?:(?P<the>the)\s+)?(?:(?P<pre>{PREFIX})[\s-]+)?(?P<n>[12]?\d(?:st|nd|rd|th)|{_ORD_CENT})[\s-]+century(?![\w-])",
    F,
)

# 17. The end of the year in business shorthand: "by year-end", "around year end", "by year's end".
YEAREND = re.compile(r"\b(?:the\s+)?(?:year[\s-]end|year's\s+end)(?![\w-])", F)

# 18. The week holding a date: "the week of March 6", "the weekend of June 12, 2021"; and the week
#     a weekly statistic closes on, in wire shorthand ("in the week ended March 4", "week ending
#     Wednesday, April 8", "the week to March 6"): the ISO week of that day.
WEEKOF = re.compile(
    rf"\b(?:the\s+(?P<we>week(?:end)?)\s+of|(?:the\s+)?(?P<wk>week)\s+(?:ended|ending|to|through|up\s+to))"
    rf"\s+(?:{WD},?\s+)?(?P<m>{MON})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR4}))?",
    F,
)

# 19. Two days of one month: "April 24 and 25", "March 3-5, 2020", "Oct. 12 to 14".
DAYRANGE = re.compile(
    rf"\b(?P<m>{MON})\s+(?P<d1>{DAYNUM})(?:\s*[-–]\s*|\s+(?:and|to|through|till|until)\s+)(?P<d2>{DAYNUM})"
    rf"(?:,?\s+(?P<y>{YEAR4}))?",
    F,
)

RULES = [
    ("season_year", SEASON_YEAR),
    ("fulldate", FULLDATE),
    ("month", MONTH),
    ("weekday", WEEKDAY),
    ("numeric", NUMERIC),
    ("year", YEAR),
    ("deictic", DEICTIC),
    ("relunit", RELUNIT),
    ("duration", DURATION),
    ("bare", BARE),
    ("quarter", QUARTER),
    ("qnote", QNOTE),
    ("time", TIME),
    ("set", SET),
    ("holiday", HOLIDAY),
    ("spelled_year", SPELLED_YEAR),
    ("yearago", YEARAGO),
    ("century", CENTURY),
    ("yearend", YEAREND),
    ("weekof", WEEKOF),
    ("dayrange", DAYRANGE),
]
