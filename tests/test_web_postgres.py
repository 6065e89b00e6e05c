"""The web UI and API on a PostgreSQL store give what they give on SQLite (the same read module,
the store's own connection per request)."""
from conftest import SAMPLES
from fastapi.testclient import TestClient
from test_store_postgres import fresh_db, server  # noqa: F401 - the throwaway server fixture
from typer.testing import CliRunner

from storyline.views.cli import app as cli
from storyline.views.web import create_app

BASE = "http://127.0.0.1:8000"


def test_pages_and_api_on_postgres(fresh_db, tmp_path):  # noqa: F811
    pg = fresh_db
    lite = tmp_path / "s.db"
    for db in (pg, str(lite)):
        result = CliRunner().invoke(cli, ["build", str(SAMPLES), "--db", db, "--no-annotate"])
        assert result.exit_code == 0, result.output
    answers = []
    for db in (pg, lite):
        c = TestClient(create_app(db, annotate=False), base_url=BASE)
        stories = c.get("/api/stories").json()
        sid = stories["stories"][0]["id"]
        assert c.get(f"/stories/{sid}").status_code == 200
        for q in ("U.S.", "Al-Qaeda", "Clinton's", "9/11", "e-mail", "50%", '"open', "AND ("):
            assert c.get("/search", params={"q": q}).status_code == 200
        assert c.get("/api/search", params={"q": "Khalilzad's talks"}).json()["paging"]["total"] >= 2
        search = c.get("/api/search", params={"q": "Khalilzad"}).json()  # stemming differs, names do not
        answers.append((stories["paging"]["total"], sorted(s["articles"] for s in stories["stories"]),
                        sorted(h["link"] for h in search["hits"] if h["kind"] == "article")))
    assert answers[0] == answers[1]


def test_kept_pages_follow_the_postgresql_store(fresh_db, tmp_path):  # noqa: F811
    import json

    from storyline.views import read

    feed = tmp_path / "one.jsonl"
    feed.write_text(json.dumps({"id": "r1", "outlet": "Port News", "text": "Dock workers in Rotterdam went on strike on Monday over pay, the union said, and ships queued at sea."}) + "\n")
    result = CliRunner().invoke(cli, ["build", str(feed), "--db", fresh_db, "--no-annotate"])
    assert result.exit_code == 0, result.output
    before = read.revision(fresh_db)
    c = TestClient(create_app(fresh_db, annotate=False), base_url=BASE)
    sid = c.get("/api/stories").json()["stories"][0]["id"]
    home, story = c.get("/"), c.get(f"/stories/{sid}")
    assert c.get("/", headers={"if-none-match": home.headers["etag"]}).status_code == 304
    feed.write_text(json.dumps({"id": "v1", "outlet": "Coast Daily",
                                "text": "Heavy rain flooded the old town of Valencia on Tuesday, and the mayor closed the schools."}) + "\n")
    assert CliRunner().invoke(cli, ["build", str(feed), "--db", fresh_db, "--no-annotate"]).exit_code == 0
    assert read.revision(fresh_db) > before
    assert "Coast Daily" in c.get("/").text and "Coast Daily" not in home.text
    assert c.get(f"/stories/{sid}", headers={"if-none-match": story.headers["etag"]}).status_code == 304
