"""Pages kept by the store's revision: a kept page is never older than the store (an article added,
the page shows it), browsers revalidate with ETag / If-None-Match, and nothing personal is shared."""
import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.store import open_store
from storyline.views import read
from storyline.views.cli import app as cli
from storyline.views.web import create_app

BASE = "http://127.0.0.1:8000"


def _build(db, tmp_path, name: str, records: list[dict]) -> None:
    feed = tmp_path / name
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = CliRunner().invoke(cli, ["build", str(feed), "--db", str(db), "--no-annotate"])
    assert result.exit_code == 0, result.output


def test_a_kept_page_changes_when_an_article_arrives(tmp_path):
    db = tmp_path / "s.db"
    _build(db, tmp_path, "one.jsonl", [{"id": "r1", "title": "Harbour strike in Rotterdam", "outlet": "Port News",
                                        "published": "2021-03-01",
                                        "text": "Dock workers in Rotterdam went on strike on Monday, the union said."}])
    before = read.revision(db)
    c = TestClient(create_app(db, annotate=False), base_url=BASE)
    home = c.get("/")
    search = c.get("/api/search", params={"q": "Antwerp"})
    assert search.json()["paging"]["total"] == 0
    again = c.get("/")
    assert again.text == home.text and again.headers["etag"] == home.headers["etag"]
    assert again.headers["cache-control"] == "no-cache"
    assert c.get("/", headers={"if-none-match": home.headers["etag"]}).status_code == 304

    _build(db, tmp_path, "two.jsonl", [{"id": "r2", "title": "Antwerp dockers join the strike", "outlet": "Scheldt Daily",
                                        "published": "2021-03-02",
                                        "text": "Dock workers in Antwerp joined the strike on Tuesday, the union said."}])
    assert read.revision(db) > before
    home2 = c.get("/", headers={"if-none-match": home.headers["etag"]})
    assert home2.status_code == 200 and home2.headers["etag"] != home.headers["etag"]
    assert "Scheldt Daily" in home2.text and "Scheldt Daily" not in home.text
    assert c.get("/api/search", params={"q": "Antwerp"}).json()["paging"]["total"] == 1


def test_the_revision_moves_with_every_write_a_page_shows(tmp_path):
    db = tmp_path / "s.db"
    _build(db, tmp_path, "one.jsonl", [{"id": "r1", "text": "Dock workers in Rotterdam went on strike, the union said."}])
    store = open_store(db)
    try:
        first = store.revision()
        store.mark_all_dirty()  # then the link stage rewrites the story's rows and clears the marks
        from storyline.link.pipeline import link

        link(store)
        assert store.revision() > first
        quiet = store.revision()
        link(store)  # nothing to do: nothing written, the revision stays
        assert store.revision() == quiet
    finally:
        store.close()


def test_kept_pages_share_no_cookie_and_stay_behind_the_guard(tmp_path):
    db = tmp_path / "s.db"
    _build(db, tmp_path, "one.jsonl", [{"id": "r1", "text": "Dock workers in Rotterdam went on strike, the union said."}])
    app = create_app(db, annotate=False)
    first = TestClient(app, base_url=BASE).get("/")
    second = TestClient(app, base_url=BASE).get("/")  # from memory
    assert second.text == first.text
    assert "set-cookie" not in second.headers
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert TestClient(app, base_url="http://evil.example").get("/").status_code == 400  # Host allow-list first
    locked = create_app(db, annotate=False, token="s3cret")
    assert TestClient(locked, base_url=BASE).get("/").status_code == 401
    assert TestClient(locked, base_url=BASE).get("/", headers={"authorization": "Bearer s3cret"}).status_code == 200
    assert TestClient(locked, base_url=BASE).get("/").status_code == 401  # kept, and still behind the token


