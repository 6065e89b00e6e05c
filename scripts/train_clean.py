"""Train the plain-text cleaner's line classifier; writes src/storyline/clean/model.json.

Data: /work/shared/bench/article-extraction (HTML pages + ground-truth bodies), train split only
(``storyline.eval.cleaning.split_of(name) == "train"``, two pages in three by hash of the name).
Each page is flattened to one block a line and each line labelled article / not article from the
ground truth (``label_lines``). Two logistic regressions (scikit-learn, training time only):
stage 1 over the line features of ``storyline.clean.lines``; stage 2 adds the stage-1
probabilities of the neighbouring lines. The weights are stored as JSON and applied with plain
Python at run time (``storyline.clean.core``).

    .venv/bin/python scripts/train_clean.py [--corpus PATH]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyline.clean.core import STAGE2_EXTRA, stage2_features
from storyline.clean.lines import FEATURES, line_features
from storyline.eval.cleaning import label_lines, load_pages

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "bench" / "article-extraction")
    ap.add_argument("--beta", type=float, default=1.5, help="F-beta weighting recall when picking the threshold")
    args = ap.parse_args()
    docs = []
    for key, lines, body in load_pages(args.corpus, "train"):
        if not lines:
            continue
        docs.append((np.array(line_features(lines)), np.array(label_lines(lines, body))))
    X1 = np.vstack([d[0] for d in docs])
    y = np.concatenate([d[1] for d in docs])
    print(f"{len(docs)} train pages, {len(y)} lines, {y.mean():.3f} article")
    m1 = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False).fit(X1, y)
    w1 = m1.coef_[0]
    X2s = []
    for X, _ in docs:
        p = 1 / (1 + np.exp(-(X @ w1)))
        X2s.append(np.hstack([X, np.array(stage2_features(list(p)))]))
    X2 = np.vstack(X2s)
    m2 = LogisticRegression(C=1.0, max_iter=3000, fit_intercept=False).fit(X2, y)
    p2 = m2.predict_proba(X2)[:, 1]
    best = (0.0, 0.5)
    for t in np.arange(0.1, 0.9, 0.02):
        k = p2 >= t
        tp, fp, fn = (k & (y == 1)).sum(), (k & (y == 0)).sum(), ((~k) & (y == 1)).sum()
        pr, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
        b2 = args.beta**2
        f = (1 + b2) * pr * rc / max(1e-9, b2 * pr + rc)
        if f > best[0]:
            best = (f, float(t))
    print(f"train F{args.beta}: {best[0]:.3f} at threshold {best[1]:.2f}")
    out = {
        "about": "Line classifier for storyline.clean, trained by scripts/train_clean.py on the train split "
        "of the article-extraction bench (pages flattened to lines, labels from ground-truth bodies).",
        "features": FEATURES,
        "stage2_extra": STAGE2_EXTRA,
        "w1": [round(float(x), 5) for x in w1],
        "w2": [round(float(x), 5) for x in m2.coef_[0]],
        "threshold": round(best[1], 3),
        "train_pages": len(docs),
        "train_lines": int(len(y)),
    }
    path = ROOT / "src" / "storyline" / "clean" / "model.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print("wrote", path)
    for name, w in zip(FEATURES + STAGE2_EXTRA, m2.coef_[0]):
        print(f"  {name:14s} {w:+.2f}")


if __name__ == "__main__":
    main()
