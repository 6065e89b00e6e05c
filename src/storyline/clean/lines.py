"""Line features and page-furniture patterns for the plain-text cleaner.

A line is one block of text (a paragraph, a heading, a menu entry). Each line gets a small vector of
general features (length, end punctuation, capitalisation, stop words, links, position, neighbours,
repetition) and a flag for curated page-furniture patterns. ``model.json`` holds logistic-regression
weights over these features, trained by ``scripts/train_clean.py`` on the train half of the
article-extraction bench (pages flattened to lines). Hand-written because no library classifies
lines of already-flattened text; the patterns are generic English web furniture (comment forms,
share/subscribe prompts, related-article headings, author boxes), not strings of any one site.
"""
from __future__ import annotations

import math
from functools import lru_cache
import re

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?", re.UNICODE)
_TOKEN = re.compile(r"\w+", re.UNICODE)
_END_SENT = re.compile(r"""[.!?…。！？]["'”’)\]]*$|[.!?]["'”’]?\s*\(\w[^()]*\)$""")
_URLISH = re.compile(r"https?://|www\.|\.com\b|\.org\b|@\w|#\w")
_DATEISH = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2}:\d{2}\b|\b(ago|yesterday)\b", re.IGNORECASE)
_SEPS = re.compile(r"\s[|/>»›·•]\s|\s[-–—]\s")

# Generic furniture, anchored on the whole (short) line. Matched case-insensitively.
_F = r"""
(leave\ a\ (reply|comment)|post\ a\ comment|add\ (a|your)\ comment|write\ a\ comment
 |\d+\ comments?|comments?(\ \(\d+\))?|no\ comments(\ yet)?|show\ comments|view\ comments
 |your\ email\ address\ will\ not\ be\ published.*|required\ fields\ are\ marked.*
 |save\ my\ name.*|notify\ me\ of\ .*|you\ must\ be\ logged\ in\ .*|cancel\ reply|reply
 |(name|e-?mail|website|comment)\s*\*?
 |share(\ this)?(\ (post|article|story|page))?|share\ (on|via|to|with)\ [\w .+]{1,25}|tweet(\ this)?
 |(facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|e-?mail|print|copy\ link)
 |like\ this\ (article|post|story)\?|(did\ you\ )?(like|enjoy)\ (this|what\ you\ read)\??
 |subscribe(\ (to|for)\ .{1,40})?|sign\ up(\ (to|for)\ .{1,40})?|(get|receive)\ (the\ latest|updates|our)\ .{0,40}
 |follow\ us(\ on\ .{1,30})?|join\ (our|us\ on)\ .{1,60}(channel|group|community|newsletter|list)\b.*
 |download\ (our|the)\ app.*|newsletter
 |related(\ (articles?|posts?|stories|news|content|topics|coverage))?|see\ also|also\ read|read\ (more|also|next)(:.*)?
 |check\ (also|this\ out)|more\ (to\ explore|from\ .{1,40}|stories|news|on\ this(\ story)?|in\ .{1,30})
 |latest(\ (from|in|on)\ .{1,40}|\ (news|stories|updates|posts))|you\ (may|might)\ (also\ )?(like|enjoy|be\ interested\ in)
 |recommended(\ for\ you)?|most\ (read|popular|viewed|shared)|trending(\ now)?|popular\ (posts|stories)
 |don'?t\ miss|(next|previous|prev)\ (post|article|story)|(top|editor'?s)\ picks?|what\ to\ read\ next
 |about\ (the\ )?authors?|about\ \S+|\+\ posts|\d+\ posts|view\ all\ posts.*|(all\ )?posts\ by\ .{1,40}|more\ by\ .{1,40}
 |source(\ link)?|advertisement|sponsored(\ content)?|skip\ to\ (main\ )?content|(log|sign)\ (in|out)|register|menu|search
 |(tags?|topics?|filed\ under|posted\ in|categor(y|ies)):.*|(photo|image|picture|credit|photograph)s?\ ?(credit)?:.{0,80}
 |(©|\(c\)|copyright)\ .*|all\ rights\ reserved\.?|click\ here.*|loading\.*|back\ to\ top|home|print\ this\ (page|article)
)"""
FURNITURE = re.compile(r"^\W{0,3}" + _F + r"\W{0,3}$", re.IGNORECASE | re.VERBOSE)
# Headings after which what follows is no longer the article: comment sections (everything after
# goes) and teaser blocks (what follows goes until the report's own sentences resume).
COMMENTS_HEADING = re.compile(
    r"^\W{0,3}(leave\ a\ (reply|comment)|post\ a\ comment|add\ a\ comment|\d+\ comments?|comments?(\ \(\d+\))?"
    r"|join\ the\ (discussion|conversation)|what\ do\ you\ think\?|have\ your\ say)\W{0,3}$", re.IGNORECASE | re.VERBOSE)
