"""Train the candidate-ranking weights of storyline.annotate.places (weights.json).

Data: LGL and GeoVirus (/work/shared/bench/geoparsing/{lgl,GeoVirus}.xml), training part only:
articles whose index is not a multiple of 4 (those are held out for evaluation). For every gold toponym with coordinates, each
gazetteer candidate is one example, positive when it lies within 161 km of the gold point.
Pairwise ranking: for each toponym, the first right candidate minus each wrong one is an example
(and its negation the opposite example). Two logistic regressions (scikit-learn, no intercept, C=0.1 chosen on the training splits among 0.01-10):
``prior`` on the candidate and text features, then ``coherent`` with the coherence features
computed against the choices of ``prior`` (as at inference time).

Run: .venv/bin/python scripts/train_places.py [corpus.xml ...]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyline.annotate import places as P
from storyline.eval.places import haversine, is_heldout, read_corpus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / ".." / "shared" / "bench" / "geoparsing" / n for n in ("lgl.xml", "GeoVirus.xml")]


def examples(gaz, arts, weights, coherent: bool):
    X, y = [], []
    for a in arts:
        names = [p for p, _, _ in a.toponyms]
        info, choice = P.rank_article(gaz, names, a.text, weights=weights, rounds=0)
        support = P._support(gaz, info)
        for p, lat, lon in a.toponyms:
            cands, feats = info[p]
            if not cands:
                continue
            labels = [haversine(lat, lon, gaz.lat[r], gaz.lon[r]) <= 161 for r, _ in cands]
            if not any(labels):
                continue  # nothing to learn from a toponym no candidate can answer
            others = [r for k, r in choice.items() if P.norm(k) != P.norm(p)]
            rows = [f + (P.coherence_features(gaz, r, others) + P.support_features(gaz, r, p, support)
                         if coherent else []) for (r, _), f in zip(cands, feats)]
            # Pairwise ranking: the best-ranked right candidate against every wrong one, both ways round.
            pos = rows[labels.index(True)]
            for f, lab in zip(rows, labels):
                if not lab:
                    d = [a - b for a, b in zip(pos, f)]
                    X += [d, [-x for x in d]]
                    y += [1, 0]
    return np.array(X), np.array(y)


def fit(X, y) -> list[float]:
    lr = LogisticRegression(fit_intercept=False, C=float(__import__("os").environ.get("PLACES_C", "0.1")), max_iter=2000)
    lr.fit(X, y)
    return [round(float(w), 4) for w in lr.coef_[0]]


def main() -> None:
    corpora = [Path(a) for a in sys.argv[1:]] or DEFAULT
    train = []
    for corpus in corpora:
        _, arts = read_corpus(corpus)
        train += [a for a in arts if not is_heldout(a.index) and a.toponyms]
    gaz = P.load_gazetteer()
    X, y = examples(gaz, train, P._default_weights(), coherent=False)
    prior = fit(X, y)
    w = {"prior": prior}
    X, y = examples(gaz, train, w, coherent=True)
    w["coherent"] = fit(X, y)
    w["features"] = P.FEATURE_NAMES
    w["trained_on"] = f"{', '.join(c.name for c in corpora)}: {len(train)} articles whose index % 4 != 0"
    out = Path(P.__file__).with_name("weights.json")
    out.write_text(json.dumps(w, indent=1) + "\n", encoding="utf-8")
    for name, ws in zip(P.FEATURE_NAMES, w["coherent"]):
        print(f"{name:14s} {ws:+.3f}")
    print("wrote", out)


if __name__ == "__main__":
    main()
