"""Very long articles annotated in parts: each part (as :func:`nlp.split_parts` cuts the text, at
paragraph breaks) is annotated as if it were an article of its own, and the parts' annotations are
joined with their offsets moved into the whole text. Every annotator's cost then grows with the
part, not the article (some compare every mention with every other), and memory stays bounded.
What is lost: links between parts (a surname in one part keyed to the full name in another)."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Doc

from ..model import Annotations, CleanArticle, Timex
from . import nlp

_OFFSETS = ("start", "end", "speaker_start", "speaker_end", "trigger_start", "trigger_end")


def is_long(text: str) -> bool:
    """Whether ``text`` is annotated in parts (longer than nlp.PART_CHARS)."""
    return len(text) > nlp.PART_CHARS


def annotate_in_parts(article: CleanArticle, doc: Doc,
                      annotate_doc: Callable[[CleanArticle, Doc], Annotations],
                      limit: int | None = None) -> Annotations:
    """The annotations of ``article`` (parsed as ``doc``), made part by part."""
    limit = limit or nlp.PART_CHARS
    out = Annotations(document_id=article.id)
    start = 0
    for part in nlp.split_parts(article.text, limit):
        end = start + len(part)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and part.strip():
            sub_doc = span.as_doc()
            offset = span.start_char
            sub = dataclasses.replace(article, text=sub_doc.text)
            ann = annotate_doc(sub, sub_doc)
            _join(out, ann, offset)
        start = max(end, span.end_char if span is not None else end)
    return out


def _join(out: Annotations, ann: Annotations, offset: int) -> None:
    """Append one part's annotations to ``out``, every registered layer, offsets moved into the
    whole text; an article-level layer (the writing-date estimate) is taken from the first part
    that has one."""
    from .layers import layers

    figures_before = len(out.figures)
    for name in layers():
        items = getattr(ann, name)
        if name == "sentences":
            out.sentences += [(s + offset, e + offset) for s, e in items]
        elif name == "dating":
            out.dating = out.dating or items
        elif name == "events":
            out.events += [dataclasses.replace(_moved(ev, offset), figures=[i + figures_before for i in ev.figures])
                           for ev in items]
        else:
            setattr(out, name, getattr(out, name) + [_moved(x, offset) for x in items])


def _moved(item, offset: int):
    """``item`` (an annotation record) with its character offsets, and those of the records in it,
    moved by ``offset``; an article-date marker (a Timex with no text) stays where it is."""
    if isinstance(item, Timex) and not item.text:
        return item
    changes = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name in _OFFSETS and isinstance(value, int):
            changes[f.name] = value + offset
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes[f.name] = _moved(value, offset)
    return dataclasses.replace(item, **changes) if changes else item
