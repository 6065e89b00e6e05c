"""Build src/storyline/link/dating_collection.json: the thresholds of the writing-date estimate from
the dated articles of a collection (link/dating.py ``collection_estimates``), learned on TRAIN only.

Train articles: PolNeAR train and the TBAQ-cleaned files ``eval.dating.tbaq_split`` puts in train,
annotated without their dates (the eval's ``annotate_all``; set $STORYLINE_DATING_CACHE to reuse a
cache). Each train article in turn is undated and the other train articles keep their dates (leave
one out); dev articles are never read. Chosen: the neighbours kept (k), the least similarity, the
window of days neighbours must agree within and the least share of similarity that window must hold,
for the most train articles within 31 days of their date while at most MAX_FAR of the estimates are
off by a year or more in each corpus. At least two neighbours and a majority: one neighbour cannot show agreement.
Then the second stage (``profile``: the date profiles of the article's keys, for what no agreeing
neighbours date), leave one out on the same train articles: the kernel's bandwidth, the most
articles a key may be carried by, the weight of the collection's own profile, the power of the idf,
the least score gap to another era, the least number of supporting dated articles, the weight of the
article's own clues and how much a key not reported around a day counts against it, and whether the
profiles come first (the neighbours then only for what they leave undated), for the most
train articles within 31 days while at most MAX_FAR of all estimates are off by a year or more (over
both corpora together: the issue's measure; each corpus's share is printed).

Run: .venv/bin/python scripts/train_collection_dating.py   (deterministic: sorted inputs, a grid)
"""
from __future__ import annotations

import json
from itertools import product
from pathlib import Path

from storyline.eval.dating import (
    annotate_all,
    collection_neighbours,
    collection_profiles,
    collection_rows,
    load,
    own_clues,
    score,
)

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench"
OUT = REPO / "src" / "storyline" / "link" / "dating_collection.json"
BLOCK = {"block_df_share": 0.02, "block_min_df": 5, "min_agree": 2}
MAX_FAR = 0.08
KS = [2, 3, 4, 5, 7, 10]
SIMILARITIES = [round(0.02 * i, 2) for i in range(1, 21)]
WINDOWS = [7, 14, 21, 31, 45, 62]
SHARES = [0.51, 0.6, 0.67, 0.75, 0.8, 0.9, 1.0]
BANDWIDTHS = [7.0, 10.0, 14.0]
MAX_DF_SHARES = [0.02, 0.05]
IDF_POWERS = [0.0, 1.0]
ALPHAS = [4.0, 8.0]
MIN_GAPS = [0.0]
OWN_WEIGHTS = [0.0, 0.5, 1.0]
MIN_LOG_RATIOS = [None, -1.0]
MIN_DOCS = 2
BANDWIDTHS_FIRST = [7.0, 14.0]


def _rank(f: dict[str, float]) -> tuple[float, float]:
    """A setting's figures as a sort key: the most within 31 days, then the fewest off by a year."""
    return round(f["within_31_days"], 6), -round(f["of_estimates_off_by_a_year_or_more"], 6)


def main() -> None:
    arts = load(BENCH)
    train = [a for a in arts if a.split == "train"]
    anns = annotate_all(arts)
    wide = {**BLOCK, "k": max(KS), "min_similarity": min(SIMILARITIES)}
    near = collection_neighbours(train, anns, wide, ("train",), train)
    best: tuple | None = None
    for k in KS:
        for sim in SIMILARITIES:
            for window in WINDOWS:
                for share in SHARES:
                    params = {"k": k, "min_similarity": sim, "window": window, "min_share": share}
                    rows = collection_rows(train, near, params)
                    if any(score([r for r in rows if r[0].corpus == c])["of_estimates_off_by_a_year_or_more"] > MAX_FAR
                           for c in sorted({a.corpus for a in train})):
                        continue  # within each corpus: one of them must not hide the other's errors
                    f = score(rows)
                    key = _rank(f)
                    if best is None or key > best[0]:
                        best = (key, params, f)
    assert best is not None, "no setting keeps the estimates off by a year under MAX_FAR"
    _, params, f = best
    params = {**params, **BLOCK}
    print("train (leave-one-out), neighbours only:", {k: round(v, 4) for k, v in f.items()})
    first = collection_rows(train, near, params)
    rest = [a for a, e in first if e is None]
    clues = own_clues(rest)
    best_p: tuple | None = None
    for bandwidth in BANDWIDTHS:
        for max_df in MAX_DF_SHARES:
            for power in IDF_POWERS:
                base = {"bandwidth": bandwidth, "max_df_share": max_df, "idf_power": power, "min_docs": MIN_DOCS}
                index = collection_profiles(train, anns, {**params, "profile": {**base, "alpha": 1.0, "min_gap": 0.0}},
                                            ("train",))
                for alpha, gap, own_w, floor in product(ALPHAS, MIN_GAPS, OWN_WEIGHTS, MIN_LOG_RATIOS):
                    prof = {**base, "alpha": alpha, "min_gap": gap, "own_weight": own_w, "min_log_ratio": floor}
                    got = {(a.corpus, a.name): e
                           for a, e in collection_rows(rest, near, {**params, "profile": prof}, index, clues)}
                    rows = [(a, e if e is not None else got.get((a.corpus, a.name))) for a, e in first]
                    f2 = score(rows)
                    if f2["of_estimates_off_by_a_year_or_more"] > MAX_FAR:
                        continue
                    key = _rank(f2)
                    if key > (round(f["within_31_days"], 6), -1.0) and (best_p is None or key > best_p[0]):
                        best_p = (key, prof, f2, rows)
    # or the profiles first, the neighbours only for what they leave undated (a smaller grid: each
    # setting dates every train article)
    clues = own_clues(train)
    for bandwidth, alpha in product(BANDWIDTHS_FIRST, ALPHAS):
        base = {"bandwidth": bandwidth, "max_df_share": 0.05, "idf_power": 1.0, "min_docs": MIN_DOCS}
        index = collection_profiles(train, anns, {**params, "profile": base}, ("train",))
        prof = {**base, "alpha": alpha, "min_gap": 0.0, "own_weight": 1.0, "min_log_ratio": None, "first": True}
        rows = collection_rows(train, near, {**params, "profile": prof}, index, clues)
        f2 = score(rows)
        if f2["of_estimates_off_by_a_year_or_more"] > MAX_FAR:
            continue
        key = _rank(f2)
        if best_p is None or key > best_p[0]:
            best_p = (key, prof, f2, rows)
    if best_p is not None:
        params["profile"] = best_p[1]
        print("train (leave-one-out), with the profiles:", {k: round(v, 4) for k, v in best_p[2].items()})
        for c in sorted({a.corpus for a in train}):
            print(f"  {c}:", {k: round(v, 4) for k, v in score([r for r in best_p[3] if r[0].corpus == c]).items()})
    OUT.write_text(json.dumps(params, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
