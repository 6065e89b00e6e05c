"""The web UI and JSON API, as TestClient requests: pages render from the store with untrusted text
escaped; security headers, the Host allow-list, the access token, CSRF and size limits hold."""
import json
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.views import read
from storyline.views.cli import app as cli
from storyline.views.dates import human_date
from storyline.views.web import create_app

BASE = "http://127.0.0.1:8000"
EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    feed = tmp / "feed.jsonl"
    body = (f"Officials said on Monday that the talks in Doha would resume next week {EVIL}.\n\n"
            "The negotiators met for three hours and agreed to meet again, a spokesman said.")
    feed.write_text(json.dumps({"id": "a1", "title": f"Talks resume {EVIL}", "text": body, "outlet": "Example News",
                                "published": "2021-03-01"}) + "\n")
    db = tmp / "s.db"
    assert CliRunner().invoke(cli, ["build", str(feed), "--db", str(db), "--no-annotate"]).exit_code == 0
    return db


def client(db, **kw):
    return TestClient(create_app(db, annotate=False, **kw), base_url=BASE)


def story_id(db) -> str:
    s = read.open_read(db)
    try:
        return read.stories(s).stories[0].id
    finally:
        s.close()


def test_pages_render_and_escape_untrusted_text(store):
    c = client(store)
    sid = story_id(store)
    for url in ("/", f"/stories/{sid}", f"/stories/{sid}/quotations", f"/stories/{sid}/figures",
                f"/stories/{sid}/sources", "/articles/a1", "/search?q=doha", "/add", "/docs"):
        page = c.get(url)
        assert page.status_code == 200, url
        assert EVIL not in page.text, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in c.get("/articles/a1").text
    assert "Example News" in c.get("/").text  # outlet names, not ids
    assert c.get("/articles/nope").status_code == 404
    assert c.get("/api/articles/nope").json() == {"detail": "no article 'nope'"}
    assert c.get("/api/export").json()["format"] == "storyline/1"
    assert c.get("/documents/a1").url.path == "/articles/a1"  # old addresses still lead somewhere


@pytest.mark.parametrize("q", ["U.S.", "Al-Qaeda", "Clinton's", "9/11", "e-mail", "50%", '"open', "AND OR NOT (",
                               "talks*", "^col:x", "\x00"])
def test_search_takes_what_people_type(store, q):
    c = client(store)
    page = c.get("/search", params={"q": q})
    assert page.status_code == 200
    assert "error" not in page.text.lower() and "sqlite" not in page.text.lower()
    assert c.get("/api/search", params={"q": q}).status_code == 200


def test_search_finds_and_filters(store):
    c = client(store)
    assert c.get("/api/search", params={"q": "Doha"}).json()["paging"]["total"] == 1
    assert c.get("/api/search", params={"q": "Doha", "outlet": "Other"}).json()["paging"]["total"] == 0
    assert c.get("/api/search", params={"q": "Doha", "from": "2021-03-02"}).json()["paging"]["total"] == 0
    assert c.get("/api/search", params={"q": "Doha", "to": "2021-03"}).json()["paging"]["total"] == 1
    sid = story_id(store)
    form = c.get("/search", params={"q": "Doha", "outlet": "Example News", "story": sid}).text
    assert "<option selected>Example News</option>" in form  # the form's choices, the chosen ones marked
    assert f'<option value="{sid}" selected>Talks resume &lt;script&gt;' in form and EVIL not in form
    assert "<option>Example News</option>" in c.get("/search", params={"q": "talks"}).text
    assert read.fts_query("U.S. Clinton's 9/11") == '"U S" "Clinton s" "9 11"'
    assert read.fts_query("%%% ---") is None


def test_security_headers(store):
    r = client(store).get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in r.text and "style=" not in r.text  # no inline script or style to allow


def test_host_allow_list_stops_dns_rebinding(store):
    c = client(store)
    assert c.get("/", headers={"host": "evil.example:8000"}).status_code == 400
    assert c.get("/api/stories", headers={"host": "127.0.0.1.evil.example"}).status_code == 400
    assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert c.get("/", headers={"host": "[::1]:8000"}).status_code == 200
    other = client(store, allowed_hosts=["news.example"])
    assert other.get("/", headers={"host": "news.example"}).status_code == 200


