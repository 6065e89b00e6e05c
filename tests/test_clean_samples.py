"""clean() on the five sample reports: exact lines removed, title, author, date, reprint source."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean, dateline
from storyline.model import RawArticle

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples" / "afghan-talks"

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="sample reports not present")


def _clean(stem: str):
    path = SAMPLES / f"{stem}.txt"
    text = path.read_text(encoding="utf-8")
    return text, clean(RawArticle(id=stem, source=str(path), text=text))


def _check_text(text: str, art) -> None:
    """Kept lines are the input's lines minus the removed ones, unchanged, in order, joined by blank lines."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    removed = list(art.removed)
    kept = []
    for line in lines:
        if removed and line == removed[0]:
            removed.pop(0)
        else:
            kept.append(line)
    assert removed == []
    assert art.text == "\n\n".join(kept)


EXPECTED = {
    "000_ce37f2757cdffd57": dict(
        removed=[
            "Join our brand new verified AMN Telegram channel and get important news uncensored!",
            "US Envoy traveling to Qatar to discuss peace deal with Taliban",
            "U.S. envoy Zalmay Khalilzad speaks at the inauguration of the Ghazi School in Kabul. "
            "(US Embassy Kabul Afghanistan/U.S. Department of State)",
            "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.",
        ],
        title="US Envoy traveling to Qatar to discuss peace deal with Taliban",
        author=None, published=None, published_from=None,
        reprint_of="Radio Free Europe/Radio Liberty", outlet=None,
        first="U.S. envoy to Afghanistan Zalmay Khalilzad has departed to Qatar",
        last="are meant to withdraw from Afghanistan within 14 months.",
    ),
    "001_49216e0830200c81": dict(
        removed=[
            "Home / Latest Updates / Khalilzad Embarks On Afghan Peace Mission",
            "Khalilzad Embarks On Afghan Peace Mission",
            "AT News",
            "About admin",
            "Check Also",
            "UN edging closer to recognizing gender apartheid in Afghanistan",
            "AT News KABUL – In a significant move to support human rights, the United Nations …",
        ],
        title="Khalilzad Embarks On Afghan Peace Mission",
        author=None, published=None, published_from=None, reprint_of=None, outlet="AT News",
        first="KABUL: The US Special Envoy for Afghanistan",
        last="said Sadat Mansoor Naderi, minister of state for peace affairs.",
    ),
    "002_38a747c9cd03c8b7": dict(
        removed=[
            "US envoy to visit Kabul and Doha as Taliban call for troop withdrawal | Taliban news",
            "Source link",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
        ],
        title="US envoy to visit Kabul and Doha as Taliban call for troop withdrawal",
        author=None, published=None, published_from=None, reprint_of=None, outlet=None,
        first="Zalmay Khalilzad’s mission comes a year after",
        last="The United States “should not … just hand a victory over to the Taliban,”",
    ),
    "003_498ab2b590156276": dict(
        removed=[
            "Khalilzad hopeful ahead of ‘momentous’ Afghan peace negotiations",
            "By Lara Seligman 09/11/2020 12:40 PM EDT",
            "Like this article?",
            "Share on Facebook",
            "Share on Twitter",
            "Share on Linkdin",
            "Share This Post",
            "Subscribe To Our Newsletter",
            "Get updates and learn from the best",
            "More To Explore",
        ],
        title="Khalilzad hopeful ahead of ‘momentous’ Afghan peace negotiations",
        author="Lara Seligman", published="2020-09-11T12:40:00-04:00", published_from="text",
        reprint_of=None, outlet=None,
        first="Zalmay Khalilzad, the U.S. representative for Afghanistan reconciliation",
        last="Secretary of State Mike Pompeo flew to Doha, Qatar, Thursday for the start of the discussions.",
    ),
    "004_06bd3d64a9d432fd": dict(
        removed=[
            "US Envoy Khalilzad Calls for Faster Progress in Talks With the Taliban in Qatar",
            "+ posts",
            "Leave a Reply",
            "Your email address will not be published.",
            "Latest from Latest Stories",
        ],
        title="US Envoy Khalilzad Calls for Faster Progress in Talks With the Taliban in Qatar",
        author=None, published=None, published_from=None, reprint_of=None, outlet=None,
        first="‘[F]aster progress’ is needed in negotiations with the Taliban",
        last="another in Kabul leaving scores of casualties.",
    ),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_sample(stem: str) -> None:
    text, art = _clean(stem)
    exp = EXPECTED[stem]
    assert art.removed == exp["removed"]
    _check_text(text, art)
    for key in ("title", "author", "published", "published_from", "reprint_of", "outlet"):
        assert getattr(art, key) == exp[key], key
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0].startswith(exp["first"])
    assert paragraphs[-1].endswith(exp["last"]) if exp["last"].endswith(".") else exp["last"] in paragraphs[-1]


def test_dateline_of_sample_001() -> None:
    _, art = _clean("001_49216e0830200c81")
    assert dateline(art.text) == ("KABUL", None)
    assert art.text.startswith("KABUL: ")  # the dateline sentence itself stays


def test_metadata_wins_over_text() -> None:
    path = SAMPLES / "003_498ab2b590156276.txt"
    raw = RawArticle(id="x", source=str(path), text=path.read_text(encoding="utf-8"),
                     title="Envoy upbeat before Doha talks", author="Politico staff",
                     published="2020-09-11", outlet="Politico")
    art = clean(raw)
    assert (art.title, art.author, art.published, art.published_from, art.outlet) == (
        "Envoy upbeat before Doha talks", "Politico staff", "2020-09-11", "metadata", "Politico")
    # the byline still goes from the body
    assert "By Lara Seligman 09/11/2020 12:40 PM EDT" in art.removed
