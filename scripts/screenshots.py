"""Screenshots of the main pages for the README (docs/*.png), taken in headless Debian chromium with
the same Playwright set-up as the browser tests. Builds the sample story into a temporary store.

    .venv/bin/python scripts/screenshots.py [--db STORE] [--out docs]
"""
from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "examples" / "afghan-talks"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an existing store (default: build the samples into a temporary one)")
    ap.add_argument("--out", default=str(REPO / "docs"))
    args = ap.parse_args()
    import uvicorn
    from playwright.sync_api import sync_playwright

    from storyline.views.web import create_app

    db = args.db
    if db is None:
        from typer.testing import CliRunner

        from storyline.views.cli import app as cli

        db = str(Path(tempfile.mkdtemp()) / "samples.db")
        result = CliRunner().invoke(cli, ["build", str(SAMPLES), "--db", db])
        assert result.exit_code == 0, result.output
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{srv.servers[0].sockets[0].getsockname()[1]}"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1000})
        page.goto(base + "/?sort=articles")
        page.locator(".card.story a").first.click()
        story = page.url
        page.locator("details.ev.key").first.locator("summary").click()
        page.screenshot(path=str(out / "web-story.png"))
        page.goto(story + "/quotations")
        page.screenshot(path=str(out / "web-quotations.png"))
        page.goto(story + "/figures")
        page.screenshot(path=str(out / "web-figures.png"))
        page.goto(story)
        href = page.locator("svg.map a", has=page.locator("title", has_text="Qatar")).first.get_attribute("href")
        page.goto(base + href)
        page.screenshot(path=str(out / "web-entity-map.png"))
        page.goto(base + "/search?q=U.S.")
        page.screenshot(path=str(out / "web-search.png"))
        browser.close()
    srv.should_exit = True
    print("\n".join(sorted(str(p.relative_to(REPO)) for p in out.glob("web-*.png"))))


if __name__ == "__main__":
    main()
