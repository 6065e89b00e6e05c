"""Build src/storyline/annotate/dating_model.json: how far an article's writing date lies from each
kind of clue its text gives (annotate/dating.py), learned on TRAIN articles only.

Train articles: PolNeAR train/text (dates from metadata.tsv) and the TBAQ-cleaned files that
``eval.dating.tbaq_split`` puts in train (three quarters, by a hash of the name). Dev articles are
never read here. For each clue class, a histogram of (real date - clue span) in signed log-spaced
day buckets, add-one smoothed; then the temperature of the posterior and the least posterior mass
of one year needed to give an estimate are chosen on the same train articles: the most articles
within 31 days while at most MAX_FAR of the estimates are off by more than a year.

Run: .venv/bin/python scripts/train_dating.py   (deterministic: sorted inputs, no randomness)
"""
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from storyline.annotate.dating import (
    CUES,
    bucket,
    estimate_from_clues,
    offset,
    posterior,
    text_clues,
)
from storyline.eval.dating import load

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench"
OUT = REPO / "src" / "storyline" / "annotate" / "dating_model.json"
EDGES = [0, 1, 4, 8, 15, 32, 63, 123, 244, 366, 731, 1826, 3653, 36525]
ALPHA = 1.0
HORIZON = 10  # years after the latest clue that the writing date may lie
STEP = 3  # days between candidate writing dates
MAX_REPEAT = 1
MAX_FAR = 0.08
TEMPERATURES = [1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0]
MASSES = [round(0.30 + 0.05 * i, 2) for i in range(14)]


def histograms(data) -> dict:
    counts: dict[str, Counter] = {k: Counter(v) for k, v in CUES["prior_counts"].items()}
    for a, cs in data:
        for c in cs:
            counts.setdefault(c.kind, Counter())[bucket(offset(c, a.date), EDGES)] += 1
    keys = ["0"] + [f"{s}{i}" for s in "+-" for i in range(len(EDGES) - 1)]
    classes = {}
    for kind in sorted(counts):
        total = sum(counts[kind].values()) + ALPHA * len(keys)
        table = {k: round((counts[kind][k] + ALPHA) / total, 6) for k in keys if counts[kind][k]}
        table["_floor"] = round(ALPHA / total, 6)
        table["_n"] = sum(counts[kind].values())  # with the prior's pseudo-counts
        classes[kind] = table
    return classes


def main() -> None:
    arts = [a for a in load(BENCH) if a.split == "train"]
    data = [(a, text_clues(a.text)) for a in arts]
    model = {"edges": EDGES, "classes": histograms(data), "temperature": 1.0, "min_year_mass": 0.0,
             "range_mass": 0.8, "weights": CUES["weights"], "horizon": HORIZON, "step": STEP, "max_repeat": MAX_REPEAT}
    # the point does not depend on the temperature; the year masses do
    rows = []
    for a, cs in data:
        post = posterior(cs, model)
        if not post:
            rows.append((a, None, []))
            continue
        point = max(post, key=lambda dp: (dp[1], -dp[0].toordinal()))[0]
        logs = [(d, math.log(p) if p > 0 else -1e9) for d, p in post]
        rows.append((a, point, logs))
    best = None
    for t in TEMPERATURES:
        masses = []
        for a, point, logs in rows:
            if point is None:
                masses.append(0.0)
                continue
            top = max(lp for _, lp in logs)
            ps = [(d, math.exp((lp - top) / t)) for d, lp in logs]
            z = sum(p for _, p in ps)
            by_year: Counter = Counter()
            for d, p in ps:
                by_year[d.year] += p / z
            masses.append(max(by_year.values()))
        for m in MASSES:
            est = [(a, point) for (a, point, _), mass in zip(rows, masses) if point is not None and mass >= m]
            if not est:
                continue
            near = sum(1 for a, p in est if abs((p - a.date).days) <= 31)
            far = sum(1 for a, p in est if abs((p - a.date).days) > 365)
            if far / len(est) <= MAX_FAR:
                key = (near, -m, -t)
                if best is None or key > best[0]:
                    best = (key, t, m, len(est), far)
    if best is not None:
        model["temperature"], model["min_year_mass"] = best[1], best[2]
    OUT.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    n = len(data)
    print(f"{n} train articles; temperature {model['temperature']}, min year mass {model['min_year_mass']}")
    if best:
        print(f"train: estimated {best[3]}/{n}, within 31 days {best[0][0]}/{n}, off by a year+ {best[4]}/{best[3]}")
    # a check that the shipped model gives the same figures as chosen here
    kept = sum(1 for _, cs in data if estimate_from_clues(cs, model) is not None)
    print(f"estimates with the written model: {kept}/{n}")


if __name__ == "__main__":
    main()
