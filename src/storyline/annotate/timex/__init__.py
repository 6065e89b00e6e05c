"""TIMEX3 time-expression tagger: ``tag(text, dct) -> list[Timex]``.

Rules (``patterns.py``) find the expressions; ``tagger.py`` normalises them against the
publication date. See ``tagger.py`` for the conventions (ranges, unresolvable values).
"""
from .tagger import tag, tense

__all__ = ["tag", "tense"]
