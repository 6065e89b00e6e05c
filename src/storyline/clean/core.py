"""clean(): page furniture out, what it told lifted into metadata.

Plain text: lines are scored by a two-stage logistic regression over general line features
(``lines.py``; weights in ``model.json``, made by ``scripts/train_clean.py`` on the train split of
the article-extraction bench), then generic rules: furniture patterns and captions with credits go,
a related-content heading near the end closes the article, sentence-like lines between kept lines
stay (losing a body sentence is worse than keeping a stray line). Header lines tell title, byline
(author, date), date lines and the outlet; a reprint notice tells the original publisher.
HTML: trafilatura finds the main text and page metadata; the same rules then tidy the text.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import CleanArticle, RawArticle
from . import meta
from .lines import (
    COMMENTS_HEADING,
    TAIL_HEADING,
    _body_like,
    _line_stats,
    ends_sentence,
    is_caption,
    is_furniture,
    line_features,
)

STAGE2_EXTRA = ["p1", "prev_p", "next_p", "win2_p", "win6_p", "doc_max_p", "rank_p"]
MIN_WORDS = 8
PROTECT_WORDS = 25  # a sentence-like line this long is kept whatever the line model says  # fewer words than this left: no article


def stage2_features(p: list[float]) -> list[list[float]]:
    n = len(p)
    mx = max(p, default=0.0) or 1.0
    srt = sorted(p)
    out = []
    for i, pi in enumerate(p):
        w2 = [p[j] for j in range(max(0, i - 2), min(n, i + 3)) if j != i]
        w6 = [p[j] for j in range(max(0, i - 6), min(n, i + 7)) if j != i]
        rank = bisect.bisect_right(srt, pi) / n
        out.append([
            pi,
            p[i - 1] if i > 0 else 0.0,
            p[i + 1] if i + 1 < n else 0.0,
            sum(w2) / len(w2) if w2 else 0.0,
            sum(w6) / len(w6) if w6 else 0.0,
            pi / mx,
            rank,
        ])
    return out


@lru_cache(maxsize=1)
def _model() -> dict:
    return json.loads((Path(__file__).with_name("model.json")).read_text())


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))


def line_probabilities(lines: list[str]) -> list[float]:
    """Probability that each line belongs to the article (two-stage logistic regression)."""
    if not lines:
        return []
    m = _model()
    X = line_features(lines)
    p1 = [_sigmoid(sum(w * x for w, x in zip(m["w1"], row))) for row in X]
    X2 = [row + extra for row, extra in zip(X, stage2_features(p1))]
    return [_sigmoid(sum(w * x for w, x in zip(m["w2"], row))) for row in X2]


@dataclass
class LineResult:
    keep: list[bool]
    prob: list[float] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # why each removed line went ("" when kept)


def clean_lines(lines: list[str], use_model: bool = True) -> LineResult:
    """Decide, line by line, what is article and what is page furniture."""
    n = len(lines)
    prob = line_probabilities(lines) if use_model else [1.0] * n
    thr = _model()["threshold"] if use_model else 0.5
    keep = [p >= thr for p in prob]
    why = ["" if k else "model" for k in keep]
    stats = [_line_stats(x) for x in lines]
    body = [_body_like(s) > 0 for s in stats]
    # sentence-like lines between kept lines stay; so do long sentence-like lines anywhere
    # (losing a sentence of the report is worse than keeping a stray line)
    kept_idx = [i for i, k in enumerate(keep) if k]
    if kept_idx:
        for i in range(kept_idx[0], kept_idx[-1] + 1):
            if not keep[i] and body[i]:
                keep[i], why[i] = True, ""
    for i in range(n):
        if not keep[i] and (body[i] and stats[i]["words"] >= PROTECT_WORDS):
            keep[i], why[i] = True, ""
    # generic furniture patterns and photo captions with credits
    for i, line in enumerate(lines):
        if is_furniture(line):
            keep[i], why[i] = False, "furniture"
        elif is_caption(line):
            keep[i], why[i] = False, "caption"
    # a comments heading after most of the article closes it; a teaser heading ("Related",
    # "Check also") takes the lines after it until the report's own sentences resume
    words = [s["words"] if k else 0 for s, k in zip(stats, keep)]
    total = sum(words)
    before = 0
    strong = [body[i] and not stats[i]["ellipsis"] for i in range(n)]
    for i, line in enumerate(lines):
        s = line.strip()
        if total and before >= 0.5 * total and COMMENTS_HEADING.match(s):
            for j in range(i, n):
                if keep[j]:
                    keep[j], why[j] = False, "after comments heading"
            break
        if TAIL_HEADING.match(s):
            keep[i], why[i] = False, why[i] or "related-content heading"
            for j in range(i + 1, n):
                if strong[j]:
                    break
                if keep[j]:
                    keep[j], why[j] = False, "after related-content heading"
        before += words[i]
    if use_model:  # short non-sentence lines after the report's last sentence are page chrome
        last = max((i for i in range(n) if keep[i] and strong[i]), default=n)
        for j in range(last + 1, n):
            if keep[j] and stats[j]["words"] <= 4 and not ends_sentence(lines[j]):
                keep[j], why[j] = False, "footer"
    return LineResult(keep, prob, why)


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


@dataclass
class _Lifted:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    reprint_of: str | None = None


def _lift_header(lines: list[str], keep: list[bool], why: list[str], title: str | None,
                 header_lines: bool = True) -> _Lifted:
    """Title, byline, date and outlet lines before the body; reprint notices anywhere."""
    out = _Lifted()
    n = len(lines)
    stats = [_line_stats(x) for x in lines]
    first_body = next((i for i in range(n) if keep[i] and (_body_like(stats[i]) or (
        ends_sentence(lines[i]) and len(lines[i].strip()) >= 80))), n)
    head_end = min(n, max(first_body, 1), 12)
    known_title = _norm(meta.strip_section(title)) if title else None
    for i in range(n):
        line = lines[i].strip()
        rp = meta.reprint_of(line)
        if rp:
            out.reprint_of = out.reprint_of or rp
            keep[i], why[i] = False, "reprint notice"
    for i in range(head_end):
        line = lines[i].strip()
        if not line:
            continue
        bl = meta.byline(line)
        if bl:
            out.author = out.author or bl[0]
            out.published = out.published or bl[1]
            keep[i], why[i] = False, "byline"
            continue
        d = meta.date_line(line)
        if d:
            out.published = out.published or d
            keep[i], why[i] = False, "date line"
            continue
        if why[i] in ("furniture", "caption"):
            # a breadcrumb's last step may repeat the title; nothing else to lift
            continue
        if known_title and (_norm(line) == known_title or _norm(meta.strip_section(line)) == known_title):
            out.title = out.title or meta.strip_section(line)
            keep[i], why[i] = False, "title"
            continue
        if out.title is None and (header_lines or not known_title) and meta.is_title_like(line) \
                and not ends_sentence(line):
            out.title = meta.strip_section(line)
            keep[i], why[i] = False, "title"
            if header_lines:  # short lines above the headline are page chrome (menus, sections)
                for j in range(i):
                    if keep[j] and stats[j]["words"] <= 5 and not ends_sentence(lines[j]):
                        keep[j], why[j] = False, "header"
            continue
        if out.title is not None and _norm(line) == _norm(out.title):
            keep[i], why[i] = False, "repeated title"
            continue
        words = stats[i]["words"]
        if header_lines and (out.title is not None or known_title) and i < min(first_body, 6) and words <= 5 and len(line) <= 40 \
                and not ends_sentence(line):
            if meta.NEWS_WORDS.search(line) and out.outlet is None:
                out.outlet = line
            keep[i], why[i] = False, "header"
    return out


def _finish(raw: RawArticle, lines: list[str], keep: list[bool], lifted: _Lifted,
            meta_pub: str | None = None, meta_author: str | None = None, meta_title: str | None = None,
            meta_outlet: str | None = None) -> CleanArticle:
    kept = [x.strip() for x, k in zip(lines, keep) if k and x.strip()]
    removed = [x.strip() for x, k in zip(lines, keep) if not k and x.strip()]
    text = "\n\n".join(kept)
    n_words = len(re.findall(r"\w+", text))
    if n_words < MIN_WORDS:
        raise ValueError(
            f"no article text left after removing page furniture ({len(removed)} lines removed, "
            f"{n_words} words left)")
    published, published_from = None, None
    if raw.published:
        published, published_from = raw.published, "metadata"
    elif meta_pub:
        published, published_from = meta_pub, "metadata"
    elif lifted.published:
        published, published_from = lifted.published, "text"
    else:
        dl = meta.dateline(kept[0]) if kept else None
        if dl and dl[1]:
            d = meta.dateline_date(dl[1], raw.captured)
            if d:
                published, published_from = d, "text"
    return CleanArticle(
        id=raw.id,
        source=raw.source,
        text=text,
        removed=removed,
        url=raw.url,
        outlet=raw.outlet or meta_outlet or lifted.outlet,
        title=raw.title or meta_title or lifted.title,
        author=raw.author or meta_author or lifted.author,
        published=published,
        published_from=published_from,
        language=raw.language,
        reprint_of=lifted.reprint_of,
    )


def _split(text: str) -> list[str]:
    return [x for x in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if x.strip()]


def clean_text(raw: RawArticle, text: str, use_model: bool = True, **page_meta) -> CleanArticle:
    lines = _split(text)
    if not lines:
        raise ValueError("no article text (empty after splitting into lines)")
    res, lifted = decide(lines, raw.title or page_meta.get("meta_title"), use_model=use_model)
    kept_words = sum(len(re.findall(r"\w+", x)) for x, k in zip(lines, res.keep) if k)
    if kept_words < MIN_WORDS:
        # Short articles (a one-paragraph brief) must not vanish: losing the report is worse than
        # keeping a stray line, so every line that reads as a sentence comes back.
        res.keep = [k or (ends_sentence(x) and len(re.findall(r"\w+", x)) >= MIN_WORDS) for x, k in zip(lines, res.keep)]
    return _finish(raw, lines, res.keep, lifted, **page_meta)


def decide(lines: list[str], title: str | None = None, use_model: bool = True) -> tuple[LineResult, _Lifted]:
    """Keep/remove for each line, with reasons, and the metadata the removed lines told."""
    res = clean_lines(lines, use_model=use_model)
    lifted = _lift_header(lines, res.keep, res.why, title, header_lines=use_model)
    return res, lifted


def _from_html(raw: RawArticle) -> CleanArticle:
    import trafilatura

    from .flatten import flatten_html, flatten_html_stream

    try:
        doc = trafilatura.bare_extraction(raw.html, url=raw.url, with_metadata=True, include_comments=False)
    except RecursionError:  # a page nested deeper than the tree walkers go: the stream parser reads it
        doc = None
    page = {}
    text = ""
    if doc is not None:
        text = doc.text or ""
        page = {
            "meta_title": doc.title or None,
            "meta_author": doc.author or None,
            "meta_pub": doc.date or None,
            "meta_outlet": doc.sitename or None,
        }
    if text.strip():
        try:
            return clean_text(raw, text, use_model=False, **page)
        except ValueError:
            pass
    try:
        lines = flatten_html(raw.html)
    except RecursionError:
        lines = []
    if not lines:
        lines = flatten_html_stream(raw.html)
    if not lines:
        raise ValueError("no text in the HTML page")
    return clean_text(raw, "\n".join(lines), use_model=True, **page)


def clean(raw: RawArticle) -> CleanArticle:
    """The article without its page furniture, with title, author, date, outlet and reprint source
    lifted from the text where the source's metadata did not give them (metadata wins)."""
    if raw.text is not None and raw.text.strip():
        return clean_text(raw, raw.text)
    if raw.html is not None and raw.html.strip():
        return _from_html(raw)
    raise ValueError("no article text: the record has neither text nor HTML")
