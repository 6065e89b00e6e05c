"""Bad and unusual inputs, made here: whatever one record does, the others are read, and what was
odd about it is said with file, line and reason (issue 12)."""
import codecs
import csv
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline import sources
from storyline.clean import clean
from storyline.model import InputWarning, RawArticle, Rejection
from storyline.sources.records import parse_published

BODY = ("Talks resume in Doha\n\nNegotiators from both sides met in Doha on Monday to resume talks on a "
        "ceasefire, officials said. The talks had been suspended for three weeks after an attack.\n\n"
        "A spokesman said progress had been made on the release of prisoners and that a second round "
        "would follow later in the week.")


def _read(*paths):
    items = list(sources.read(paths))
    return ([i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, Rejection)],
            [i for i in items if isinstance(i, InputWarning)])


def test_deeply_nested_json_costs_only_its_own_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "ok", "text": BODY}) + "\n")
    whole = tmp_path / "deep.json"
    whole.write_text('{"articles": ' + "[" * 100_000 + "]" * 100_000 + "}")
    arts, rej, _ = _read(path, whole)
    assert [a.id for a in arts] == ["ok"]
    assert [(r.source, r.line, r.reason) for r in rej] == [
        (str(path), 1, "malformed JSON (nested too deeply at column 1)"),
        (str(whole), 1, "malformed JSON (nested too deeply at column 1)"),
    ]


def test_lone_surrogates_and_nul_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "s1", "text": "Bad \\ud800 start. ' + BODY.replace("\n", "\\n") + '", "title": "T \\udfff"}\n'
                    + json.dumps({"id": "n1", "text": "A\u0000B " + BODY}) + "\n")
    arts, rej, warns = _read(path)
    assert rej == []
    assert [a.id for a in arts] == ["s1", "n1"]
    assert arts[0].text.startswith("Bad \ufffd start.") and arts[0].title == "T \ufffd"
    assert arts[1].text.startswith("AB Talks")
    assert [str(w) for w in warns] == [
        f"{path}:1: field 'text': 1 lone surrogate(s) replaced by U+FFFD",
        f"{path}:1: field 'title': 1 lone surrogate(s) replaced by U+FFFD",
        f"{path}:2: field 'text': 1 NUL character(s) removed",
    ]
    arts[0].text.encode("utf-8")  # storable


def test_date_forms_people_write_are_read_and_unreadable_ones_keep_the_article(tmp_path):
    forms = {
        "24 November 2016": "2016-11-24",
        "Wed Nov 23, 2016 | 4:58pm EST": "2016-11-23T16:58:00-05:00",
        "Wed, 23 Nov 2016 16:58:00 -0500": "2016-11-23T16:58:00-05:00",
        "1479938280": "2016-11-23T21:58:00+00:00",
        "1479938280000": "2016-11-23T21:58:00+00:00",
        "03-02-2009": "2009-03-02",
        "2016-W47-3": "2016-11-23",
        "2016-328": "2016-11-23",
        "20161123": "2016-11-23",
        "2016-11-23T16:58:00Z": "2016-11-23T16:58:00+00:00",
        "November 23, 2016": "2016-11-23",
    }
    for value, expected in forms.items():
        assert parse_published(value) == expected, value
    path = tmp_path / "dates.jsonl"
    bad = ["2016", "2016-11", "sometime soon", "2016-400", "99/99/2016"]
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": BODY, "published": v}) + "\n" for i, v in enumerate(bad)))
    arts, rej, warns = _read(path)
    assert rej == [] and [a.published for a in arts] == [None] * len(bad)
    assert [(w.line, w.reason.split(":")[0]) for w in warns] == [(i + 1, "field 'published'") for i in range(len(bad))]
    assert "'2016' gives no day; the article is stored undated" in warns[0].reason


def test_encodings_are_detected_and_a_stray_byte_is_replaced(tmp_path):
    text = "Caf\u00e9 talks \u201cresume\u201d \u2014 na\u00efve hopes.\n\n" + BODY
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin1.txt").write_bytes(text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-").encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))  # with BOM
    (tmp_path / "utf16le.txt").write_bytes(text.encode("utf-16-le"))  # without
    (tmp_path / "stray.txt").write_bytes(text.encode("utf-8").replace(b"talks", b"ta\xfflks", 1))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x00\x10" * 50)
    arts, rej, warns = _read(tmp_path)
    got = {a.id: a.text for a in arts}
    assert got["cp1252"] == text and got["utf16"] == text and got["utf16le"] == text and got["bom"] == text
    assert got["latin1"].startswith("Caf\u00e9 talks \"resume\" - na\u00efve")
    assert got["stray"].startswith("Caf\u00e9 ta\ufffdlks \u201cresume\u201d")
    assert [(r.source.rsplit("/", 1)[1], r.reason) for r in rej] == [("binary.txt", "binary data, not text (NUL bytes)")]
    said = {w.source.rsplit("/", 1)[1]: w.reason for w in warns}
    assert said == {
        "cp1252.txt": "not UTF-8 (byte 0xe9 at offset 3): read as cp1252",
        "latin1.txt": "not UTF-8 (byte 0xe9 at offset 3): read as cp1252",
        "stray.txt": "1 invalid UTF-8 byte(s) replaced by U+FFFD (first at offset 8)",
        "utf16le.txt": "no byte order mark: read as UTF-16-LE",
    }


