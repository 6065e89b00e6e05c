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
