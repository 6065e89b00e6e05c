"""Toponym resolution on LGL / GeoVirus: gold toponym strings in, coordinates out.

For each article we pass its gold toponym phrases and its text to ``resolve_places`` and measure
the great-circle error to the gold point: accuracy within 161 km (100 miles), mean and median
error, and AUC of the error curve (Gritta et al. 2018: area under log(1+error) / log(20039),
lower is better). A toponym the gazetteer cannot find counts as wrong (error 20039 km).
LGL toponyms without gold coordinates are skipped. Articles whose index is a multiple of 4 are
held out from training (``scripts/train_places.py``); both parts are reported.
"""
from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

MAX_KM = 20039.0
PUBLISHED = {
    "lgl": {"CamCoder": 0.76, "population baseline": 0.70, "Mordecai 3": 0.827},
    "geovirus": {"CamCoder": 0.82, "population baseline": 0.80},
}


@dataclass
class GoldArticle:
    index: int
    text: str
    toponyms: list[tuple[str, float, float]]  # phrase, lat, lon


def read_corpus(path: Path) -> tuple[str, list[GoldArticle]]:
    """LGL (<toponym>/<gaztag>) or GeoVirus (<location>) XML, detected by its elements."""
    root = ET.parse(path).getroot()
    arts = []
    kind = "geovirus" if root.find(".//location") is not None else "lgl"
    for i, a in enumerate(root.iter("article")):
        text = a.findtext("text") or ""
        tops = []
        if kind == "lgl":
            for t in a.iter("toponym"):
                g = t.find("gaztag")
                if g is None or g.findtext("lat") is None:
                    continue
                tops.append((t.findtext("phrase") or "", float(g.findtext("lat")), float(g.findtext("lon"))))
        else:
            for t in a.iter("location"):
                phrase = (t.findtext("name") or "").strip()  # the surface form; offsets are 1-based
                tops.append((phrase, float(t.findtext("lat")), float(t.findtext("lon"))))
        arts.append(GoldArticle(i, text, tops))
    return kind, arts


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def is_heldout(index: int) -> bool:
    return index % 4 == 0


def _summary(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"n": 0.0}
    return {
        "n": float(len(errors)),
        "acc161": sum(e <= 161 for e in errors) / len(errors),
        "mean_km": statistics.fmean(errors),
        "median_km": statistics.median(errors),
        "auc": statistics.fmean(math.log1p(e) / math.log1p(MAX_KM) for e in errors),
        "not_found": sum(e >= MAX_KM for e in errors) / len(errors),
    }


def run(corpus: Path, console: Console, limit: int | None = None) -> dict[str, float]:
    from storyline.annotate.places import load_gazetteer, resolve_places

    t0 = time.perf_counter()
    load_gazetteer()
    load_s = time.perf_counter() - t0
    kind, arts = read_corpus(Path(corpus))
    if limit:
        arts = arts[:limit]
    parts: dict[str, list[float]] = {"all": [], "held-out": [], "train": []}
    t1 = time.perf_counter()
    for a in arts:
        if not a.toponyms:
            continue
        res = resolve_places([p for p, _, _ in a.toponyms], a.text)
        for (p, lat, lon), place in zip(a.toponyms, res):
            e = MAX_KM if place is None else haversine(lat, lon, place.lat, place.lon)
            parts["all"].append(e)
            parts["held-out" if is_heldout(a.index) else "train"].append(e)
    resolve_s = time.perf_counter() - t1
    stats = {k: _summary(v) for k, v in parts.items()}
    table = Table(title=f"Toponym resolution: {Path(corpus).name} ({kind}, {len(arts)} articles)")
    for col in ("system / split", "toponyms", "acc@161km", "mean km", "median km", "AUC (lower better)", "not in gazetteer"):
        table.add_column(col)
    for k, s in stats.items():
        if s["n"]:
            table.add_row(f"storyline ({k})", f"{int(s['n'])}", f"{s['acc161']:.3f}", f"{s['mean_km']:.0f}",
                          f"{s['median_km']:.1f}", f"{s['auc']:.3f}", f"{s['not_found']:.3f}")
    for name, acc in PUBLISHED.get(kind, {}).items():
        table.add_row(f"{name} (published)", "", f"{acc:.3f}", "", "", "", "")
    console.print(table)
    console.print(f"gazetteer load {load_s:.2f} s; resolution {resolve_s:.1f} s "
                  f"({len(parts['all']) / max(resolve_s, 1e-9):.0f} toponyms/s)")
    out = {f"acc161_{k}": s.get("acc161", 0.0) for k, s in stats.items()}
    out.update({"mean_km": stats["all"].get("mean_km", 0.0), "median_km": stats["all"].get("median_km", 0.0),
                "auc": stats["all"].get("auc", 0.0), "load_s": load_s})
    return out
