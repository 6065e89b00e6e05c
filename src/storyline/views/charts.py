"""Geometry of the server-drawn SVG figures: the time axis of a story, figure series over time, and
places on an equirectangular lat/lon grid. Only numbers and the records' own strings come out; the
templates draw them (autoescaped), so no text is ever inserted as markup."""
from __future__ import annotations

import functools
from datetime import date

from markupsafe import Markup

from .read import EntityRef, PlaceItem, SeriesItem, Timeline

AXIS_W, AXIS_PAD = 1000, 30
AXIS_LANES = 7  # rows of marks on a story's time axis


def timeline(tl: Timeline) -> dict | None:
    axis = tl.axis
    if axis is None:
        return None
    span = max((axis.end - axis.start).days, 1)
    inner = AXIS_W - 2 * AXIS_PAD

    def x(d: date) -> float:
        return round(AXIS_PAD + (d - axis.start).days / span * inner, 1)

    marks = []
    # right edge of the last mark in each lane; the last lane takes every mark that fits in no other
    # (a story dates hundreds of events to a few days: unbounded lanes made placing them quadratic)
    lanes: list[float] = []
    events = sorted(tl.key_events + tl.other_events, key=lambda e: (e.start, e.end, e.id))
    for ev in events:
        x0, x1 = x(ev.start), x(ev.end)
        lane = next((i for i, edge in enumerate(lanes) if edge + 10 <= x0), None)
        if lane is None:
            if len(lanes) < AXIS_LANES:
                lanes.append(0.0)
            lane = len(lanes) - 1
        lanes[lane] = max(lanes[lane], x1, x0 + 8)
        marks.append({"id": ev.id, "x": x0, "w": round(max(x1 - x0, 0), 1), "y": 40 + 14 * lane,
                      "key": ev.key, "label": f"{ev.when}: {ev.summary}"})
    height = 40 + 14 * len(lanes) + 30
    ticks = [{"x": round(AXIS_PAD + t.x * inner, 1), "label": t.label, "from": t.start.isoformat(),
              "to": t.end.isoformat()} for t in axis.ticks]
    return {"width": AXIS_W, "height": height, "base": height - 26, "ticks": ticks, "marks": marks,
            "x0": AXIS_PAD, "x1": AXIS_W - AXIS_PAD}


CHART_W, CHART_H, CL, CR, CT, CB = 640, 220, 60, 20, 14, 34


def series_chart(se: SeriesItem) -> dict:
    pts = [p for p in se.points if p.start is not None]
    if not pts:
        return {"points": [], "width": CHART_W, "height": CHART_H}
    d0, d1 = min(p.start for p in pts), max(p.start for p in pts)
    v0, v1 = 0.0, max(p.value for p in pts)
    v1 = v1 * 1.1 if v1 > 0 else 1.0
    span = max((d1 - d0).days, 1)

    def x(d: date) -> float:
        if d0 == d1:
            return (CL + CHART_W - CR) / 2
        return round(CL + (d - d0).days / span * (CHART_W - CL - CR), 1)

    def y(v: float) -> float:
        return round(CHART_H - CB - (v - v0) / (v1 - v0) * (CHART_H - CT - CB), 1)

    points = [{"x": x(p.start), "y": y(p.value), "conflict": p.conflict,
               "label": f"{p.text} — {p.when} — {p.article.outlet}"} for p in pts]
    yticks = [{"y": y(v1 / 1.1 * i / 4), "label": _num(v1 / 1.1 * i / 4)} for i in range(5)]
    xticks = [{"x": x(d0), "label": _day(d0)}] + ([{"x": x(d1), "label": _day(d1)}] if d1 != d0 else [])
    line = " ".join(f"{p['x']},{p['y']}" for p in points)
    return {"points": points, "yticks": yticks, "xticks": xticks, "line": line, "width": CHART_W, "height": CHART_H,
            "left": CL, "right": CHART_W - CR, "bottom": CHART_H - CB, "top": CT}


def _num(v: float) -> str:
    return f"{v:,.0f}" if v >= 10 else f"{v:,.1f}"


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


MAP_W, MAP_H = 720, 360


def world_map(places: list[tuple[EntityRef, PlaceItem]], focus: PlaceItem | None = None) -> dict | None:
    """Places on an equirectangular world (x = lon, y = lat) with a 30-degree graticule."""
    if not places:
        return None

    def x(lon: float) -> float:
        return round((lon + 180) / 360 * MAP_W, 1)

    def y(lat: float) -> float:
        return round((90 - lat) / 180 * MAP_H, 1)

    grid = [{"x1": x(lon), "y1": 0, "x2": x(lon), "y2": MAP_H, "label": f"{abs(lon)}°{'E' if lon > 0 else 'W' if lon < 0 else ''}",
             "lx": x(lon) + 2, "ly": MAP_H - 4} for lon in range(-150, 180, 30)]
    grid += [{"x1": 0, "y1": y(lat), "x2": MAP_W, "y2": y(lat), "label": f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}",
              "lx": 2, "ly": y(lat) - 2} for lat in range(-60, 90, 30)]
    pts = []
    boxes: list[tuple[float, float, float, float]] = []  # labels placed so far: x0, y0, x1, y1
    for ref, p in places[:300]:
        px, py = x(p.lon), y(p.lat)
        lx, ly = px + 6, py - 5
        width = 5.5 * len(ref.name)
        for _ in range(6):  # move a label down until it overlaps no other (most mentioned placed first)
            if not any(lx < b[2] and lx + width > b[0] and ly - 9 < b[3] and ly > b[1] for b in boxes):
                break
            ly += 11
        boxes.append((lx, ly - 9, lx + width, ly))
        pts.append({"id": ref.id, "name": ref.name, "x": px, "y": py, "lx": round(lx, 1), "ly": round(ly, 1),
                    "label": f"{ref.name} ({p.country_code}, {p.lat:.2f}, {p.lon:.2f})",
                    "focus": focus is not None and p == focus})
    return {"width": MAP_W, "height": MAP_H, "grid": grid, "points": pts, "outline": _outline()}


@functools.cache
def _outline() -> Markup:
    """Continents as coarse polygons (SVG, numbers only), from coordinates in the package's data
    file: the same for every map, so read, projected and drawn once per process."""
    import json
    from importlib import resources

    data = json.loads(resources.files("storyline.views").joinpath("static/world.json").read_text(encoding="utf-8"))
    return Markup("".join('<polygon class="land" points="{}"/>'.format(
        " ".join(f"{round((lon + 180) / 360 * MAP_W, 1)},{round((90 - lat) / 180 * MAP_H, 1)}"
                 for lon, lat in poly)) for poly in data["polygons"]))
