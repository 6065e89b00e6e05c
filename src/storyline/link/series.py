"""Figure series: figures about the same counted thing across articles and time.

Figures join a series when they count the same kind of thing for the same party:
- the *kind* is the subject's head noun, singularised, with a few interchangeable news words
  folded together (soldiers = troops = forces; inmates = detainees = prisoners);
- the *party* is the subject's leading proper modifier ("Taliban prisoners", "American soldiers"),
  or, where the subject has none, the nearest party named before the number in the same sentence
  ("The U.S. is on track to draw down to 4,500 troops"). Country names, abbreviations and
  demonyms are folded to one ISO code with countryinfo's data ("U.S." = "US" = "American").
A series is in ``conflict`` where two sources give different values for the same date.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Annotations, Document, Figure

_DROP = {"the", "a", "an", "some", "about", "more", "than", "of", "other", "its", "their", "his", "her",
         "total", "number", "all", "nearly", "almost", "around", "over"}
# Interchangeable head nouns in news counts (general English, not taken from any article).
_KINDS = {"soldier": "troop", "force": "troop", "personnel": "troop", "serviceman": "troop",
          "servicemen": "troop", "inmate": "prisoner", "detainee": "prisoner", "captive": "prisoner",
          "fighter": "member", "militant": "member", "insurgent": "member"}
_CONJ = re.compile(r"\s+(?:and|or|as well as|plus)\s+|,\s+")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Lower-cased country names, alternate spellings and demonyms -> ISO alpha-2 (countryinfo)."""
    from countryinfo import all_countries

    out: dict[str, str] = {}
    demonyms: dict[str, tuple[int, str]] = {}  # a demonym shared by several ("American") -> the most populous
    for c in all_countries():
        d = c.info()
        a2 = ((d.get("ISO") or {}).get("alpha2") or "").lower()
        if not a2:
            continue
        for n in [d.get("name") or "", *(d.get("altSpellings") or [])]:
            n = n.replace(".", "").strip().lower()
            if len(n) > 1:
                out.setdefault(n, a2)
        population = int(d.get("population") or 0)
        for n in (d.get("demonym") or "").split(","):
            n = n.strip().lower()
            if len(n) > 1 and population > demonyms.get(n, (-1, ""))[0]:
                demonyms[n] = (population, a2)
    for n, (_, a2) in demonyms.items():
        out.setdefault(n, a2)
    return out


def _party(word: str) -> str:
    w = word.replace(".", "").strip().lower()
    return _countries().get(w, w)


def _singular(head: str) -> str:
    if len(head) > 3 and head.endswith("ies"):
        return head[:-3] + "y"
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        return head[:-1]
    return head


def subject_key(subject: str, context_party: str | None = None) -> str | None:
    """"party kind" of what a figure counts: "some 5,000 Taliban prisoners" -> "taliban prisoner".

    A coordinated subject counts its first conjunct's kind ("troops and civilian workers": troops);
    the fighters of a group are its members ("5,000 Taliban fighters" = "more than 5,000 Taliban").
    """
    subject = _CONJ.split(subject, maxsplit=1)[0]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z.'-]*", subject) if w.lower() not in _DROP]
    if not words:
        return None
    head = _singular(words[-1].lower())
    head = _KINDS.get(head, head)
    proper = next((w for w in words[:-1] if w[0].isupper()), None)
    if proper is None and len(words) == 1 and words[0][0].isupper():
        proper, head = words[0], "member"  # "more than 5,000 Taliban": members of the group
    party = _party(proper) if proper else (context_party or "")
    return f"{party} {head}".strip()


def _context_party(ann: Annotations, fig: Figure) -> str | None:
    """The party named last before the number in its sentence (a country, group or people)."""
    sent = next(((s, e) for s, e in ann.sentences if s <= fig.start < e), None)
    if sent is None:
        return None
    # a name inside what another number of the sentence counts is that number's party, not this
    # one's ("release 5,000 Taliban fighters in exchange for 1,000 members of their forces")
    others = [g for g in ann.figures if g is not fig and sent[0] <= g.start and g.end <= fig.start]
    best = None
    for m in ann.entities:
        if sent[0] <= m.start and m.end <= fig.start and m.type in ("GPE", "NORP", "ORG") and not any(
                g.end <= m.start and m.text in g.subject for g in others):
            best = m
    return _party(best.key) if best else None


@dataclass
class Series:
    id: str
    subject: str
    figure_ids: list[str] = field(default_factory=list)
    conflict: bool = False
    documents: set[str] = field(default_factory=set)


def build_series(docs: list[Document], per_doc: dict[str, Annotations]) -> tuple[list[Series], dict[str, str]]:
    """Series with at least two figures from at least two articles, and figure id -> series id."""
    groups: dict[str, Series] = {}
    values: dict[str, dict[str, set[float]]] = {}
    for doc in docs:
        if doc.duplicate_of:
            continue  # a reprint is not a second source
        ann = per_doc[doc.id]
        for i, fig in enumerate(ann.figures):
            key = subject_key(fig.subject, _context_party(ann, fig))
            if key is None:
                continue
            s = groups.get(key)
            if s is None:
                s = groups[key] = Series(id="se-" + hashlib.sha1(key.encode()).hexdigest()[:10], subject=fig.subject)
                values[key] = {}
            if fig.subject[:1].isupper() and (not s.subject[:1].isupper() or
                                              len(fig.subject.split()) > len(s.subject.split())):
                s.subject = fig.subject  # the most explicit wording, naming its party, names the series
            s.figure_ids.append(f"{doc.id}:f{i}")
            s.documents.add(doc.id)
            if fig.date is not None and fig.date.text and not fig.date.value.startswith("X"):
                values[key].setdefault(fig.date.value, set()).add(fig.value)
    out = []
    for key, s in groups.items():
        if len(s.figure_ids) >= 2 and len(s.documents) >= 2:
            s.conflict = any(len(v) > 1 for v in values[key].values())
            out.append(s)
    index = {fid: s.id for s in out for fid in s.figure_ids}
    return out, index
