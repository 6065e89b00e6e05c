"""What a person does in a browser, in headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; no browser is downloaded): read the sample story's time axis, open an event's sources,
search "U.S.", open an entity and its map, add an article; a hostile article stays inert."""
import json
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.views.cli import app as cli

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = {
    "id": "hostile", "title": "Talks <script>window.pwned=1</script> <img src=x onerror=\"window.pwned=2\">",
    "outlet": "<b onmouseover=alert(1)>Evil Outlet</b>", "published": "2020-09-12",
    "text": ("Negotiators met in Doha on Saturday <script>window.pwned=3</script> and "
             "<a href=\"javascript:window.pwned=4\">click</a> <img src=x onerror=\"window.pwned=5\"> "
             "\x1b[31mred\x1b[0m \x1b]0;title\x07 said Zalmay Khalilzad, the U.S. envoy.\n\n"
             "The Taliban released 20 prisoners, officials said on Saturday."),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from conftest import SAMPLES as samples

    if not samples.exists():
        pytest.skip("shared/examples not present")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    import uvicorn

    from storyline.views.web import create_app

    tmp = tmp_path_factory.mktemp("browser")
    folder = tmp / "in"
    shutil.copytree(samples, folder)
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = tmp / "s.db"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    config = uvicorn.Config(create_app(db, annotate=False), host="127.0.0.1", port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server)
    outside = []
    # nothing may leave the machine: every request goes to this server
    context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                  if not route.request.url.startswith(server) else route.continue_())
    context.set_default_timeout(10_000)
    pg = context.new_page()
    dialogs = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield pg
    assert not dialogs, dialogs
    assert not outside, outside
    context.close()


def _story(page) -> None:
    page.goto("/?sort=articles")  # the sample story: the one with the most articles
    page.locator(".card.story a").first.click()


def test_story_time_axis_and_event_sources(page):
    _story(page)
    assert "Khalilzad" in page.locator("h1").inner_text() or "Taliban" in page.locator("h1").inner_text()
    ticks = page.locator("svg#axis text.ticklabel").all_text_contents()
    # the story's dated events run from 29 February 2020 (the Doha deal) to its last report in September:
    # month ticks from March (a message stressed "on the anniversary of the February deal" is no longer
    # dated February 2020 by the deal's month)
    assert ticks == ["Mar 2020", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
    assert page.locator("svg#axis circle").count() >= 5
    body = page.locator("main").inner_text()
    assert "XXXX" not in body and "TNI" not in body
    # "April 12" in an undated report: resolved against the writing date its story suggests, and shown
    # as an estimate, never as a fact
    main = page.locator("main").text_content()
    assert "≈ 12 April 2020 (estimated from its story)" in main
    assert "12 April (year unknown)" not in main
    event = page.locator("details.ev.key").first
    assert "29 February 2020" in event.locator("summary").inner_text()
    assert not event.locator(".sentences").is_visible()
    event.locator("summary").click()
    assert event.locator(".sentences blockquote").count() >= 3  # the Doha deal, as three articles report it
    assert "First reported by" in event.inner_text()
    assert "sources agree" in event.inner_text()
    # zoom to a month from its tick label
    page.locator("svg#axis").get_by_role("link", name="Sep", exact=True).click()
    assert "from=2020-09-01" in page.url
    assert "one tick per week" in page.locator("main").inner_text()


def test_folded_event_opens_to_its_sentences_in_one_click(page):
    _story(page)
    fold = page.locator("details.fold").first
    fold.locator("summary").click()
    folded = fold.locator(".ev.folded").first
    assert folded.locator(".sentences").count() == 0  # folded events carry no sentences inline...
    n = int(re.search(r"(\d+) sources?", folded.inner_text())[1])
    folded.get_by_role("link", name="Sentences in every source").click()
    assert "/events/" in page.url  # ...their event page shows them, one per source at least
    assert page.locator("details.ev[open] .sentences blockquote").count() >= n
    assert "First reported by" in page.locator("main").inner_text()


def test_search_us_and_open_entity_with_map(page):
    page.goto("/")
    page.fill("header input[name=q]", "U.S.")
    page.press("header input[name=q]", "Enter")
    assert page.locator(".hit").count() >= 3
    assert "Nothing found" not in page.locator("main").inner_text()
    _story(page)
    page.locator("details.ev.key summary").first.click()
    page.locator("details.ev.key").first.get_by_role("link", name="United States").first.click()
    assert page.locator("h1").inner_text().startswith("United States")
    assert page.locator("svg.map circle.place").count() == 1
    assert "U.S." in page.locator("main").inner_text()  # an alias


def test_quotations_and_figures(page):
    _story(page)
    page.get_by_role("link", name="Quotations").click()
    assert page.locator(".card.quote").count() >= 20
    page.select_option("select[name=speaker]", "Zalmay Khalilzad")
    page.get_by_role("button", name="Show").click()
    assert page.locator(".card.quote").count() >= 1
    assert all("Zalmay Khalilzad" in t for t in page.locator(".card.quote .meta").all_inner_texts()[:1])
    page.get_by_role("link", name="Figures").click()
    assert page.locator("section.series svg circle").count() >= 3


def test_hostile_article_stays_inert(page):
    page.goto("/articles/hostile")
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("main script, main img, main [onerror], main [onmouseover]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    text = page.locator("main").inner_text()
    assert "<script>window.pwned=3</script>" in text and "<b onmouseover=alert(1)>Evil Outlet</b>" in text
    page.goto("/search?q=Negotiators")
    page.locator(".hit a").first.click()
    assert page.evaluate("window.pwned === undefined")


def test_add_an_article(page):
    page.goto("/add")
    page.fill("input[name=title]", "Prisoner exchange continues")
    page.fill("input[name=outlet]", "Browser Test Gazette")
    page.fill("textarea[name=text]", "The Afghan government released 100 Taliban prisoners on Monday, "
                                     "officials in Kabul said, as talks in Doha went on.")
    page.fill("textarea[name=jsonl]", "{not json}")
    page.get_by_role("button", name="Add to the store").click()
    assert "/imports/" in page.url
    for _ in range(60):
        if page.locator("#state.state-done, #state.state-failed").count():
            break
        time.sleep(1)
        page.reload()
    assert page.locator("#state").inner_text().startswith("Done"), page.locator("main").inner_text()
    assert "pasted JSONL line 1: not JSON" in page.locator("#rejected").inner_text()
    page.goto("/search?q=Prisoner+exchange+continues")
    assert "Browser Test Gazette" in page.locator("main").inner_text()
