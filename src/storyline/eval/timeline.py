"""Score event dating against the SemEval-2015 Task 4 gold timelines (trial: 30 Wikinews articles
about Apple, 6 timelines), with the readable measure of the corpus README: the share of dated gold
timeline entries whose sentence holds an event mention that Storyline dates at the gold granularity
(the gold value is a year, a month or a day; our date must fall in it and be at least as precise).

Nothing here was trained or tuned on this corpus (the event detector learnt from TBAQ train); the
test corpora (Airbus, GM, stock market: ``SemEval_Task4_data/corpus_1``..``corpus_3``, 90 articles, 39
timelines) are not in the bench: give their folder (or one ``corpus_N``) as ``--corpus``; the official
layout (``corpus_trackA_TimeML``, ``TimeLines_Gold_Standard``) is read as it is.
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

_S = re.compile(r'<s id="(\d+)">(.*?)</s>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def read_doc(path: Path) -> tuple[str, str, str, dict[int, tuple[int, int]]]:
    """(doc id, DCT value, text, sentence id -> (start, end)) of one raw TimeML file."""
    raw = path.read_text(encoding="utf-8")
    doc_id = re.search(r"<DOCID>(.*?)</DOCID>", raw).group(1).strip()
    m = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.DOTALL)
    dct = m.group(1) if m else ""
    parts, spans, pos = [], {}, 0
    for sm in _S.finditer(raw):
        text = html.unescape(_TAGS.sub("", sm.group(2))).strip()
        spans[int(sm.group(1))] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text) + 2
    if not spans:
        raise ValueError(f"{path}: no <s> sentences")
    return doc_id, dct, "\n\n".join(parts), spans


def read_timeline(path: Path) -> list[tuple[str, list[tuple[str, int]]]]:
    """(date, [(doc id, sentence id)]) of each entry of one gold timeline."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], start=2):
        cols = line.split("\t")
        if len(cols) < 3:
            if line.strip():
                raise ValueError(f"{path}:{n}: expected order<TAB>date<TAB>mention")
            continue
        ments = []
        for mention in cols[2:]:
            doc, sent, _word = mention.split("-", 2)
            ments.append((doc, int(sent)))
        out.append((cols[1], ments))
    return out


def fits(gold: str, ours: str) -> bool:
    """Our TIMEX3 value falls in the gold year/month/day and is at least as precise (a gold
    "2008-03-XX" is the month 2008-03)."""
    while gold.endswith("-XX"):
        gold = gold[:-3]
    return len(ours) >= len(gold) and ours[:len(gold)] == gold and ours[:4].isdigit()


# (raw texts, gold timelines): the bench's trial layout, then the official test data's (per corpus_N)
LAYOUTS = (("raw_TimeML", "timelines_gold"), ("corpus_trackA_TimeML", "TimeLines_Gold_Standard"))


def layout(corpus: Path) -> tuple[Path, Path] | None:
    """The raw-text and gold-timeline folders of one SemEval-2015 Task 4 corpus, in either layout."""
    for raw, gold in LAYOUTS:
        if (corpus / raw).is_dir():
            return corpus / raw, corpus / gold
    return None


def run(corpus: Path, console: Console, limit: int | None = None) -> dict[str, float]:
    """One corpus (the trial set, or one ``corpus_N`` of the test data), or a folder of them (the
    test data's ``corpus_1``..``corpus_3``: each scored, then all together)."""
    corpus = Path(corpus)
    if layout(corpus) is None:
        parts = [p for p in sorted(corpus.iterdir()) if p.is_dir() and layout(p) is not None] if corpus.is_dir() else []
        if not parts:
            raise ValueError(f"{corpus}: neither raw_TimeML/ nor corpus_trackA_TimeML/, nor folders holding one")
        got = [run(p, console, limit) for p in parts]
        dated = sum(g["dated_entries"] for g in got)
        found = sum(round(g["found_dated"] * g["dated_entries"]) for g in got)
        right = sum(round(g["right_date"] * g["dated_entries"]) for g in got)
        console.print(f"all {len(parts)} corpora: {dated} dated entries, {found} with a dated event in their "
                      f"sentence, {right} with the right date")
        return {"dated_entries": dated, "found_dated": round(found / dated, 4) if dated else 0.0,
                "right_date": round(right / dated, 4) if dated else 0.0}
    return _run_one(corpus, console, limit)


def _run_one(corpus: Path, console: Console, limit: int | None = None) -> dict[str, float]:
    from storyline.annotate.nlp import pipe_with_context
    from storyline.annotate.pipeline import annotate_doc
    from storyline.model import CleanArticle

    raw_dir, gold_dir = layout(corpus) or (corpus / "raw_TimeML", corpus / "timelines_gold")
    files = sorted(raw_dir.glob("*.tml"))
    if limit:
        files = files[:limit]
    docs = [read_doc(f) for f in files]
    # (doc id, sentence id) -> dates of our mentions there, and by what
    dates: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    mentions = 0
    arts = [CleanArticle(id=d[0], source=str(f), text=d[2], published=d[1] or None) for f, d in zip(files, docs)]
    for (doc, art), d in zip(pipe_with_context((a.text, a) for a in arts), docs):
        ann = annotate_doc(art, doc)
        mentions += len(ann.events)
        for m in ann.events:
            pos = m.trigger_start if m.trigger_start is not None else m.start
            sid = next((s for s, (a, b) in d[3].items() if a <= pos < b), None)
            if sid is not None and m.date is not None:
                dates[(d[0], sid)].append((m.date.value, m.date_from or ""))
    known = {d[0] for d in docs}
    table = Table(title=f"SemEval-2015 timelines on {corpus.name}: dated entries found with the right date")
    for col in ("timeline", "entries", "dated", "sentence has a dated event", "right date"):
        table.add_column(col, justify="right")
    tot_dated = tot_any = tot_right = 0
    for tl in sorted(gold_dir.glob("*.txt")):
        entries = [(date, [m for m in ms if m[0] in known]) for date, ms in read_timeline(tl)]
        entries = [e for e in entries if e[1]]
        dated = [e for e in entries if not e[0].startswith("XXX")]  # (one gold line has "XXX-XX-XX")
        any_ = sum(1 for _, ms in dated if any(dates.get(m) for m in ms))
        right = sum(1 for date, ms in dated if any(fits(date, v) for m in ms for v, _ in dates.get(m, [])))
        table.add_row(tl.stem, str(len(entries)), str(len(dated)), str(any_), str(right))
        tot_dated += len(dated)
        tot_any += any_
        tot_right += right
    table.add_row("all", "", str(tot_dated), str(tot_any), str(tot_right))
    console.print(table)
    console.print(f"{mentions} event mentions in {len(docs)} documents")
    return {"dated_entries": tot_dated, "found_dated": round(tot_any / tot_dated, 4) if tot_dated else 0.0,
            "right_date": round(tot_right / tot_dated, 4) if tot_dated else 0.0}
