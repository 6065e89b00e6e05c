"""One entity per real-world thing across articles.

Mentions merge, across articles, when
- they resolve to the same GeoNames id (places), or their name is the name of such a place
  ("KABUL" tagged ORG in a dateline joins Kabul);
- their within-article keys match after normalisation (case, dots, "the"), whatever type the
  small model gave each mention: the type is the majority vote over all mentions;
- a one-word person name is the last name of exactly one multi-word person in the collection
  ("Khalilzad" in an article that never gives the full name joins "Zalmay Khalilzad"), unless an
  article that names both keeps them apart ("Obama", marked a man, beside "Michelle Obama");
- an organisation named without its country is the one organisation named with it ("State
  Department" joins "US State Department" when no other country's State Department is named).
Entity ids derive from the normalised key of the entity's first mention (ingest order), so they stay
stable as articles are added.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from ..model import Annotations, Document, Entity, EntityMention
from .series import _countries

_NON_WORD = re.compile(r"[^\w]+")


def norm_key(key: str) -> str:
    key = key.lower().replace(".", "")
    key = re.sub(r"^the\s+", "", key)
    return _NON_WORD.sub(" ", key).strip()


def entity_id(kind: str, key: str) -> str:
    return "e-" + hashlib.sha1(f"{kind}:{key}".encode()).hexdigest()[:12]


def _group_of(m: EntityMention) -> str:
    if m.place is not None and m.place.geonames_id is not None:
        return f"geo:{m.place.geonames_id}"
    if m.type == "NORP":  # "Afghan" the people is not "Afghan" anything else
        return f"norp:{norm_key(m.key)}"
    return f"name:{norm_key(m.key)}"


def merge_entities(docs: list[Document], per_doc: dict[str, Annotations]) -> tuple[list[Entity], dict]:
    """Merged entities, and a map (document_id, within-article key) -> entity id."""
    mentions: list[tuple[str, EntityMention, str]] = []
    for doc in docs:
        for m in per_doc[doc.id].entities:
            mentions.append((doc.id, m, _group_of(m)))

    # Where a name is also the name of a resolved place, the place is meant.
    place_by_name: dict[str, str] = {}
    for _, m, group in mentions:
        if group.startswith("geo:"):
            for name in (m.key, m.text, m.place.name or ""):
                place_by_name.setdefault(f"name:{norm_key(name)}", group)
    # A lone last name joins the one multi-word person who carries it.
    types_by_group: dict[str, Counter] = defaultdict(Counter)
    for _, m, group in mentions:
        types_by_group[group][m.type] += 1
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for group, types in types_by_group.items():
        words = group.removeprefix("name:").split()
        if group.startswith("name:") and len(words) >= 2 and types.most_common(1)[0][0] == "PERSON":
            full_by_last[words[-1]].add(group)

    # ... but never one an article that names both kept apart ("President Obama" beside "Michelle
    # Obama", whom the article marks as of another sex: annotate.coref.sexes)
    kept_apart: dict[str, set[str]] = defaultdict(set)
    groups_of_doc: dict[str, set[str]] = defaultdict(set)
    for doc_id, m, group in mentions:
        if m.type == "PERSON" and group.startswith("name:"):
            groups_of_doc[doc_id].add(group)
    for groups in groups_of_doc.values():
        for group in groups:
            words = group.removeprefix("name:").split()
            if len(words) == 1:
                kept_apart[words[0]].update(g for g in groups if g != group and g.split()[-1] == words[0])

    # An organisation named without its country ("State Department") joins the one organisation of
    # the collection named with it ("US State Department"), as a lone last name joins its person.
    qualified_by_bare: dict[str, set[str]] = defaultdict(set)
    for group, types in types_by_group.items():
        words = group.removeprefix("name:").split()
        if not group.startswith("name:") or types.most_common(1)[0][0] != "ORG":
            continue
        for k in (1, 2, 3):
            bare = "name:" + " ".join(words[k:])
            bare_types = types_by_group.get(bare)
            if len(words) > k and " ".join(words[:k]) in _countries() and bare_types and \
                    bare_types.most_common(1)[0][0] == "ORG":
                qualified_by_bare[bare].add(group)
                break

    def final(group: str) -> str:
        if group in place_by_name:
            return place_by_name[group]
        if len(qualified_by_bare.get(group, ())) == 1:
            return next(iter(qualified_by_bare[group]))
        words = group.removeprefix("name:").split()
        if group.startswith("name:") and len(words) == 1 and types_by_group[group]["PERSON"]:
            owners = full_by_last.get(words[0], set()) - kept_apart.get(words[0], set())
            if len(owners) == 1:
                return next(iter(owners))
        return group

    entities: dict[str, Entity] = {}
    names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    index: dict[tuple[str, str], str] = {}
    for doc_id, m, own in mentions:
        group = final(own)
        ent = entities.get(group)
        if ent is None:
            # the id comes from the first mention's own group, so a later article that names the
            # entity in full ("Zalmay Khalilzad", "US State Department") does not change it
            kind, key = own.split(":", 1)
            ent = entities[group] = Entity(id=entity_id(kind, key), name=m.key, type=m.type, place=m.place)
        if ent.place is None and m.place is not None:
            ent.place = m.place
        names[group][m.key] += 1
        types[group][m.type] += 1
        if m.text not in ent.aliases:
            ent.aliases.append(m.text)
        for role in m.roles:
            if role not in ent.roles:
                ent.roles.append(role)
        ent.mentions.append((doc_id, m.start, m.end))
        index[(doc_id, m.key)] = ent.id
    for group, ent in entities.items():
        if group.startswith("geo:"):
            # a place is named as the gazetteer names it when a mention does so, else as most mentions
            # do: the region that resolved to its country ("Southern Thailand") never names the country
            canon = norm_key(ent.place.name) if ent.place is not None and ent.place.name else None
            ent.name = max(names[group].items(), key=lambda kv: (norm_key(kv[0]) == canon, kv[1], -len(kv[0]), kv[0]))[0]
        else:
            # the fullest form names the entity ("Zalmay Khalilzad" over "Khalilzad"), then the most frequent
            ent.name = max(names[group].items(), key=lambda kv: (len(kv[0].split()), kv[1], len(kv[0])))[0]
        if not group.startswith("geo:"):
            ent.type = types[group].most_common(1)[0][0]
        elif ent.type not in ("GPE", "LOC", "FAC"):
            ent.type = "GPE"
    return list(entities.values()), index
