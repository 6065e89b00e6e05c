"""Property and fuzz tests (hypothesis): every reader, the cleaner and the time normaliser take
whatever they are given without crashing or hanging, and what they return points inside the text
(issue 12). Examples are few and small, so the module stays fast; the deadline catches hangs."""
import json
import string
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import sources
from storyline.annotate.timex import tag
from storyline.clean import clean
from storyline.model import CleanArticle, InputWarning, RawArticle, Rejection

FAST = settings(max_examples=40, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.function_scoped_fixture])
KINDS = [".txt", ".html", ".jsonl", ".json", ".csv", ".warc", ".txt.gz"]

words = st.sampled_from(["Doha", "talks", "Monday", "said", "the", "Taliban", "2020", "\n", "\n\n", ",", ".", '"',
                         "<p>", "</p>", "<div>", "{", "}", "[", "]", ";", "\t", "\x00", "\ud800", "é", "\u202e",
                         "\x1b[31m", "March 3", "last week", "id", "text", "published", ":", "\r\n"])
texts = st.lists(words, max_size=60).map(" ".join) | st.text(max_size=300)


def _check(items, path):
    for item in items:
        assert isinstance(item, (RawArticle, Rejection, InputWarning))
        if isinstance(item, RawArticle):
            for value in (item.text, item.html, item.title, item.id):
                if value is not None:
                    assert "\x00" not in value
                    value.encode("utf-8")  # no lone surrogates: storable and printable
        else:
            assert item.source.startswith(str(path))


@FAST
@given(data=st.binary(max_size=2000), kind=st.sampled_from(KINDS))
def test_readers_take_any_bytes(tmp_path_factory, data, kind):
    path = tmp_path_factory.mktemp("fuzz") / f"input{kind}"
    path.write_bytes(data)
    _check(list(sources.read([path])), path)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
                               ["id", "text", "html", "title", "published", "url", "x"]), inner, max_size=5),
                           max_leaves=20)


@FAST
@given(records=st.lists(json_values, max_size=5), kind=st.sampled_from([".jsonl", ".json", ".csv"]))
def test_record_readers_take_any_records(tmp_path_factory, records, kind):
    path = tmp_path_factory.mktemp("fuzz") / f"records{kind}"
    if kind == ".jsonl":
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8", errors="surrogatepass")
    elif kind == ".json":
        path.write_text(json.dumps(records), encoding="utf-8")
    else:
        path.write_text("id,title,text\n" + "\n".join(",".join(str(v) for v in (r if isinstance(r, list) else [r]))
                                                      for r in records), encoding="utf-8", errors="surrogatepass")
    items = list(sources.read([path]))
    _check(items, path)
    if kind == ".json" and all(isinstance(r, dict) and isinstance(r.get("text"), str) and r["text"].strip()
                               and len(r["text"]) < 500_000 for r in records):
        assert sum(isinstance(i, RawArticle) for i in items) == len(records)  # good records are all read


@FAST
@given(text=texts)
def test_the_cleaner_keeps_or_refuses_with_a_reason(text):
    raw = RawArticle(id="x", source="fuzz", text=text, published=None)
    try:
        article = clean(raw)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(article, CleanArticle) and article.text.strip()


@FAST
@given(html=st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<br>", "<!--",
                                      "-->", "<a href='x'>", "</a>", "&amp;", "&#0;", "<title>", "</title>"]) | words,
                     max_size=80).map("".join))
def test_the_html_cleaner_keeps_or_refuses_with_a_reason(html):
    try:
        article = clean(RawArticle(id="x", source="fuzz", html=html or "<p></p>"))
    except ValueError as exc:
        assert str(exc)
        return
    assert article.text.strip()


timex_words = st.sampled_from(["on", "Monday", "March", "3", "2020", "last", "next", "week", "year", "ago", "two",
                               "days", "since", "until", "the", "1990s", "mid-", "-", "/", "12/03/2019", "noon",
                               "10:30", "a.m.", "spring", "Q3", "fiscal", "ten", "hundred", "times", "\n", ",",
                               "early", "late", "this", "morning", "tonight", "20th", "century", "'99", "Dec."])


@settings(max_examples=80, deadline=timedelta(seconds=5))
@given(tokens=st.lists(timex_words, max_size=40), dct=st.none() | st.dates().map(lambda d: d.isoformat()),
       noise=st.text(alphabet=string.printable + "é\u2013\u00a0", max_size=40))
def test_the_time_tagger_points_inside_the_text(tokens, dct, noise):
    text = " ".join(tokens) + noise
    for t in tag(text, dct):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.value
