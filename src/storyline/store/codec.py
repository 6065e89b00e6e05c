"""JSON encoding of annotation layers, so the store keeps them and gives back typed records."""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import Annotations, DateEstimate, EntityMention, EventMention, Figure, Place, Quote, Timex

LAYERS = ("sentences", "timexes", "entities", "figures", "quotes", "events", "dating")


def _timex(d: dict | None) -> Timex | None:
    return Timex(**d) if d else None


def _entity(d: dict) -> EntityMention:
    d = dict(d)
    d["place"] = Place(**d["place"]) if d.get("place") else None
    return EntityMention(**d)


def _figure(d: dict) -> Figure:
    d = dict(d)
    d["date"] = _timex(d.get("date"))
    return Figure(**d)


def _event(d: dict) -> EventMention:
    d = dict(d)
    d["date"] = _timex(d.get("date"))
    return EventMention(**d)


DECODERS = {
    "sentences": lambda d: tuple(d),
    "timexes": lambda d: Timex(**d),
    "entities": _entity,
    "figures": _figure,
    "quotes": lambda d: Quote(**d),
    "events": _event,
    "dating": lambda d: DateEstimate(**d),
}


def encode_layer(items: list[Any]) -> str:
    return json.dumps(
        [dataclasses.asdict(x) if dataclasses.is_dataclass(x) and not isinstance(x, type) else x for x in items],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def annotation_rows(ann: Annotations, version: str | Mapping[str, str],
                    layers: Iterable[str] | None = None) -> list[tuple[str, str, str, str]]:
    """(document_id, layer, version, data) rows for the ``annotations`` table: the given layers (all
    when None), each with its own version where ``version`` maps layer names to versions."""
    names = [name for name in LAYERS if layers is None or name in set(layers)]
    return [(ann.document_id, name, version if isinstance(version, str) else version[name],
             encode_layer(getattr(ann, name))) for name in names]


def decode_layer(layer: str, data: str) -> list[Any]:
    return [DECODERS[layer](d) for d in json.loads(data)]


def assemble(document_id: str, layers: dict[str, str]) -> Annotations:
    """Annotations from the stored JSON of each layer (layers not stored stay empty)."""
    ann = Annotations(document_id=document_id)
    for layer, data in layers.items():
        if layer in DECODERS:
            setattr(ann, layer, decode_layer(layer, data))
    return ann
