"""Build src/storyline/link/story_df.json: background document frequencies of story features.

StoryIndex smooths the document frequencies it counts as articles arrive with these, so IDF is
sensible from the first article on. Made from news text in /work/shared/bench that is *not* used to
evaluate stories (no ECB+): PolNeAR train texts, LGL and GeoVirus articles, and the article-extraction
benchmark's ground-truth bodies. Only features seen in at least MIN_DF documents are kept.

Run: .venv/bin/python scripts/train_story_df.py
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from storyline.link.stories import features

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench"
OUT = REPO / "src" / "storyline" / "link" / "story_df.json"
MIN_DF = 3


def texts():
    for f in sorted((BENCH / "polnear" / "train" / "text").glob("*.txt")):
        yield f.read_text(errors="replace")
    for name in ("lgl.xml", "GeoVirus.xml"):
        root = ET.parse(BENCH / "geoparsing" / name).getroot()
        for art in root.iter("article"):
            t = art.findtext("text") or ""
            title = art.findtext("title") or ""
            yield title + "\n" + t
    gt = json.loads((BENCH / "article-extraction" / "ground-truth.json").read_text())
    for rec in gt.values():
        yield rec.get("articleBody") or ""


def main() -> None:
    df: Counter = Counter()
    n = 0
    for t in texts():
        if len(t.split()) < 30:
            continue
        n += 1
        df.update(features(t).keys())
    kept = {k: v for k, v in sorted(df.items()) if v >= MIN_DF}
    OUT.write_text(json.dumps({"documents": n, "min_df": MIN_DF,
                               "source": "PolNeAR train, LGL, GeoVirus, article-extraction ground truth",
                               "df": kept}, separators=(",", ":")))
    print(f"{n} documents, {len(kept)} features -> {OUT}")


if __name__ == "__main__":
    main()
