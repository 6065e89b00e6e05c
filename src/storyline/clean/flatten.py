"""HTML page -> plain text, one block a line, the way many feeds and scrapers deliver articles.

Used to train and measure the plain-text cleaner on HTML benchmark pages, and as a fallback when
trafilatura finds no main text in a page. Hand-written because the libraries at hand either join
the whole page into paragraphs of their own choosing (trafilatura.html2txt) or drop block
boundaries; we need exactly one line per rendered block.
"""
from __future__ import annotations

from collections.abc import Callable

import re

import lxml.html
from lxml import etree

# Elements whose content is never shown as text.
_SKIP = {
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed",
    "canvas", "select", "option", "button", "input", "textarea", "form-hidden",
}
# Elements that start a new line (HTML block-level and line-breaking elements).
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "title", "legend", "label",
}
_WS = re.compile(r"\s+")


def _collector() -> tuple[list[str], list[str], Callable[[], None]]:
    """(lines, buffer, flush): text pieces gather in the buffer; flush ends a block as one line,
    whitespace collapsed, empty blocks dropped."""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            line = _WS.sub(" ", "".join(buf)).strip()
            if line:
                lines.append(line)
            buf.clear()

    return lines, buf, flush


def flatten_html(html: str | bytes) -> list[str]:
    """The page's visible text, one block a line, whitespace inside a line collapsed."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    lines, buf, flush = _collector()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if not tag:  # comment or processing instruction: only its tail is text
            if el.tail:
                buf.append(el.tail)
            return
        if tag in _SKIP or el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", ""):
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return lines


def flatten_html_stream(html: str) -> list[str]:
    """The same lines as :func:`flatten_html`, read by the standard library's event parser, which
    holds no tree: for pages nested deeper than lxml parses (it stops at 256 levels) or recursion
    allows. Hidden elements are not recognised here; _SKIP elements are."""
    from html.parser import HTMLParser

    lines, buf, flush = _collector()
    skipping: list[str] = []

    class _Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in _SKIP and tag not in ("input", "embed"):  # void elements hold no text
                skipping.append(tag)
            elif tag in _BLOCK and not skipping:
                flush()

        def handle_endtag(self, tag):
            if skipping and tag == skipping[-1]:
                skipping.pop()
            elif tag in _BLOCK and not skipping:
                flush()

        def handle_data(self, data):
            if not skipping:
                buf.append(data)

    parser = _Parser(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    flush()
    return lines
