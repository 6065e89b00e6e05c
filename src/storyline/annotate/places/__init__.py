"""Resolve the place names of one article to coordinates and country, offline.

``resolve_places(names, context)`` looks every name up in the gazetteer (:mod:`.gazetteer`) and
ranks its candidates with two small linear models whose weights live in ``weights.json``:

* model ``prior`` sees only the candidate and the text: population, feature class, whether
  the name is the row's own name or an alternate one, whether the article names the candidate's
  country, first-level division or county, and a qualifier written after the name ("Paris, Texas");
* model ``coherent`` adds how the candidate sits with the places chosen for the article's other
  names (distance, same country, same division): places named together lie together. It is run
  twice, each time against the previous choices.

The weights are logistic regressions trained on the training parts of LGL and GeoVirus (every
article whose index is not a multiple of 4) by ``scripts/train_places.py``; candidates within
161 km of the gold point are the positives. ``coherent`` also sees, for each candidate, the share
of the article's other names that have any candidate in its country, its division, or near it.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from storyline.model import Place

from .gazetteer import MAIN, Gazetteer, load, norm

__all__ = ["resolve_places", "load_gazetteer", "candidate_features", "FEATURE_NAMES"]

MAX_CANDIDATES = 40

PRIOR_FEATURES = [
    "bias", "lpop", "poprank", "is_country", "is_admin1", "is_admin2", "is_city", "is_continent",
    "alt_name", "country_named", "admin1_named", "admin2_named", "qual_division",
    "qual_country", "n_cands", "only_feature", "namesake_division", "namesake_seat", "capital",
]
COHERENT_FEATURES = ["near", "share_200km", "share_cc", "share_admin1", "no_others", "same_class", "any_cc",
                     "any_admin1", "any_near"]
FEATURE_NAMES = PRIOR_FEATURES + COHERENT_FEATURES


def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built or read from the cache on first call)."""
    return load()


@lru_cache(maxsize=1)
def _weights() -> dict[str, list[float]]:
    path = Path(__file__).with_name("weights.json")
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {}


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?", re.U)


def _text_keys(text: str, max_n: int = 4) -> tuple[set[str], set[str]]:
    """Normalised word n-grams of the text, and its capitalised tokens with dots removed."""
    words = norm(text).split()
    grams: set[str] = set()
    for n in range(1, max_n + 1):
        for i in range(len(words) - n + 1):
            grams.add(" ".join(words[i : i + n]))
    caps = {w.replace(".", "") for w in _WORD.findall(text) if w[:1].isupper()}
    return grams, caps


def _qualifiers(name: str, context: str) -> set[str]:
    """What follows "<name>, " in the text: "Paris, Texas" -> {"texas"}."""
    out: set[str] = set()
    if not context:
        return out
    pat = re.compile(re.escape(name) + r"\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?){0,2})")
    for m in pat.finditer(context):
        words = m.group(1).split()
        for k in range(len(words), 0, -1):
            out.add(norm(" ".join(words[:k])))
    return out


def _split_qualified(name: str) -> tuple[str, str | None]:
    """ "Washington, D.C." -> ("Washington", "D.C.")."""
    if "," in name:
        head, tail = name.split(",", 1)
        if head.strip() and tail.strip():
            return head.strip(), tail.strip()
    return name, None


def _candidates(gaz: Gazetteer, name: str) -> list[tuple[int, int]]:
    cands = gaz.lookup(name)
    if not cands and name.endswith(("'s", "’s")):  # "Afghanistan's"
        name = name[:-2]
        cands = gaz.lookup(name)
    if not cands:
        head, tail = _split_qualified(name)
        if tail is not None:
            cands = gaz.lookup(head)
    rank = {"country": 0, "admin1": 1, "continent": 1, "city": 2, "admin2": 3}
    cands.sort(key=lambda rk: (rk[1], -gaz.population[rk[0]], rank.get(gaz.feature[rk[0]], 9)))
    return cands[:MAX_CANDIDATES]


