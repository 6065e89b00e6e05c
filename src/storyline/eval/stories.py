"""Story grouping on ECB+: B-cubed precision, recall and F1 against the corpus sub-topics.

Each ECB+ topic folder holds documents of two sub-topics: ``N_Mecb.xml`` and ``N_Mecbplus.xml`` report
similar events with different participants (two earthquakes, two rehab check-ins), so they are two
stories. Gold cluster = (topic, ecb|ecbplus). All documents of the evaluated topics are fed, in a
shuffled order (fixed seeds), into one :class:`StoryIndex`, so documents of different topics compete
too. The default threshold was tuned on the odd topics only; the even topics are held out.
"""
from __future__ import annotations

import random
import re
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path

from rich.console import Console
from rich.table import Table

from storyline.link.stories import StoryIndex

SEEDS = (0, 1, 2, 3, 4)
REFERENCE = "TF-IDF baseline tuned on the held-out topics themselves: B-cubed F1 0.87"
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b|'')")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]|``) ")


def read_doc(path: Path) -> str:
    """The document's text: its tokens re-joined, one sentence a line."""
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sents.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
    lines = []
    for k in sorted(sents):
        if k == min(sents) and sents[k][:1] == ["http"]:
            continue  # ECB+ puts the page's URL as the first "sentence": metadata, not article text
        s = " ".join(sents[k])
        s = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", s))
        lines.append(s.replace("``", '"').replace("''", '"'))
    return "\n".join(lines)


def load(corpus: Path, topics: set[int] | None = None, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(doc id, gold story, text) for every document of the chosen topics, in a stable order."""
    out = []
    for folder in sorted((p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name)):
        topic = int(folder.name)
        if topics is not None and topic not in topics:
            continue
        for f in sorted(folder.glob("*.xml")):
            sub = "ecbplus" if f.stem.endswith("ecbplus") else "ecb"
            out.append((f.stem, f"{topic}{sub}", read_doc(f)))
    if limit:
        out = out[:limit]
    return out


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998) of a clustering ``item -> cluster``."""
    pc: dict[str, set[str]] = {}
    gc: dict[str, set[str]] = {}
    for d in gold:
        pc.setdefault(pred[d], set()).add(d)
        gc.setdefault(gold[d], set()).add(d)
    p = r = 0.0
    for d in gold:
        both = len(pc[pred[d]] & gc[gold[d]])
        p += both / len(pc[pred[d]])
        r += both / len(gc[gold[d]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cluster(docs: list[tuple[str, str, str]], seed: int, threshold: float | None = None) -> dict[str, str]:
    order = list(docs)
    random.Random(seed).shuffle(order)
    index = StoryIndex(threshold)
    return {d: index.add(d, text) for d, _, text in order}


def score(docs, seeds=SEEDS, threshold: float | None = None) -> dict[str, float]:
    gold = {d: g for d, g, _ in docs}
    runs = [bcubed(cluster(docs, s, threshold), gold) for s in seeds]
    f1s = [r[2] for r in runs]
    return {"p": statistics.mean(r[0] for r in runs), "r": statistics.mean(r[1] for r in runs),
            "f1": statistics.mean(f1s), "f1_min": min(f1s), "f1_max": max(f1s),
            "f1_seed0": f1s[0], "docs": len(docs), "stories": len(set(gold.values()))}


def run(corpus: Path, console: Console, limit: int | None = None) -> dict[str, float]:
    all_docs = load(corpus, limit=limit)
    topics = sorted({int(re.match(r"\d+", g).group()) for _, g, _ in all_docs})
    splits = {
        "odd topics (tuning)": [d for d in all_docs if int(re.match(r"\d+", d[1]).group()) % 2 == 1],
        "even topics (held out)": [d for d in all_docs if int(re.match(r"\d+", d[1]).group()) % 2 == 0],
        "all topics": all_docs,
    }
    table = Table(title=f"Stories on ECB+ topics {topics[0]}–{topics[-1]}: B-cubed, mean over seeds {list(SEEDS)}")
    for col in ("split", "docs", "gold stories", "P", "R", "F1", "F1 min–max", "F1 seed 0"):
        table.add_column(col, justify="left" if col == "split" else "right")
    out: dict[str, float] = {}
    for name, docs in splits.items():
        if not docs:
            continue
        s = score(docs)
        table.add_row(name, str(s["docs"]), str(s["stories"]), f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}",
                      f"{s['f1_min']:.3f}–{s['f1_max']:.3f}", f"{s['f1_seed0']:.3f}")
        key = name.split(" (")[0].replace(" topics", "").strip()
        out.update({f"{key}_p": s["p"], f"{key}_r": s["r"], f"{key}_f1": s["f1"]})
    console.print(table)
    console.print(f"reference: {REFERENCE}")
    return out