def test_another_store_at_the_same_path_is_never_served_from_memory(tmp_path):
    db = tmp_path / "s.db"
    _build(db, tmp_path, "one.jsonl", [{"id": "r1", "outlet": "Port News",
                                        "text": "Dock workers in Rotterdam went on strike, the union said."}])
    c = TestClient(create_app(db, annotate=False), base_url=BASE)
    assert "Port News" in c.get("/").text
    other = tmp_path / "other"
    other.mkdir()
    _build(other / "s.db", other, "one.jsonl", [{"id": "r1", "outlet": "Harbour Herald",
                                                 "text": "Dock workers in Rotterdam went on strike, the union said."}])
    assert read.revision(other / "s.db") == read.revision(db)  # same history, same revision number
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"s.db{suffix}").unlink(missing_ok=True)
        if (other / f"s.db{suffix}").exists():
            (other / f"s.db{suffix}").rename(tmp_path / f"s.db{suffix}")
    home = c.get("/").text
    assert "Harbour Herald" in home and "Port News" not in home


def test_a_storys_pages_stay_kept_while_other_stories_change(tmp_path):
    db = tmp_path / "s.db"
    strike = "Dock workers in Rotterdam went on strike on Monday over pay, the union said, and ships queued at sea."
    floods = "Heavy rain flooded the old town of Valencia on Tuesday, and the mayor closed the schools."
    _build(db, tmp_path, "one.jsonl", [
        {"id": "r1", "title": "Rotterdam strike", "outlet": "Port News", "published": "2021-03-01", "text": strike},
        {"id": "v1", "title": "Valencia floods", "outlet": "Coast Daily", "published": "2021-03-02", "text": floods}])
    s = read.open_read(db)
    try:
        by_title = {c.title: c.id for c in read.stories(s).stories}
    finally:
        s.close()
    strike_id, floods_id = by_title["Rotterdam strike"], by_title["Valencia floods"]
    c = TestClient(create_app(db, annotate=False), base_url=BASE)
    pages = {u: c.get(u) for u in ("/", f"/stories/{strike_id}", f"/stories/{floods_id}",
                                   f"/api/stories/{floods_id}/timeline")}
    _build(db, tmp_path, "two.jsonl", [{"id": "r2", "title": "Rotterdam strike spreads", "outlet": "Harbour Herald",
                                        "published": "2021-03-03", "text": strike + " The strike spread to Antwerp."}])
    floods_again = c.get(f"/stories/{floods_id}", headers={"if-none-match": pages[f"/stories/{floods_id}"].headers["etag"]})
    assert floods_again.status_code == 304  # its story was not written: kept
    assert c.get(f"/api/stories/{floods_id}/timeline").headers["etag"] == \
        pages[f"/api/stories/{floods_id}/timeline"].headers["etag"]
    strike_again = c.get(f"/stories/{strike_id}")
    assert strike_again.headers["etag"] != pages[f"/stories/{strike_id}"].headers["etag"]
    assert "2 articles (1 near-duplicate)" in strike_again.text  # the new report joined the strike story
    assert "2 articles" not in pages[f"/stories/{strike_id}"].text
    assert c.get("/").headers["etag"] != pages["/"].headers["etag"]  # the list of stories: the store's revision


def test_the_kept_revision_connection_never_holds_back_a_writer(tmp_path):
    from storyline.views.cache import RevisionProbe

    db = tmp_path / "s.db"
    _build(db, tmp_path, "one.jsonl", [{"id": "r1", "text": "Dock workers in Rotterdam went on strike, the union said."}])
    probe = RevisionProbe(db)
    first = probe("/")
    s = read.open_read(db)
    try:
        sid = read.stories(s).stories[0].id
        story_rev = s.story_revision(sid)
    finally:
        s.close()
    assert story_rev is not None and probe(f"/stories/{sid}")[-2:] == ("story", story_rev)
    _build(db, tmp_path, "two.jsonl", [{"id": "v1", "text": "Heavy rain flooded the old town of Valencia, the mayor said."}])
    store = open_store(db)
    try:  # a full checkpoint completes (busy 0): the probe's connection holds no read transaction
        assert tuple(store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone())[0] == 0
    finally:
        store.close()
    assert probe("/")[-1] > first[-1]
    probe.close()
