"""A very long article is parsed and annotated in parts, in bounded memory and time, with offsets
into the whole text (issue 12). The figures (time, peak memory for 490,000 characters) are in
`storyline bench --only long`; here the limit is made small so the parts are few and quick."""
import dataclasses

from storyline.annotate import nlp, parts, pipeline
from storyline.model import CleanArticle

PARAGRAPHS = [
    ("Negotiators met in Doha on Monday, March 2, 2020, to resume talks on a ceasefire. Zalmay Khalilzad said "
    "the talks were \"productive and serious\"."),
    "The Taliban released 20 prisoners in Kandahar on Tuesday. Khalilzad said more releases would follow.",
    "In Kabul, President Ashraf Ghani said on Wednesday that 1,500 prisoners would be freed by March 10.",
]


def test_split_parts_join_to_the_text_and_respect_the_limit():
    text = "\n\n".join(PARAGRAPHS * 5) + "\nLast line without an end" + " x" * 300
    for limit in (60, 200, 1000):
        got = nlp.split_parts(text, limit)
        assert "".join(got) == text and all(len(p) <= limit for p in got)
    assert nlp.split_parts("short", 100) == ["short"]
    assert nlp.split_parts("a" * 250, 100) == ["a" * 100, "a" * 100, "a" * 50]  # no place to cut: at the limit


def test_a_long_article_is_annotated_part_by_part_with_offsets_into_the_whole(monkeypatch):
    text = "\n\n".join(PARAGRAPHS)
    limit = max(len(p) for p in PARAGRAPHS) + 2
    assert not parts.is_long(text)
    monkeypatch.setattr(nlp, "PART_CHARS", limit)
    assert parts.is_long(text)
    article = CleanArticle(id="long", source="t", text=text, published="2020-03-02")
    doc = nlp.parse(text)
    assert doc.text == text and len(text) > limit
    whole = next(pipeline.annotate([article]))
    starts = {s for s, _ in whole.sentences}
    assert {0, len(PARAGRAPHS[0]) + 2, len(PARAGRAPHS[0]) + len(PARAGRAPHS[1]) + 4} <= starts  # parts start sentences
    for item in whole.timexes + whole.entities + whole.quotes + whole.figures:
        assert text[item.start:item.end] == item.text
    # the same as annotating each paragraph alone, moved to where it is
    start = 0
    expected_entities = []
    for i, paragraph in enumerate(PARAGRAPHS):
        part = paragraph + ("\n\n" if i < len(PARAGRAPHS) - 1 else "")
        alone = next(pipeline.annotate([dataclasses.replace(article, text=part)]))
        expected_entities += [(e.start + start, e.end + start, e.text, e.key) for e in alone.entities]
        start += len(part)
    assert [(e.start, e.end, e.text, e.key) for e in whole.entities] == expected_entities
    assert {t.value for t in whole.timexes} >= {"2020-03-02", "2020-03-10"}
