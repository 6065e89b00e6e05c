"""clean() on furniture written for these tests (other sites' shapes, not the samples'), and on HTML."""
from __future__ import annotations

import pytest

from storyline.clean import byline, clean, dateline, flatten_html, reprint_of
from storyline.model import RawArticle

FLOOD = """World › Asia › Floods
Floodwaters recede in northern province as aid convoys arrive
Written by Maria Okafor and Tom Baines
Published: March 3, 2021
Updated: March 4, 2021 10:15 AM
DHAKA — Aid convoys reached villages cut off by floodwaters on Wednesday, officials said, as the river fell below the danger level for the first time in a week.
Rescue workers carry a boy through a flooded street in Sylhet. (Photo: Jane Roe/Agency)
Some 12,000 families remain in temporary shelters, according to the disaster management ministry, and schools in three districts are closed until further notice.
Advertisement
"We are doing everything we can to reach the last villages before the weekend," a district official told reporters at the relief camp.
Sign up for our daily briefing
The government has asked for international help to rebuild roads and bridges that were washed away by the flood.
Follow us on Twitter
Share this article
Related Stories
Cyclone season forecast warns of stronger storms
Government pledges new embankments along the river …
3 Comments
This is terrible news, praying for everyone affected and hoping the aid keeps coming for the families.
"""


def test_other_site_furniture_removed_and_body_kept() -> None:
    art = clean(RawArticle(id="flood", source="t", text=FLOOD))
    assert art.removed == [
        "World › Asia › Floods",
        "Floodwaters recede in northern province as aid convoys arrive",
        "Written by Maria Okafor and Tom Baines",
        "Published: March 3, 2021",
        "Updated: March 4, 2021 10:15 AM",
        "Rescue workers carry a boy through a flooded street in Sylhet. (Photo: Jane Roe/Agency)",
        "Advertisement",
        "Sign up for our daily briefing",
        "Follow us on Twitter",
        "Share this article",
        "Related Stories",
        "Cyclone season forecast warns of stronger storms",
        "Government pledges new embankments along the river …",
        "3 Comments",
        "This is terrible news, praying for everyone affected and hoping the aid keeps coming for the families.",
    ]
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("DHAKA — Aid convoys")
    assert paragraphs[-1].startswith("The government has asked")
    assert art.title == "Floodwaters recede in northern province as aid convoys arrive"
    assert art.author == "Maria Okafor and Tom Baines"
    assert (art.published, art.published_from) == ("2021-03-03", "text")
    assert dateline(art.text) == ("DHAKA", None)


REPRINT = """Why bees struggle in hot cities
Urban heat islands raise temperatures by several degrees, and researchers found that bumblebees forage less when streets stay hot at night.
The team tagged more than 400 bees across six cities over two summers and recorded how far each one flew from the nest.
This story was first published in The Conversation and is republished under a Creative Commons license.
About the Author
Dr. Lena Hart studies pollinators at a university field station.
"""


def test_reprint_notice_and_author_box() -> None:
    art = clean(RawArticle(id="bees", source="t", text=REPRINT))
    assert art.reprint_of == "The Conversation"
    assert art.title == "Why bees struggle in hot cities"
    assert art.removed == [
        "Why bees struggle in hot cities",
        "This story was first published in The Conversation and is republished under a Creative Commons license.",
        "About the Author",
        "Dr. Lena Hart studies pollinators at a university field station.",
    ]
    assert art.text.count("\n\n") == 1


def test_inline_teaser_block_does_not_end_the_article() -> None:
    body = [f"Paragraph {i} of the report says the council voted on the budget and the mayor answered questions from residents." for i in range(6)]
    text = "\n".join(body[:3] + ["Read more", "Council approves park renovation"] + body[3:])
    art = clean(RawArticle(id="t", source="t", text=text))
    assert art.removed == ["Read more", "Council approves park renovation"]
    assert art.text == "\n\n".join(body)


def test_nothing_left_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no article text"):
        clean(RawArticle(id="t", source="t", text="Home\nShare on Facebook\nLeave a Reply\nSubscribe"))
    with pytest.raises(ValueError, match="neither text nor HTML"):
        clean(RawArticle(id="t", source="t"))


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Jane Doe | March 3, 2021", ("Jane Doe", "2021-03-03")),
        ("By JOHN SMITH, Associated Press", ("JOHN SMITH", None)),
        ("By Ana de la Cruz Sept. 4, 2019 at 3:05 p.m. UTC", ("Ana de la Cruz", "2019-09-04T15:05:00+00:00")),
        ("By the end of the year, the troops will have left the country.", None),
        ("By March 2021 the deal had collapsed.", None),
    ],
)
def test_byline(line, expected) -> None:
    assert byline(line) == expected