_T = r"""
(related(\ \w+)?|see\ also|also\ read
 |read\ (more|next)|check\ (also|this\ out)|more\ (to\ explore|from\ .{1,40}|stories|news|on\ this(\ story)?)
 |latest(\ (from|in|on)\ .{1,40}|\ (news|stories|updates|posts))|you\ (may|might)\ (also\ )?(like|enjoy)
 |recommended(\ for\ you)?|most\ (read|popular|viewed|shared)|trending(\ now)?|popular\ (posts|stories)
 |don'?t\ miss|what\ to\ read\ next|about\ (the\ )?authors?|about\ \S+)"""
TAIL_HEADING = re.compile(r"^\W{0,3}" + _T + r"\W{0,3}$", re.IGNORECASE | re.VERBOSE)
# A breadcrumb: "Home / Section / Title", "News > World > Asia".
BREADCRUMB = re.compile(r"^\s*(home|news|start)\s*([/>»›|]|\s-\s)", re.IGNORECASE)
# A photo caption ending in a credit: "... in Kabul. (Agency/Photographer)", "... (AP Photo/Name)".
CAPTION_CREDIT = re.compile(
    r"""[.!?]["”’]?\s*\((?=[^()]*(?:/|\bphoto|\bimage|\bcredit|\bcourtesy|\bfile\b|\bgetty|\bvia\b))[^()]{2,90}\)\s*$""",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(r"^(\(?\s*(photo|image|picture|credit|file photo)\b[^.]{0,80}\)?)$", re.IGNORECASE)


def tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


_CRUMB_SEP = re.compile(r"\s[›»>/]\s")  # not "|": table rows and "Title | Section"


def is_breadcrumb(s: str) -> bool:
    """'Home / News / Asia', 'World › Asia › Floods': three or more short steps, no sentence."""
    if BREADCRUMB.match(s):
        return True
    parts = _CRUMB_SEP.split(s)
    return not re.match(r"^\W", s) and len(parts) >= 3 and all(0 < len(p.split()) <= 8 for p in parts) and not ends_sentence(s)


def is_furniture(line: str) -> bool:
    s = line.strip()
    if len(s) > 160:
        return False
    return bool(FURNITURE.match(s) or is_breadcrumb(s) or _CREDIT_LINE.match(s))


def is_caption(line: str) -> bool:
    return len(line) < 400 and bool(CAPTION_CREDIT.search(line.strip()))


def ends_sentence(line: str) -> bool:
    return bool(_END_SENT.search(line.strip()))


@lru_cache(maxsize=16384)
def _line_stats(line: str) -> dict[str, float]:
    """Statistics of one line (cached: the stages of one article ask for them several times;
    callers only read the dict)."""
    s = line.strip()
    words = _WORD.findall(s)
    n = len(words)
    toks = tokens(s)
    caps = sum(1 for w in words if w[0].isupper())
    stops = sum(1 for w in words if w.lower() in STOP_WORDS)
    digits = sum(c.isdigit() for c in s)
    punct = sum((not c.isalnum()) and not c.isspace() for c in s)
    return {
        "words": n,
        "logw": math.log1p(n),
        "logc": math.log1p(len(s)),
        "chars": float(len(s)),
        "end": 1.0 if ends_sentence(s) else 0.0,
        "colon": 1.0 if s.endswith(":") else 0.0,
        "ellipsis": 1.0 if s.endswith(("…", "...")) else 0.0,
        "cap": caps / n if n else 1.0,
        "stop": stops / n if n else 0.0,
        "digit": digits / max(1, len(s)),
        "punct": punct / max(1, len(s)),
        "url": 1.0 if _URLISH.search(s) else 0.0,
        "seps": min(3, len(_SEPS.findall(s))) / 3,
        "sents": min(5, len(re.findall(r"[.!?][\"”’]?\s+[A-Z“\"]", s))) / 5,
        "comma": min(5, s.count(",")) / 5,
        "furn": 1.0 if is_furniture(s) else 0.0,
        "caption": 1.0 if is_caption(s) else 0.0,
        "short": 1.0 if n <= 3 else 0.0,
        "upper": 1.0 if n and s.upper() == s and any(c.isalpha() for c in s) else 0.0,
        "bullet": 1.0 if re.match(r"^([-–—•*·>]|\d+[.)])\s", s) else 0.0,
        "has_date": 1.0 if _DATEISH.search(s) else 0.0,
        "has_year": 1.0 if re.search(r"\b(19|20)\d\d\b", s) else 0.0,
        "nonalpha": 1.0 if n == 0 or len(toks) == 0 else 0.0,
    }


FEATURES = [
    "bias", "logw", "logc", "end", "colon", "ellipsis", "cap", "stop", "digit", "punct", "url", "seps",
    "sents", "comma", "furn", "caption", "short", "nonalpha",
    "pos", "pos_end", "repeat", "body_like",
    "prev_logw", "prev_end", "next_logw", "next_end", "prev_body", "next_body",
    "win_body", "win_logw", "win_furn", "rel_w", "before_first", "after_last",
    "dens", "in_core", "core_dist", "sent_like", "upper", "bullet", "has_date", "has_year",
]


def _core(sent: list[bool], words: list[int], gap: int = 4) -> tuple[int, int]:
    """The span of the densest run of sentence-like lines (gaps of at most ``gap`` lines)."""
    best, best_w = (0, -1), -1
    start = last = None
    acc = 0
    for i, s in enumerate(sent + [False] * (gap + 1)):
        if i < len(sent) and s:
            if start is None or i - last > gap:
                if start is not None and acc > best_w:
                    best, best_w = (start, last), acc
                start, acc = i, 0
            last = i
            acc += words[i]
    if start is not None and acc > best_w:
        best = (start, last)
    return best


def _body_like(st: dict[str, float]) -> float:
    return 1.0 if st["words"] >= 12 and st["end"] and st["stop"] >= 0.25 else 0.0


def line_features(lines: list[str]) -> list[list[float]]:
    """One feature vector (ordered as ``FEATURES``) per line."""
    stats = [_line_stats(x) for x in lines]
    n = len(lines)
    counts: dict[str, int] = {}
    for x in lines:
        k = x.strip().lower()
        counts[k] = counts.get(k, 0) + 1
    body = [_body_like(s) for s in stats]
    body_idx = [i for i, b in enumerate(body) if b]
    first_b = body_idx[0] if body_idx else n
    last_b = body_idx[-1] if body_idx else -1
    max_w = max((s["words"] for s in stats), default=1) or 1
    sent = [bool(s["end"]) and s["chars"] >= 60 for s in stats]
    wl = [int(s["chars"] / 6) for s in stats]  # language-neutral length (CJK has no spaces)
    c0, c1 = _core(sent, wl)
    dens = [sum(wl[max(0, i - 5) : i + 6]) for i in range(n)]
    max_d = max(dens, default=1) or 1
    out: list[list[float]] = []
    for i, st in enumerate(stats):
        prev = stats[i - 1] if i > 0 else None
        nxt = stats[i + 1] if i + 1 < n else None
        lo, hi = max(0, i - 3), min(n, i + 4)
        win = [j for j in range(lo, hi) if j != i]
        f = dict(st)
        f.update({
            "bias": 1.0,
            "pos": i / max(1, n - 1),
            "pos_end": (n - 1 - i) / max(1, n - 1),
            "repeat": 1.0 if counts[lines[i].strip().lower()] > 1 else 0.0,
            "body_like": body[i],
            "prev_logw": prev["logw"] if prev else 0.0,
            "prev_end": prev["end"] if prev else 0.0,
            "next_logw": nxt["logw"] if nxt else 0.0,
            "next_end": nxt["end"] if nxt else 0.0,
            "prev_body": body[i - 1] if i > 0 else 0.0,
            "next_body": body[i + 1] if i + 1 < n else 0.0,
            "win_body": sum(body[j] for j in win) / max(1, len(win)),
            "win_logw": sum(stats[j]["logw"] for j in win) / max(1, len(win)),
            "win_furn": sum(stats[j]["furn"] for j in win) / max(1, len(win)),
            "rel_w": st["words"] / max_w,
            "before_first": 1.0 if i < first_b else 0.0,
            "after_last": 1.0 if i > last_b else 0.0,
            "dens": dens[i] / max_d,
            "in_core": 1.0 if c0 <= i <= c1 else 0.0,
            "core_dist": 0.0 if c0 <= i <= c1 else min(1.0, min(abs(i - c0), abs(i - c1)) / 20),
            "sent_like": 1.0 if sent[i] else 0.0,
        })
        out.append([f[k] for k in FEATURES])
    return out
