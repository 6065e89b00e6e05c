"""The web UI: pages render from the store, and article text is escaped, never run."""
import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.views.cli import app as cli
from storyline.views.web import create_app


def test_pages_render_and_escape_untrusted_text(tmp_path):
    feed = tmp_path / "feed.jsonl"
    evil = "<script>alert(1)</script>"
    body = (f"Officials said on Monday that the talks in Doha would resume next week {evil}.\n\n"
            "The negotiators met for three hours and agreed to meet again, a spokesman said.")
    feed.write_text(json.dumps({"id": "a1", "title": f"Talks resume {evil}", "text": body, "published": "2021-03-01"}) + "\n")
    db = tmp_path / "s.db"
    assert CliRunner().invoke(cli, ["build", str(feed), "--db", str(db), "--no-annotate"]).exit_code == 0
    client = TestClient(create_app(db))
    for url in ("/", "/timeline", "/documents/a1", "/search?q=doha"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "<script>alert(1)</script>" not in page.text, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/documents/a1").text
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/api/export").json()["format"] == "storyline/1"
    assert "cannot search" in client.get('/search?q="open').text
