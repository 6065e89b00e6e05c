"""Readers: every input kind, and every kind of bad input reported with file, line and reason."""
import gzip
import io
import json

import pytest

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline import sources
from storyline.model import RawArticle, Rejection


def _read(*paths):
    items = list(sources.read(paths))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, Rejection)]


def test_text_files_in_folders_recursively(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("First report.\n", encoding="utf-8")
    (tmp_path / "two.txt.gz").write_bytes(gzip.compress("Second report.\r\nLine two.".encode()))
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("not an article")
    (tmp_path / "notes.md").write_text("ignored in a folder walk")
    arts, rej = _read(tmp_path)
    assert [(a.id, a.text) for a in arts] == [("one", "First report.\n"), ("two", "Second report.\nLine two.")]
    assert rej == []


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": "Body one.", "title": "T1", "published": "2020-04-13", "outlet": "RFE/RL"}),
        "{not json",
        json.dumps({"id": "r3", "title": "no body"}),
        json.dumps({"id": "r4", "text": "Body four.", "published": "last Sunday"}),
        "",
        json.dumps({"html": "<html><body><p>Body five.</p></body></html>", "url": "https://example.org/5"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    arts, rej = _read(path)
    assert [a.id for a in arts] == ["r1", "r4", "feed-6"]
    assert arts[0].published == "2020-04-13" and arts[0].outlet == "RFE/RL" and arts[0].source == f"{path}:1"
    assert arts[1].published is None  # an unreadable date costs the date, not the article (a warning says so)
    assert arts[2].html.startswith("<html>") and arts[2].text is None
    assert [(r.line, r.reason.split(" (")[0]) for r in rej] == [
        (2, "malformed JSON"),
        (3, "record has neither 'text' nor 'html'"),
    ]
    warnings = [i for i in sources.read([path]) if not isinstance(i, (RawArticle, Rejection))]
    assert [(w.line, w.reason) for w in warnings] == [
        (4, "field 'published': 'last Sunday' is not a date; the article is stored undated")]
    assert all(r.source == str(path) for r in rej)


def test_json_list_and_csv(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "j1", "text": "One."}, {"id": "j2", "text": "Two."}]))
    (tmp_path / "b.csv").write_text('id,title,text,published\nc1,Title,"Text, with comma",2021-03-01T10:00:00Z\nc2,x\n')
    arts, rej = _read(tmp_path / "a.json", tmp_path / "b.csv")
    assert [a.id for a in arts] == ["j1", "j2", "c1"]
    assert arts[2].text == "Text, with comma" and arts[2].published == "2021-03-01T10:00:00+00:00"
    assert [(r.line, r.reason) for r in rej] == [(3, "record has neither 'text' nor 'html'")]


def test_bad_files_are_rejected_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "nocol.csv").write_text("a,b\n1,2\n")
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    arts, rej = _read(*sorted(tmp_path.iterdir()))
    assert [(a.id, a.text) for a in arts] == [("latin", "Caf\u00e9 news")]  # Latin-1 is read (with a warning)
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in rej}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary data, not text (NUL bytes)"
    assert reasons["broken.txt.gz"].startswith("not a readable gzip file")
    assert reasons["nocol.csv"].startswith("CSV header has no 'text' or 'html' column")
    assert reasons["report.pdf"].startswith("unsupported file type")


def test_missing_path(tmp_path):
    arts, rej = _read(tmp_path / "nope")
    assert [str(r) for r in rej] == [f"{tmp_path / 'nope'}: no such file or folder"]


def _warc(records) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                        warc_headers_dict={"WARC-Date": "2021-03-01T12:00:00Z"})
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_html_responses(tmp_path):
    data = _warc([
        ("https://news.example/a", "text/html; charset=utf-8", b"<html><body><p>Story A.</p></body></html>"),
        ("https://news.example/logo.png", "image/png", b"\x89PNG"),
    ])
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    arts, rej = _read(path)
    assert rej == []
    assert [(a.url, a.captured, a.id) for a in arts] == [("https://news.example/a", "2021-03-01T12:00:00Z", "crawl-1")]




@pytest.mark.parametrize("tail", [
    b"garbage not warc at all\r\n\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort",
])
def test_broken_warc_keeps_earlier_records(tmp_path, tail):
    good = _warc([("https://news.example/a", "text/html", b"<html><body><p>Story A.</p></body></html>")])
    path = tmp_path / "cut.warc"
    path.write_bytes(gzip.decompress(good) + tail)
    arts, rej = _read(path)
    assert [a.url for a in arts] == ["https://news.example/a"]
    assert [(r.line, r.reason.split(" (")[0]) for r in rej] == [(2, "broken WARC record after record 1")]


def test_oversized_article_text_is_rejected(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "h", "text": "word " * 120_000}) + "\n" + json.dumps({"id": "ok", "text": "Fine."}) + "\n")
    arts, rej = _read(path)
    assert [a.id for a in arts] == ["ok"]
    assert [(r.line, r.reason) for r in rej] == [(1, "article text too long (600,000 characters; limit 500,000)")]


def test_a_malformed_side_field_costs_the_record_only_that_field(tmp_path):
    """Found by the fuzz test: {"id": [], "text": "0"} was rejected whole; its text is good."""
    from storyline import sources
    from storyline.model import InputWarning, RawArticle, Rejection

    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"id": [], "text": "Talks resumed in Doha."},
                                {"id": "b", "text": {"body": "x"}}]), encoding="utf-8")
    items = list(sources.read([path]))
    arts = [i for i in items if isinstance(i, RawArticle)]
    assert [a.text for a in arts] == ["Talks resumed in Doha."] and arts[0].id == "records-1"
    assert any(isinstance(i, InputWarning) and "'id' must be a string, got list: ignored" in i.reason for i in items)
    assert any(isinstance(i, Rejection) and "'text' must be a string" in i.reason for i in items)