def test_access_token(store):
    c = client(store, token="s3cret")
    assert c.get("/").status_code == 401
    assert c.get("/api/stories", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/api/stories", headers={"authorization": "Bearer s3cret"}).status_code == 200
    r = c.get("/?token=s3cret", follow_redirects=False)
    assert r.status_code == 303 and "token" not in r.headers["location"]
    assert c.get("/").status_code == 200  # the cookie set by the redirect


def _csrf(c) -> str:
    page = c.get("/add").text
    return re.search(r'name="csrf" value="([^"]+)"', page)[1]


def test_csrf_and_origin_checked_on_adding(store):
    c = client(store)
    token = _csrf(c)
    data = {"csrf": token, "text": "A short pasted report about the talks in Doha, said a spokesman on Monday."}
    assert c.post("/add", data={**data, "csrf": "forged"}, headers={"origin": BASE}).status_code == 403
    assert c.post("/add", data=data, headers={"origin": "http://evil.example"}).status_code == 403
    assert c.post("/add", data=data).status_code == 403  # no Origin, no Referer
    assert c.post("/add", data=data, headers={"origin": "null", "sec-fetch-site": "cross-site"}).status_code == 403
    fresh = client(store)  # no cookie: a cross-site form cannot know it
    assert fresh.post("/add", data=data, headers={"origin": BASE}).status_code == 403


def test_upload_size_limit(store):
    c = client(store, max_body=1024)
    token = _csrf(c)
    r = c.post("/add", data={"csrf": token, "text": "x" * 5000}, headers={"origin": BASE})
    assert r.status_code == 413


def test_adding_rejects_with_reasons(store):
    c = client(store)
    token = _csrf(c)
    r = c.post("/add", data={"csrf": token, "jsonl": '{"id": 1}\nnot json'}, headers={"origin": BASE})
    assert r.status_code == 400
    assert "line 1: a record needs a text or html field" in r.text and "line 2: not JSON" in r.text
    r = c.post("/add", data={"csrf": token}, files={"files": ("notes.exe", b"MZ")}, headers={"origin": BASE})
    assert r.status_code == 400 and "notes.exe: not a kind of file Storyline reads" in r.text


def test_read_only_connection(store, tmp_path):
    s = read.open_read(store)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            s.conn.execute("CREATE TABLE x (a)")
    finally:
        s.close()
    assert client(tmp_path / "missing.db").get("/api/stories").status_code == 503


def test_openapi_schema_has_models(store):
    schema = client(store).get("/openapi.json").json()
    ref = schema["paths"]["/api/stories/{story_id}/timeline"]["get"]["responses"]["200"]["content"]
    assert ref["application/json"]["schema"]["$ref"].endswith("/Timeline")
    assert {"StoryList", "EventItem", "EntityPage", "SearchResults", "Quotations", "Figures"} <= set(
        schema["components"]["schemas"])


@pytest.mark.parametrize("value,words", [
    ("XXXX-04-12", "12 April (year unknown)"), ("2016-07-21TNI", "21 July 2016, night"),
    ("2020-09-11", "11 September 2020"), ("2020-09", "September 2020"), ("19", "the 1900s"), ("199", "the 1990s"),
    ("XXXX-WXX-4", "a Thursday (date unknown)"), ("2020-SU", "summer 2020"), ("PAST_REF", "in the past"),
    ("P3D", "date unknown"), ("XXXX", "date unknown"), ("2020-W15", "the week of 6 April 2020"),
])
def test_dates_in_words(value, words):
    assert human_date(value) == words


def test_serve_refuses_remote_without_flag(store):
    r = CliRunner().invoke(cli, ["serve", "--db", str(store), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "--allow-remote" in r.output
    r = CliRunner().invoke(cli, ["serve", "--db", str(store), "--host", "0.0.0.0", "--allow-remote", "--token", "short"])
    assert r.exit_code == 2 and "at least 12" in r.output


def _ref(doc_id: str) -> read.ArticleRef:
    return read.ArticleRef(id=doc_id, title=doc_id, outlet=f"Outlet {doc_id}", published="2016-07-22",
                           published_label="22 July 2016")


def _passage(doc_id: str, text: str, claim: str) -> dict:
    return {"document_id": doc_id, "start": 0, "end": len(text), "text": text, "about": "date (day)", "claim": claim}


def test_sources_differ_only_when_the_days_differ():
    """"2016-07-21TNI" and "2016-07-21" are the same day: no "sources differ" for them; different
    days are shown side by side, in words (stored agreement records, as the link stage keeps them)."""
    same = {"status": "differ", "sources": ["d1", "d2"],
            "passages": [_passage("d1", "They met on the night of 21 July.", "2016-07-21TNI"),
                         _passage("d2", "They met on 21 July.", "2016-07-21")]}
    assert read._agreement(same, _ref) == ("agree", [])
    other = {"status": "differ", "sources": ["d2", "d3"],
             "passages": [_passage("d2", "They met on 21 July.", "2016-07-21"),
                          _passage("d3", "They met on 20 July.", "2016-07-20")]}
    status, diffs = read._agreement(other, _ref)
    assert status == "differ"
    assert [(s.claim, s.article.outlet, s.text) for s in diffs[0].sides] == [
        ("21 July 2016", "Outlet d2", "They met on 21 July."), ("20 July 2016", "Outlet d3", "They met on 20 July.")]


def test_adding_files_builds_in_the_background(tmp_path):
    import time

    db = tmp_path / "s.db"
    feed = tmp_path / "first.jsonl"
    feed.write_text(json.dumps({"id": "b0", "text": "A first report about harbour strikes in Rotterdam, a union said."}) + "\n")
    assert CliRunner().invoke(cli, ["build", str(feed), "--db", str(db), "--no-annotate"]).exit_code == 0
    c = client(db)
    token = _csrf(c)
    body = b"Dock workers in Rotterdam went on strike on Monday over pay, the union said.\n"
    r = c.post("/add", data={"csrf": token}, headers={"origin": BASE}, follow_redirects=False,
               files=[("files", ("strike.txt", body, "text/plain")), ("files", ("../../etc/passwd.csv", b"", "text/csv"))])
    assert r.status_code == 303
    job = r.headers["location"].rsplit("/", 1)[1]
    for _ in range(100):
        status = c.get(f"/api/imports/{job}").json()
        if status["state"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert status["state"] == "done", status
    assert (status["read"], status["added"]) == (1, 1)
    assert status["rejected"] == ["../../etc/passwd.csv: empty file"]
    assert 'http-equiv="refresh"' not in c.get(f"/imports/{job}").text  # done: no more refreshing
    assert c.get("/api/search", params={"q": "dock workers"}).json()["paging"]["total"] == 1


def test_folded_event_is_one_escaped_line_linking_to_its_sentences():
    from storyline.views.web import folded

    ref = read.ArticleRef(id=f"d{EVIL}", title="t", outlet=f"Out {EVIL}", published="2021-03-01",
                          published_label="1 March 2021")
    e = read.EventItem(id='ev-"x"', story_id="s1", type=f"talk{EVIL}", modality="hedged", summary=f"Talks {EVIL}",
                       date_value=None, when="date unknown", granularity="unknown", sources=2, first_reporter=ref,
                       agreement="differ")
    html = str(folded(e))
    assert EVIL not in html and html.count("&lt;script&gt;") == 3
    assert 'id="ev-&#34;x&#34;"' in html and 'class="ev folded undated"' in html
    assert '<a href="/events/ev-%22x%22">Sentences in every source, where they differ</a>' in html
    assert "(hedged)" in html and "2 sources" in html and "sources differ" in html
    assert 'first reported by <a href="/articles/d%3Cscript%3Ealert%281%29%3C/script%3E">Out &lt;script&gt;' in html


def test_event_block_escapes_every_value_and_opens_to_its_sentences():
    from storyline.views.web import event

    ref = read.ArticleRef(id="d1", title="t", outlet=f"Out {EVIL}", published="2021-03-01",
                          published_label="1 March 2021")
    side = read.Side(article=ref, claim=f"on Monday {EVIL}", text=f"said {EVIL}")
    e = read.EventItem(id="ev1", story_id="s1", type="talk", modality="asserted", summary=f"Talks {EVIL}",
                       date_value="2021-03", when="March 2021", granularity="month", sources=2, first_reporter=ref,
                       agreement="differ", key=True, differences=[read.Difference(about="date", sides=[side, side])],
                       actors=[read.EntityRef(id="e&1", name=f"Ann {EVIL}", type="PER")],
                       places=[read.EntityRef(id="p1", name="Doha", type="GPE")],
                       sentences=[read.Sentence(article=ref, text=f"Talks began {EVIL}", first=True)])
    html = str(event(e, open=True))
    assert EVIL not in html and html.count("&lt;script&gt;") == 11  # summary, actor, 4 outlets, 2 claims, 2 texts, 1 sentence
    assert html.startswith('<details class="ev key undated" id="ev1" open>\n<summary><b>March 2021</b>'
                           ' <span class="meta">(month)</span> — Talks &lt;script&gt;')
    assert '<a href="/entities/e%261">Ann &lt;script&gt;' in html and ' · in <a href="/entities/p1">Doha</a>' in html
    assert html.count('<div class="side">') == 2 and "The sources differ on date:" in html
    assert '<div class="sentences"><blockquote>Talks began &lt;script&gt;' in html and " · first</span>" in html
    assert html.endswith('<div class="meta"><a href="/events/ev1">event page</a></div>\n</details>')


def test_axis_marks_are_escaped_links_to_their_events():
    from storyline.views.web import axis_marks

    html = str(axis_marks([{"id": 'e"1', "x": 30.0, "w": 12.5, "y": 40, "key": True, "label": f"1 May: {EVIL}"},
                           {"id": "e2", "x": 50.0, "w": 0, "y": 54, "key": False, "label": "2 May: talks"}]))
    assert EVIL not in html and html.count("&lt;script&gt;") == 2  # the range's title and the mark's
    assert html.startswith('<a href="#e&#34;1"><line class="range" x1="30.0" y1="40" x2="42.5" y2="40">')
    assert html.endswith('<a href="#e2"><circle class="mark" cx="50.0" cy="54" r="4"><title>2 May: talks</title>'
                         '</circle></a>')