def candidate_features(gaz: Gazetteer, name: str, cands: list[tuple[int, int]], grams: set[str],
                       caps: set[str], context: str) -> list[list[float]]:
    """The prior features of each candidate of one name."""
    quals = _qualifiers(name, context)
    head, tail = _split_qualified(name)
    if tail is not None:
        quals.add(norm(tail))
    quals |= {gaz.qualifiers[q] for q in list(quals) if q in gaz.qualifiers}
    pops = sorted((gaz.population[r] for r, _ in cands), reverse=True)
    key = norm(head)
    divisions = {(gaz.cc[r], gaz.admin1[r]) for r, _ in cands if gaz.feature[r] == "admin1"}
    seats = {(gaz.cc[r], gaz.admin1[r]) for r, _ in cands if gaz.feature[r] == "city" and gaz.admin1[r] == key}
    feats_present = {gaz.feature[r] for r, _ in cands}
    n = len(cands)
    out = []
    for r, kind in cands:
        f = gaz.feature[r]
        cc = gaz.cc[r]
        ckeys = gaz.country_keys.get(cc, ())
        country_named = f != "country" and any((k in grams) or (k in caps) for k in ckeys)
        a1 = gaz.admin1[r]
        a2 = gaz.admin2[r]
        admin1_named = f in ("city", "admin2") and bool(a1) and a1 in grams
        admin2_named = f == "city" and bool(a2) and (a2 in grams or a2.rsplit(" ", 1)[0] + " county" in grams)
        qual_div = bool(quals) and bool((a1 and a1 in quals) or (a2 and a2 in quals))
        qual_cc = bool(quals) and any(k in quals for k in ckeys)
        out.append([
            1.0,
            math.log10(gaz.population[r] + 1) / 8,
            math.log1p(pops.index(gaz.population[r])) / math.log(MAX_CANDIDATES),
            float(f == "country"), float(f == "admin1"), float(f == "admin2"), float(f == "city"),
            float(f == "continent"),
            float(kind != MAIN),
            float(country_named), float(admin1_named), float(admin2_named), float(qual_div), float(qual_cc),
            math.log1p(n) / math.log1p(MAX_CANDIDATES),
            float(len(feats_present) == 1),
            # A division that shares its name with a town in it (Kandahar province / city) ...
            float(f == "admin1" and (cc, a1) in seats),
            # ... and that town.
            float(f == "city" and (cc, a1) in divisions and a1 == key),
            # A country's capital: world news means Washington DC by "Washington".
            float(gaz.capital[r]),
        ])
    return out


# Grid for "a candidate of another name lies near": half-degree cells and their ring of neighbours
# (so 55-110 km). Chosen on the training splits of LGL and GeoVirus among cells of 0.25-2 degrees
# with and without the ring.
CELL_DEG = 0.5
CELL_RING = 1


def _cell(gaz: Gazetteer, r: int) -> tuple[int, int]:
    return (math.floor(gaz.lat[r] / CELL_DEG), math.floor(gaz.lon[r] / CELL_DEG))


def support_features(gaz: Gazetteer, r: int, nm: str, support: dict[str, tuple[set, set, set]]) -> list[float]:
    """Share of the article's other names that could be in r's country / r's division / near r at all
    (any of their candidates, not only the chosen one: an iterative choice can lock a whole article
    into the wrong Albany, Douglas County and Brandon when each one's prior points elsewhere).
    "Near" is a candidate in the same or a neighbouring grid cell (CELL_DEG)."""
    others = [v for k, v in support.items() if norm(k) != norm(nm)]
    if not others:
        return [0.0, 0.0, 0.0]
    key = (gaz.cc[r], gaz.admin1[r])
    la, lo = _cell(gaz, r)
    around = [(la + i, lo + j) for i in range(-CELL_RING, CELL_RING + 1) for j in range(-CELL_RING, CELL_RING + 1)]
    return [sum(gaz.cc[r] in ccs for ccs, _, _ in others) / len(others),
            sum(bool(gaz.admin1[r]) and key in a1s for _, a1s, _ in others) / len(others),
            sum(any(c in cells for c in around) for _, _, cells in others) / len(others)]


def _support(gaz: Gazetteer, info: dict) -> dict[str, tuple[set, set, set]]:
    # Countries and continents are not "near" anything: their point is a centroid.
    return {nm: ({gaz.cc[r] for r, _ in cands}, {(gaz.cc[r], gaz.admin1[r]) for r, _ in cands},
                 {_cell(gaz, r) for r, _ in cands if gaz.feature[r] in ("city", "admin2")})
            for nm, (cands, _) in info.items() if cands}


def coherence_features(gaz: Gazetteer, r: int, others: list[int]) -> list[float]:
    if not others:
        return [0.0, 0.0, 0.0, 0.0, 1.0, 0.0]
    d = [_haversine(gaz.lat[r], gaz.lon[r], gaz.lat[o], gaz.lon[o]) for o in others]
    near = 1.0 - math.log1p(min(d)) / math.log1p(20000.0)
    within = sum(x < 200 for x in d) / len(d)
    same_cc = sum(gaz.cc[o] == gaz.cc[r] for o in others) / len(others)
    a1 = gaz.admin1[r]
    same_a1 = sum(bool(a1) and gaz.admin1[o] == a1 and gaz.cc[o] == gaz.cc[r] for o in others) / len(others)
    # Names listed together are of one kind ("Ohio, New York and Texas"): share of the others chosen
    # as a division (or a country) when r is one too.
    f = gaz.feature[r]
    same_class = (sum(gaz.feature[o] == f for o in others) / len(others)) if f in ("admin1", "country") else 0.0
    return [near, within, same_cc, same_a1, 0.0, same_class]


def _score(w: list[float], x: list[float]) -> float:
    return sum(a * b for a, b in zip(w, x))


def _default_weights() -> dict[str, list[float]]:
    """Hand weights used only before the trained ones exist: population first, countries over cities."""
    prior = [0.0] * len(PRIOR_FEATURES)
    prior[PRIOR_FEATURES.index("lpop")] = 4.0
    prior[PRIOR_FEATURES.index("is_city")] = 1.0
    prior[PRIOR_FEATURES.index("is_country")] = 5.0
    prior[PRIOR_FEATURES.index("is_admin1")] = 3.0
    prior[PRIOR_FEATURES.index("alt_name")] = -1.0
    prior[PRIOR_FEATURES.index("qual_division")] = 3.0
    prior[PRIOR_FEATURES.index("admin1_named")] = 1.0
    prior[PRIOR_FEATURES.index("country_named")] = 1.0
    return {"prior": prior, "coherent": prior + [2.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.5, 0.5, 0.5]}