def test_reprint_patterns() -> None:
    assert reprint_of("This article originally appeared on Example Weekly.") == "Example Weekly"
    assert reprint_of("Republished with permission from Harbor Gazette.") == "Harbor Gazette"
    assert reprint_of("The council first published its plan in March after months of debate and delays.") is None


def test_dateline_with_date_and_agency() -> None:
    assert dateline("WASHINGTON, Sept. 11 (Reuters) - The deal was signed.") == ("WASHINGTON", "Sept. 11")
    assert dateline("The US said on Friday.") is None
    assert dateline("BRASILIA, MARCH 31 - Brazil suspended payments.") == ("BRASILIA", "MARCH 31")  # a wire in capitals
    # a place whose first word has two letters ("ST HELIER", "EL PASO"), with its region
    assert dateline("ST HELIER, Jersey, March 12 - Guinness Plc has challenged a payment.") == (
        "ST HELIER, Jersey", "March 12")
    assert dateline("LA PAZ - Bolivia said.") is None  # (two letters and no date: no dateline)


def test_a_dateline_in_title_case_needs_its_date() -> None:
    assert dateline("Halifax, Newfoundland, June 15 - The premiers urged development.") == (
        "Halifax, Newfoundland", "June 15")
    assert dateline("Toronto, April 21 - TransCanada denied reports.") == ("Toronto", "April 21")
    # without a date a title-case opening is a sentence, and a weekday or "The" is no place
    assert dateline("Microsoft, IBM - Big Blue said it would.") is None
    assert dateline("Monday, June 15 - The talks began.") is None
    assert dateline("The Hague, May 4 - The court ruled.") is None


PAGE = """<html><head><title>Harbour reopens after storm | Coast Daily</title>
<meta property="og:site_name" content="Coast Daily">
<meta name="author" content="Rui Costa">
<meta property="article:published_time" content="2022-01-15T08:30:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened to fishing boats on Saturday, five days after a storm tore through the coast and sank two trawlers at their moorings.</p>
<p>Port officials said divers had cleared the main channel of debris overnight and that the lighthouse was working again after repairs.</p>
<p>"We lost a week of catch, but nobody was hurt, and that is what matters," said a skipper who has fished from the port for thirty years.</p>
<p>Insurers are still assessing the damage to the breakwater, which the town council says will need repairs costing several million euros.</p>
</article>
<footer><p>Copyright 2022 Coast Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_input_uses_page_metadata() -> None:
    art = clean(RawArticle(id="h", source="t", html=PAGE))
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0].startswith("The harbour reopened to fishing boats on Saturday")
    assert paragraphs[-1].startswith("Insurers are still assessing")
    assert len(paragraphs) == 4
    assert "Privacy" not in art.text and "Home" not in art.text
    assert art.title == "Harbour reopens after storm"
    assert art.author == "Rui Costa"
    assert art.outlet == "Coast Daily"
    assert (art.published, art.published_from) == ("2022-01-15", "metadata")


def test_flatten_html_one_block_a_line() -> None:
    lines = flatten_html(PAGE)
    assert lines[:4] == ["Home", "News", "Sport", "Harbour reopens after storm"]
    assert lines[-2:] == ["Copyright 2022 Coast Daily. All rights reserved.", "Privacy"]
    art = clean(RawArticle(id="f", source="t", text="\n".join(lines)))
    assert art.removed == ["Home", "News", "Sport", "Harbour reopens after storm",
                           "Copyright 2022 Coast Daily. All rights reserved.", "Privacy"]
    assert art.title == "Harbour reopens after storm"
    assert len(art.text.split("\n\n")) == 4


def test_a_one_paragraph_brief_is_kept_whole():
    from storyline.clean import clean
    from storyline.model import RawArticle

    body = "Rescue teams searched the rubble of the collapsed market in the city centre on Tuesday, officials said."
    out = clean(RawArticle(id="brief", source="feed.jsonl:1", text=body))
    assert out.text == body and out.removed == []
