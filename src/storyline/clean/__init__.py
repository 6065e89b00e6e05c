"""Boilerplate removal and metadata lifted from text: ``clean(RawArticle) -> CleanArticle``."""
from .core import clean, clean_lines, clean_text, line_probabilities
from .flatten import flatten_html
from .meta import byline, dateline, reprint_of

__all__ = ["clean", "clean_lines", "clean_text", "line_probabilities", "flatten_html", "byline", "dateline", "reprint_of"]