def rank_article(gaz: Gazetteer, names: list[str], context: str, weights: dict[str, list[float]] | None = None,
                 rounds: int = 2):
    """Candidates, features and the chosen row for each distinct name (used by training too)."""
    weights = weights or _weights() or _default_weights()
    grams, caps = _text_keys(context + "\n" + "\n".join(names))
    keys = list(dict.fromkeys(names))
    info = {}
    qd = PRIOR_FEATURES.index("qual_division")
    for nm in keys:
        cands = _candidates(gaz, nm)
        feats = candidate_features(gaz, nm, cands, grams, caps, context) if cands else []
        if any(f[qd] for f in feats):
            # The writer named the division ("Paris, Texas"): only candidates in it remain.
            keep = [i for i, f in enumerate(feats) if f[qd]]
            cands, feats = [cands[i] for i in keep], [feats[i] for i in keep]
        info[nm] = (cands, feats)
    choice: dict[str, int] = {}
    wp = weights["prior"]
    for nm, (cands, feats) in info.items():
        if cands:
            best = max(range(len(cands)), key=lambda i: _score(wp, feats[i]))
            choice[nm] = cands[best][0]
    wc = weights.get("coherent")
    support = _support(gaz, info)
    for _ in range(rounds if wc else 0):
        new = {}
        for nm, (cands, feats) in info.items():
            if not cands:
                continue
            others = [r for k, r in choice.items() if norm(k) != norm(nm)]
            best_s, best = -1e9, None
            for i, (r, _) in enumerate(cands):
                s = _score(wc, feats[i] + coherence_features(gaz, r, others) + support_features(gaz, r, nm, support))
                if s > best_s:
                    best_s, best = s, r
            new[nm] = best
        choice = new
    # A division and a town of the same name inside it that holds most of its people ("Kabul",
    # "Doha", "New York") are one place for a reader and, within 161 km, for the benchmarks: news
    # means the town by the bare name, so answer with the town.
    for nm, r in choice.items():
        if gaz.feature[r] != "admin1":
            continue
        for c, _ in info[nm][0]:
            if (gaz.feature[c] == "city" and gaz.cc[c] == gaz.cc[r] and gaz.admin1[c] == gaz.admin1[r]
                    and 2 * gaz.population[c] >= gaz.population[r]
                    and _haversine(gaz.lat[c], gaz.lon[c], gaz.lat[r], gaz.lon[r]) <= 161):
                choice[nm] = c
                break
    # A national capital and a division of its country that share a name, the capital outside it
    # (Washington DC / Washington state): news means the seat of government unless the text marks
    # the division ("Washington state", "state of Washington"), names a place inside it, or lists
    # it with other divisions ("Oregon, Washington and Idaho").
    low = context.lower()
    for nm, r in choice.items():
        if gaz.feature[r] != "admin1":
            continue
        cap = next((c for c, _ in info[nm][0] if gaz.capital[c] and gaz.cc[c] == gaz.cc[r]
                    and norm(gaz.name[c]) == norm(gaz.name[r]) and gaz.admin1[c] != gaz.admin1[r]), None)
        if cap is None:
            continue
        n = nm.lower()
        marked = f"{n} state" in low or f"state of {n}" in low
        others = [o for k, o in choice.items() if norm(k) != norm(nm)]
        inside = any(gaz.cc[o] == gaz.cc[r] and gaz.admin1[o] == gaz.admin1[r] for o in others)
        # the capital's own district ("New York and Washington, DC") is no list of states
        listed = sum(gaz.feature[o] == "admin1" and gaz.cc[o] == gaz.cc[r] and gaz.admin1[o] != gaz.admin1[cap]
                     for o in others) >= 2
        if not (marked or inside or listed):
            choice[nm] = cap
    return info, choice


def _place(gaz: Gazetteer, r: int) -> Place:
    return Place(lat=gaz.lat[r], lon=gaz.lon[r], country_code=gaz.cc[r], geonames_id=gaz.gid[r],
                 name=gaz.name[r], feature=gaz.feature[r])


def resolve_places(names: list[str], context: str = "") -> list[Place | None]:
    """Resolve the place names of one article together; ``None`` where the gazetteer has no entry.

    ``names`` are toponyms as written ("U.S.", "Kandahar", "Washington, D.C."), repeats allowed; a
    name gets the same answer each time. ``context`` is the article text, used for countries and
    divisions named nearby and for qualifiers ("Paris, Texas"). Continents get a Place with an empty
    ``country_code``.
    """
    if not names:
        return []
    gaz = load()
    _, choice = rank_article(gaz, [n for n in names if n and n.strip()], context or "")
    return [(_place(gaz, choice[n]) if n in choice else None) for n in names]
