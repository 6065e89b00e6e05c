"""Storyline's own annotation layers, registered in :data:`layers.registry`. Each entry names the
function that makes the layer, the layers it reads, and the files (code and data) it is made of."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.model import Annotations, CleanArticle

from .layers import Layer, article_day, registry

PLACE_TYPES = ("GPE", "LOC", "FAC")


def _sentences(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    assert doc is not None
    return [(s.start_char, s.end_char) for s in doc.sents]


def _timexes(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    from .timex import tag

    return tag(article.text, article.published)


def _entities(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    from .entities import extract_entities
    from .places import resolve_places

    assert doc is not None
    entities = extract_entities(doc)
    # places on the map: one look-up per distinct key
    keys = list(dict.fromkeys(e.key for e in entities if e.type in PLACE_TYPES))
    if keys:
        found = dict(zip(keys, resolve_places(keys, article.text)))
        for e in entities:
            if e.type in PLACE_TYPES:
                e.place = found.get(e.key)
    return entities


def _figures(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    from .figures import duration_figures, extract_figures

    assert doc is not None
    figures = extract_figures(doc, ann.timexes)
    day = article_day(article)
    if day is not None:
        # a figure with no date of its own in its sentence holds, as far as the text says, on the
        # day the article reports it (empty text marks the article's date, as for events)
        for f in figures:
            if f.date is None:
                f.date = day
    # durations ("within 14 months") are counts too; they hold for no one day
    return sorted(figures + duration_figures(doc, ann.timexes), key=lambda f: f.start)


def _quotes(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    from .quotes import extract_quotes

    assert doc is not None
    return extract_quotes(doc)


def _events(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    from .events import extract_events

    assert doc is not None
    return extract_events(doc, ann.entities, ann.timexes, ann.figures, article.published)


for _layer in (
    Layer("sentences", _sentences),
    Layer("timexes", _timexes, files=("timex",), needs_parse=False),
    Layer("entities", _entities, files=("entities.py", "places")),
    Layer("figures", _figures, requires=("timexes",), files=("figures.py",)),
    Layer("quotes", _quotes, files=("quotes.py", "quote_cues.json")),
    Layer("events", _events, requires=("entities", "timexes", "figures"), files=("events.py",)),
):
    registry.register(_layer.name, func=_layer)
