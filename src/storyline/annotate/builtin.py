"""Storyline's own annotation layers, registered in :data:`layers.registry`. Each entry names the
function that makes the layer, the layers it reads, and the files (code and data) it is made of."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.model import Annotations, CleanArticle, Timex

from .layers import Layer, article_day, registry

PLACE_TYPES = ("GPE", "LOC", "FAC")


def _sentences(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    assert doc is not None
    return [(s.start_char, s.end_char) for s in doc.sents]


def _dating(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    """[the writing-date estimate] of an article with no publication date whose own words date it
    (from its time expressions tagged without one), else []."""
    if article.published:
        return []
    from .dating import estimate
    from .timex import tag

    est = estimate(article.text, tag(article.text, None))
    return [est] if est else []


def _published(article: CleanArticle, ann: Annotations) -> str | None:
    """The date the article's relative expressions count from: its own (its dateline's day when that
    is within a day of it, ``clean.meta.report_day``), else its estimate's."""
    from storyline.clean.meta import report_day

    return report_day(article.text, article.published) or (ann.dating[0].value if ann.dating else None)


def _timexes(article: CleanArticle, doc: Doc | None, ann: Annotations) -> list:
    from .timex import tag

    if ann.dating:  # resolved against the estimate at its granularity, flagged as estimates
        from .dating import follow

        return follow(article.text, ann.dating[0], tag(article.text, None))
    return tag(article.text, _published(article, ann))


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
    if day is None and ann.dating:  # an estimate, never a fact
        day = Timex(start=0, end=0, text="", type="DATE", value=ann.dating[0].value[:10], estimated=True)
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
    events = extract_events(doc, ann.entities, ann.timexes, ann.figures, _published(article, ann), ann.quotes)
    if ann.dating:  # dates taken from the estimated publication date are estimates too
        from .dating import date_by_reference, flag_estimated

        for m, d in zip(events, flag_estimated([m.date for m in events], ann.timexes)):
            m.date = d
        date_by_reference(article.text, events, ann.dating[0])
    return events


for _layer in (
    Layer("sentences", _sentences),
    Layer("dating", _dating, files=("dating.py", "dating_cues.json", "dating_model.json", "timex"),
          needs_parse=False),
    Layer("timexes", _timexes, requires=("dating",), files=("timex", "dating.py"), needs_parse=False),
    Layer("entities", _entities, files=("entities.py", "names.json", "places", "coref.py", "timex")),
    Layer("figures", _figures, requires=("timexes", "dating"), files=("figures.py",)),
    Layer("quotes", _quotes, files=("quotes.py", "quote_cues.json", "coref.py")),
    Layer("events", _events, requires=("entities", "timexes", "figures", "dating", "quotes"), files=("events.py", "events.json", "event_detect.py", "event_model.json", "senses.json", "coref.py", "dating.py")),
):
    registry.register(_layer.name, func=_layer)
