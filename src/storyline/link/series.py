"""Figure series: figures about the same counted thing across articles and time.

Figures join a series when their subjects name the same thing: the same head noun (crudely
singularised) and the same leading proper modifier ("Taliban prisoners", "U.S. troops" = "US troops").
A series is in ``conflict`` where two sources give different values for the same date.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..model import Annotations, Document

_DROP = {"the", "a", "an", "some", "about", "more", "than", "of", "other", "its", "their", "his", "her", "total", "number"}


def subject_key(subject: str) -> str | None:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z.'-]*", subject) if w.lower() not in _DROP]
    if not words:
        return None
    head = words[-1].lower()
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    proper = next((w for w in words[:-1] if w[0].isupper()), None)
    proper = proper.replace(".", "").lower() if proper else ""
    return f"{proper} {head}".strip()


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
        for i, fig in enumerate(per_doc[doc.id].figures):
            key = subject_key(fig.subject)
            if key is None:
                continue
            s = groups.get(key)
            if s is None:
                s = groups[key] = Series(id="se-" + hashlib.sha1(key.encode()).hexdigest()[:10], subject=fig.subject)
                values[key] = {}
            s.figure_ids.append(f"{doc.id}:f{i}")
            s.documents.add(doc.id)
            if fig.date is not None and not fig.date.value.startswith("X"):
                values[key].setdefault(fig.date.value, set()).add(fig.value)
    out = [s for s in groups.values() if len(s.figure_ids) >= 2 and len(s.documents) >= 2]
    for s in out:
        key = next(k for k, v in groups.items() if v is s)
        s.conflict = any(len(v) > 1 for v in values[key].values())
    index = {fid: s.id for s in out for fid in s.figure_ids}
    return out, index
