"""One entity per real-world thing across articles.

Mentions merge when their within-article keys match after normalisation (case, punctuation,
"the"), or, for places, when they resolve to the same GeoNames id. Entity ids derive from the
type and the normalised key first seen, so they stay stable as articles are added.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter

from ..model import Annotations, Document, Entity

_NON_WORD = re.compile(r"[^\w]+")


def norm_key(key: str) -> str:
    key = key.lower().replace(".", "")
    key = re.sub(r"^the\s+", "", key)
    return _NON_WORD.sub(" ", key).strip()


def entity_id(kind: str, key: str) -> str:
    return "e-" + hashlib.sha1(f"{kind}:{key}".encode()).hexdigest()[:12]


def merge_entities(docs: list[Document], per_doc: dict[str, Annotations]) -> tuple[list[Entity], dict]:
    """Merged entities, and a map (document_id, within-article key) -> entity id."""
    groups: dict[str, Entity] = {}
    names: dict[str, Counter] = {}
    index: dict[tuple[str, str], str] = {}
    for doc in docs:
        for m in per_doc[doc.id].entities:
            if m.place is not None and m.place.geonames_id is not None:
                group = f"geo:{m.place.geonames_id}"
            else:
                group = f"{m.type}:{norm_key(m.key)}"
            ent = groups.get(group)
            if ent is None:
                ent = groups[group] = Entity(id=entity_id(*group.split(":", 1)), name=m.key, type=m.type, place=m.place)
                names[group] = Counter()
            names[group][m.key] += 1
            if m.text not in ent.aliases:
                ent.aliases.append(m.text)
            for role in m.roles:
                if role not in ent.roles:
                    ent.roles.append(role)
            ent.mentions.append((doc.id, m.start, m.end))
            index[(doc.id, m.key)] = ent.id
    for group, ent in groups.items():
        # the most frequent full form names the entity (the longest among equals)
        ent.name = max(names[group].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return list(groups.values()), index
