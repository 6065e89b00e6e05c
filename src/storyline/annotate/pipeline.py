"""The per-article annotation pipeline: one pass of spaCy over a stream of articles, then every
annotator on each parsed article. Streams: one batch of articles is held at a time."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from storyline.model import Annotations, CleanArticle, EntityMention, Timex

from .entities import extract_entities
from .events import extract_events
from .figures import duration_figures, extract_figures
from .nlp import BATCH_SIZE, pipe_with_context

PLACE_TYPES = ("GPE", "LOC", "FAC")


def _version() -> str:
    """The stage's version: a hash of its own code and shipped data. Stored with each article's
    annotations, so a store built by an older annotate stage is re-annotated by the next build."""
    import hashlib
    from pathlib import Path

    h = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


VERSION = _version()


def _tag(text: str, dct: str | None):
    from .timex import tag  # another module of the stage, imported when first used

    return tag(text, dct)


def _resolve_places(names: list[str], context: str):
    from .places import resolve_places

    return resolve_places(names, context)


def _quotes(doc: Doc):
    from .quotes import extract_quotes

    return extract_quotes(doc)


def _dating(article: CleanArticle, timexes: list[Timex]) -> tuple[list, str | None]:
    """([estimate], its value) for an article with no publication date whose words date it
    (``timexes`` were tagged without one); else ([], the article's own date)."""
    if article.published:
        return [], article.published
    from .dating import estimate

    est = estimate(article.text, timexes)
    return ([est], est.value) if est else ([], None)


def _follow(text: str, est, timexes: list[Timex]) -> list[Timex]:
    from .dating import follow

    return follow(text, est, timexes)


def _flag(dates, timexes):
    from .dating import flag_estimated

    return flag_estimated(dates, timexes)


def _by_reference(text: str, events, est) -> None:
    from .dating import date_by_reference

    date_by_reference(text, events, est)


def set_places(entities: list[EntityMention], text: str) -> None:
    """Resolve GPE/LOC/FAC mentions on the map, one look-up per distinct key."""
    keys = list(dict.fromkeys(e.key for e in entities if e.type in PLACE_TYPES))
    if not keys:
        return
    found = dict(zip(keys, _resolve_places(keys, text)))
    for e in entities:
        if e.type in PLACE_TYPES:
            e.place = found.get(e.key)


def annotate_doc(article: CleanArticle, doc: Doc) -> Annotations:
    """Everything ``annotate`` finds in one parsed article."""
    timexes = _tag(article.text, article.published)
    dating, published = _dating(article, timexes)
    if dating:
        timexes = _follow(article.text, dating[0], timexes)
    entities = extract_entities(doc)
    set_places(entities, article.text)
    figures = extract_figures(doc, timexes)
    if published:
        # a figure with no date of its own in its sentence holds, as far as the text says, on the
        # day the article reports it (empty text marks the article's date, as for events)
        day = Timex(start=0, end=0, text="", type="DATE", value=published[:10], estimated=bool(dating))
        for f in figures:
            if f.date is None:
                f.date = day
    # durations ("within 14 months") are counts too; they hold for no one day
    figures = sorted(figures + duration_figures(doc, timexes), key=lambda f: f.start)
    quotes = _quotes(doc)
    events = extract_events(doc, entities, timexes, figures, published)
    if dating:  # dates taken from the estimated publication date are estimates too
        for m, d in zip(events, _flag([m.date for m in events], timexes)):
            m.date = d
        _by_reference(article.text, events, dating[0])
    return Annotations(document_id=article.id,
                       sentences=[(s.start_char, s.end_char) for s in doc.sents],
                       timexes=timexes, entities=entities, figures=figures, quotes=quotes,
                       events=events, dating=dating)


def annotate(articles: Iterable[CleanArticle], batch_size: int = BATCH_SIZE,
             n_process: int = 1) -> Iterator[Annotations]:
    """Annotations for each article, in input order, parsed in batches."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in pipe_with_context(pairs, batch_size=batch_size, n_process=n_process):
        yield annotate_doc(article, doc)