def test_a_page_nested_200000_deep_still_gives_its_text(tmp_path):
    paragraph = BODY.split("\n\n")[1]
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 200_000 + f"<p>{paragraph}</p>" + "</div>" * 200_000 + "</body></html>")
    arts, rej, _ = _read(path)
    assert rej == []
    assert clean(arts[0]).text == paragraph


def test_csv_dialects_headerless_files_and_swallowed_rows(tmp_path):
    body = BODY.replace("\n\n", " ")
    semi = tmp_path / "semi.csv"
    semi.write_text(f'id;title;text\nc1;T1;"{body}"\nc2;T2;"{body} Two."\n')
    bare = tmp_path / "bare.csv"
    bare.write_text(f'h1,"{body}"\nh2,"{body} Again."\n')
    quote = tmp_path / "quote.csv"
    plain = body.replace(",", "")
    quote.write_text(f'id,title,text\nq1,T1,"{plain}\nq2,T2,{plain} x\nq3,T3,"{plain} y"\n')
    commas = tmp_path / "commas.csv"  # the same stray quote, text with commas: too many cells
    commas.write_text(f'id,title,text\nq1,T1,"{body}\nq2,T2,{body} x\nq3,T3,"{body} y"\nq4,T4,"{body} z"\n')
    arts, rej, warns = _read(semi, bare, quote, commas)
    assert [(r.line, r.reason) for r in rej] == [
        (2, "row has 4 cells, the header 3 (it runs over lines 2-4: a stray '\"' may have joined rows)")]
    assert [(a.id, a.text == body) for a in arts] == [("c1", True), ("c2", False), ("bare-1", True), ("bare-2", False),
                                                      ("q1", False), ("q4", False)]
    assert [(w.source.rsplit("/", 1)[1], w.line, w.reason) for w in warns] == [
        ("bare.csv", 1, ("no header row (no cell names a field such as 'text'): every row is read as an article, "
                        "column 2 (the longest) as its text")),
        ("quote.csv", 2, "the row of lines 2-4 holds 2 line(s) that look like rows of their own: a stray '\"' may have joined them"),
    ]


def test_a_header_naming_fields_but_no_text_column_is_still_rejected(tmp_path):
    path = tmp_path / "nohtext.csv"
    path.write_text("id,title\na,b\n")
    _, rej, _ = _read(path)
    assert [(r.line, r.reason) for r in rej] == [(1, "CSV header has no 'text' or 'html' column (found: id, title)")]


def test_blank_ids_are_named_and_said(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps({"id": "   ", "text": BODY}) + "\n" + json.dumps({"id": "", "text": BODY + " B"}) + "\n")
    arts, _, warns = _read(path)
    assert [a.id for a in arts] == ["ids-1", "ids-2"]
    assert [(w.line, w.reason) for w in warns] == [(1, "field 'id' is blank ('   '): the article is named ids-1")]


def _warc(records):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    return buf.getvalue()


def test_a_truncated_warc_record_is_kept_and_said(tmp_path):
    page = "<html><body><p>" + BODY.replace("\n\n", "</p><p>") + "</p></body></html>"
    data = _warc([("https://example.org/1", page), ("https://example.org/2", page + "<p>More.</p>" * 40)])
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-300])
    arts, rej, warns = _read(path)
    assert [a.url for a in arts] == ["https://example.org/1", "https://example.org/2"]
    assert rej == [] and len(warns) == 1 and warns[0].line == 2
    assert warns[0].reason.startswith("truncated WARC record (") and "bytes missing" in warns[0].reason


def test_skipped_folders_are_said(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BODY)
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    arts, rej, warns = _read(tmp_path)
    assert [a.id for a in arts] == ["one"] and rej == []
    assert [(w.source, w.reason) for w in warns] == [
        (str(tmp_path / "a" / "loop"), "symlinked folder not followed (name it on the command line to read it)")]


def test_a_reader_that_raises_loses_only_its_file(tmp_path, monkeypatch):
    good = tmp_path / "b.txt"
    good.write_text(BODY)
    bad = tmp_path / "a.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": BODY}) + "\n" + json.dumps({"id": "y", "text": BODY}) + "\n")

    def exploding(path, data):
        yield RawArticle(id="x", source=f"{path}:1", text=BODY)
        raise MemoryError("simulated") if False else RuntimeError("reader bug")

    monkeypatch.setitem(sources.READERS, ".jsonl", exploding)
    arts, rej, _ = _read(tmp_path)
    assert [a.id for a in arts] == ["x", "b"]
    assert [str(r) for r in rej] == [
        f"{bad}: cannot be read further after 1 article(s) (RuntimeError: reader bug); the rest of the file is skipped"]


def test_csv_writer_round_trip_of_awkward_cells(tmp_path):
    rows = [{"id": "w1", "title": 'He said "no"; then left', "text": BODY + '\n\nA "quoted", multi-line cell.'}]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["id", "title", "text"])
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "w.csv").write_text(buf.getvalue())
    arts, rej, warns = _read(tmp_path / "w.csv")
    assert rej == [] and warns == []
    assert [(a.id, a.title, a.text) for a in arts] == [(r["id"], r["title"], r["text"]) for r in rows]


def test_an_unreadable_folder_is_said(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "one.txt").write_text(BODY)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "two.txt").write_text(BODY)
    scandir = sources.os.scandir

    def guarded(path):  # what a folder without read permission does (chmod is no bar to root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(sources.os, "scandir", guarded)
    arts, rej, warns = _read(tmp_path)
    assert [a.id for a in arts] == ["one"] and rej == []
    assert [str(w) for w in warns] == [f"{tmp_path / 'locked'}: folder skipped: cannot read it (Permission denied)"]
