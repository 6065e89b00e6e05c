"""Build src/storyline/link/dating_collection.json: the numbers of the writing-date estimate from the
dated articles of the store (link/dating.py ``profile_estimate``), learned on TRAIN only.

Train articles: PolNeAR train and the TBAQ-cleaned files ``eval.dating.tbaq_split`` puts in train,
annotated without their dates (the eval's ``annotate_all``; set $STORYLINE_DATING_CACHE to reuse a
cache). Each train article in turn is undated and the other train articles keep their dates (leave
one out); dev articles are never read. Chosen on a grid: the most articles a key may be carried by
(``max_df``), the kernel's bandwidth, the weight of the background (``alpha``), how much an article's
number of keys weighs in the background (``length_power``) and how the keys' score is scaled by their
number (``key_scale``), and how a key's weight falls with the spread of its dated carriers over time
(``burst_days``: a key said all year long dates less than one said in a burst), for the most train articles within 31 days of their date, on average
over leave-one-out and "past only" (each article dated from the train articles written up to
``eval.dating.PAST_DAYS`` after it: the edge of the collection, where a real arrival stands), while
at most MAX_FAR of all estimates are off by a year or more in either (over both corpora together: the issue's measure;
each corpus's share is printed). Fixed: the idf's reference size and power, the weight of the
article's own clues, the least number of supporting articles and the least score gap to another era.

Run: .venv/bin/python scripts/train_collection_dating.py   (deterministic: sorted inputs, a grid)
"""
from __future__ import annotations

import json
from itertools import product
from pathlib import Path

from storyline.eval.dating import (
    PAST_DAYS,
    all_keys,
    annotate_all,
    collection_index,
    collection_rows,
    load,
    own_clues,
    score,
)

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench"
OUT = REPO / "src" / "storyline" / "link" / "dating_collection.json"
MAX_FAR = 0.08
FIXED = {"reference_n": 1000, "idf_power": 1.0, "own_weight": 1.0, "min_docs": 2, "min_gap": 0.0}
# The grid of the first round (dating5) was MAX_DFS [50, 100], BANDWIDTHS [7, 14], ALPHAS [4, 8],
# LENGTH_POWERS [0, 1], KEY_SCALES [None, 0.3, 0.5, 1.0]; it chose the values kept fixed below (a full
# grid with BURST_DAYS is 448 leave-one-out runs, too long to re-run each round; widen these to redo it).
MAX_DFS = [50]
BANDWIDTHS = [14.0]  # dating7 re-tried 30 with BURST_DAYS [None, 90, 180, 365]: best mean 0.6589 (vs 0.6618)
ALPHAS = [8.0]
LENGTH_POWERS = [1.0]
KEY_SCALES: list[float | None] = [0.5]
# how a key's weight falls with the spread of its dated carriers (``burst_days``: the median distance,
# in days, from their median day at which the weight halves; None: no fall)
BURST_DAYS: list[float | None] = [None, 180.0]  # dating6's grid: 60, 120, 240, 365, 730 too (90 and 365
# re-tried by dating7 under the mean of leave-one-out and past only: 0.6560 and 0.6565)
# how long a report's words stay news after it (``after_bandwidth``, days; None: ``bandwidth``, a
# symmetric kernel): reports follow what they tell, and an article refers back to what was reported
AFTER_BANDWIDTHS: list[float | None] = [None, 30.0, 60.0]


def _rank(loo: dict[str, float], past: dict[str, float]) -> tuple[float, float]:
    """A setting's figures as a sort key: the most within 31 days, on average over leave-one-out and
    past only (each article dated from the train articles written up to ``PAST_DAYS`` after it: what
    the store held when it arrived, the case of a real arrival), then the fewest off by a year."""
    return (round((loo["within_31_days"] + past["within_31_days"]) / 2, 6),
            -round(max(loo["of_estimates_off_by_a_year_or_more"], past["of_estimates_off_by_a_year_or_more"]), 6))


def main() -> None:
    arts = load(BENCH)
    train = [a for a in arts if a.split == "train"]
    anns = annotate_all(arts)
    keys = all_keys(train, anns)
    own = own_clues(train)
    index = collection_index(train, keys, ("train",))
    best: tuple | None = None
    for max_df, bandwidth, alpha, power, scale, burst, after in product(MAX_DFS, BANDWIDTHS, ALPHAS, LENGTH_POWERS,
                                                                         KEY_SCALES, BURST_DAYS, AFTER_BANDWIDTHS):
        params = {**FIXED, "max_df": max_df, "bandwidth": bandwidth, "alpha": alpha, "length_power": power}
        if after is not None:
            params["after_bandwidth"] = after
        if scale is not None:
            params["key_scale"] = scale
        if burst is not None:
            params["burst_days"] = burst
        rows = collection_rows(train, keys, index, params, own)
        past = collection_rows(train, keys, index, params, own, past_days=PAST_DAYS)
        f, g = score(rows), score(past)
        print(f"{json.dumps(params, sort_keys=True)}: within 31 days {f['within_31_days']:.4f} "
              f"(past only {g['within_31_days']:.4f}), off by a year {f['of_estimates_off_by_a_year_or_more']:.4f} "
              f"(past only {g['of_estimates_off_by_a_year_or_more']:.4f})", flush=True)
        if max(f["of_estimates_off_by_a_year_or_more"], g["of_estimates_off_by_a_year_or_more"]) > MAX_FAR:
            continue
        if best is None or _rank(f, g) > best[0]:
            best = (_rank(f, g), params, rows, past)
    assert best is not None, "no setting keeps the estimates off by a year under MAX_FAR"
    _, params, rows, past = best
    for name, got in (("train (leave-one-out)", rows), ("train (past only)", past)):
        print(f"{name}:", {k: round(v, 4) for k, v in score(got).items()})
        for c in sorted({a.corpus for a in train}):
            print(f"  {c}:", {k: round(v, 4) for k, v in score([r for r in got if r[0].corpus == c]).items()})
    OUT.write_text(json.dumps(params, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
