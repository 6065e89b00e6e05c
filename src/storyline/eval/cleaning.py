"""Plain-text cleaner on flattened pages of the article-extraction bench (held-out split).

Each HTML page is flattened to text, one block a line (``storyline.clean.flatten``). A line is
labelled article if most of it occurs in the ground-truth body (at least half of its word 4-grams,
or, for lines under four words, the whole word sequence). The cleaner's kept lines are scored
line-level (precision/recall/F1 over lines) and token-level (the benchmark's shingle metric on the
kept text), next to "keep everything" and trafilatura given the same flattened text.
Only the held-out split (``split_of(name) == "test"``) is scored; the cleaner's weights were trained
on the other split by ``scripts/train_clean.py``.
"""
from __future__ import annotations

import gzip
import html
import hashlib
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..clean.flatten import flatten_html
from ..clean.lines import tokens
from .extraction import prf_from_pairs, shingle_counts

TEST_SHARE = 3  # one page in three (by hash of its file name) is held out


def split_of(name: str) -> str:
    h = int(hashlib.sha1(name.encode()).hexdigest(), 16)
    return "test" if h % TEST_SHARE == 0 else "train"


def read_html(path: Path) -> str:
    from trafilatura.utils import decode_file

    data = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
    return decode_file(data)


def load_pages(corpus: Path, split: str | None, limit: int | None = None):
    """Yield (key, flattened lines, ground-truth body) for pages of the given split."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf8"))
    n = 0
    for key in sorted(truth):
        path = corpus / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        if split is not None and split_of(key) != split:
            continue
        lines = flatten_html(read_html(path))
        yield key, lines, truth[key].get("articleBody", "") or ""
        n += 1
        if limit and n >= limit:
            break


def label_lines(lines: list[str], body: str) -> list[int]:
    """1 for a line whose words mostly occur in the ground-truth body, else 0."""
    bt = [t.lower() for t in tokens(body)]
    grams = {tuple(bt[i : i + 4]) for i in range(max(0, len(bt) - 3))}
    joined = " " + " ".join(bt) + " "
    labels = []
    for line in lines:
        lt = [t.lower() for t in tokens(line)]
        if not lt:
            labels.append(0)
        elif len(lt) < 4:
            labels.append(1 if f" {' '.join(lt)} " in joined else 0)
        else:
            lg = [tuple(lt[i : i + 4]) for i in range(len(lt) - 3)]
            labels.append(1 if sum(g in grams for g in lg) >= 0.5 * len(lg) else 0)
    return labels


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(corpus: Path, console: Console, limit: int | None = None) -> dict[str, float]:
    import trafilatura

    from ..clean.core import decide

    systems = ["storyline clean (text)", "keep everything", "trafilatura on text"]
    line_counts = {s: [0, 0, 0] for s in systems}
    pairs: dict[str, list[tuple[str, str]]] = {s: [] for s in systems}
    pages = 0
    for key, lines, body in load_pages(corpus, "test", limit):
        pages += 1
        gold = label_lines(lines, body)
        keep = decide(lines)[0].keep
        outputs = {
            "storyline clean (text)": keep,
            "keep everything": [True] * len(lines),
        }
        # trafilatura reads HTML: hand it the flattened text as one paragraph a line
        page = "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in lines) + "</body></html>"
        tr = trafilatura.extract(page, include_comments=False) or ""
        tr_set = {x.strip() for x in tr.split("\n") if x.strip()}
        outputs["trafilatura on text"] = [x.strip() in tr_set for x in lines]
        for s in systems:
            k = outputs[s]
            c = line_counts[s]
            for g, kk in zip(gold, k):
                c[0] += g and kk
                c[1] += (not g) and kk
                c[2] += g and not kk
            pred = tr if s == "trafilatura on text" else "\n".join(x for x, kk in zip(lines, k) if kk)
            pairs[s].append((body, pred))
    table = Table(title=f"Plain-text cleaner, flattened article-extraction pages, held-out split ({pages} pages)")
    for col in ["system", "line P", "line R", "line F1", "token P", "token R", "token F1"]:
        table.add_column(col, justify="right" if col != "system" else "left")
    res: dict[str, float] = {}
    for s in systems:
        lp, lr, lf = _prf(*line_counts[s])
        tp, tr_, tf = prf_from_pairs(pairs[s])
        table.add_row(s, *(f"{x:.3f}" for x in (lp, lr, lf, tp, tr_, tf)))
        short = {"storyline clean (text)": "clean", "keep everything": "keep_all", "trafilatura on text": "trafilatura_text"}[s]
        res.update({f"{short}_line_p": lp, f"{short}_line_r": lr, f"{short}_line_f1": lf,
                    f"{short}_token_p": tp, f"{short}_token_r": tr_, f"{short}_token_f1": tf})
    console.print(table)
    console.print("Reference (bench README): trafilatura on flattened text removes almost nothing, F about 0.70.")
    res["pages"] = float(pages)
    _ = shingle_counts  # metric shared with the extraction eval
    return res
