"""Figures: value, what is counted, qualifier, unit and date, on the samples and on sentences
written for these tests."""
from pathlib import Path

import pytest

from storyline.annotate.figures import extract_figures, parse_value
from storyline.annotate.nlp import parse
from storyline.model import Timex

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "afghan-talks"


def _figs(text, timexes=()):
    return [(f.text, f.value, f.subject, f.approximate, f.unit)
            for f in extract_figures(parse(text), list(timexes))]


@pytest.fixture(scope="module")
def sample_figs():
    if not SAMPLES.exists():
        pytest.skip("shared/examples not present")
    return {f.name[:3]: _figs(f.read_text()) for f in sorted(SAMPLES.glob("*.txt"))}


def test_parse_value():
    assert parse_value(["5,000"]) == 5000
    assert parse_value(["2.5", "million"]) == 2_500_000
    assert parse_value(["a", "dozen"]) == 12
    assert parse_value(["nine"]) == 9
    assert parse_value(["twenty-five"]) == 25
    assert parse_value(["three", "hundred", "thousand"]) == 300_000
    assert parse_value(["pretext"]) is None


def test_sample_000(sample_figs):
    f = sample_figs["000"]
    assert ("20", 20, "Afghan prisoners", False, None) in f
    assert ("100", 100, "Taliban prisoners", False, None) in f
    assert ("300", 300, "Taliban inmates", False, None) in f
    assert ("5,000", 5000, "Taliban fighters", False, None) in f
    assert ("some 1,000", 1000, "Afghan government troops and civilian workers", True, None) in f
    # "within 14 months" and "the 18-year conflict" are time expressions, "three-member" an
    # attribute, "one pretext or another" no count
    assert [x[0] for x in f] == ["20", "100", "300", "5,000", "some 1,000"]


def test_samples_other(sample_figs):
    assert ("Some 2,500", 2500, "US troops", True, None) in sample_figs["002"]
    assert ("10,000", 10000, "NATO personnel", False, None) in sample_figs["002"]
    assert ("2,500", 2500, "American soldiers", False, None) in sample_figs["001"]
    assert ("more than 5,000", 5000, "Taliban", True, None) in sample_figs["001"]
    assert ("more than ten", 10, "rounds of talks", True, None) in sample_figs["001"]
    assert ("4,500", 4500, "troops", False, None) in sample_figs["003"]
    assert ("1,000", 1000, "members of their security forces", False, None) in sample_figs["003"]
    f4 = sample_figs["004"]
    assert ("some 3,200", 3200, "delegates", True, None) in f4
    assert ("nine", 9, "people killed", False, None) in f4
    assert ("three", 3, "staff members", False, None) in f4
    assert ("20", 20, "people injured", False, None) in f4
    assert "7th" not in [x[0] for x in f4]  # ordinal


def test_written_sentences():
    assert _figs("Prices rose 12 percent in March.") == [
        ("12 percent", 12, "Prices", False, "percent")]
    assert _figs("About a dozen protesters were detained. Nearly 40% of voters stayed home.") == [
        ("About a dozen", 12, "protesters", True, None), ("Nearly 40%", 40, "voters", True,
                                                           "percent")]
    assert _figs("Twenty-five soldiers and three hundred thousand refugees crossed 15 km of "
                 "desert.") == [("Twenty-five", 25, "soldiers", False, None),
                                ("three hundred thousand", 300000, "refugees", False, None),
                                ("15 km", 15, "", False, "km")]
    assert _figs("The US pledged $2.5 billion to Kenya.")[0][1:] == (2.5e9, "", False, "USD")
    assert _figs("The death toll rose to 31.") == [("31", 31, "death toll", False, None)]


def test_date_is_the_sentences_own_timex():
    text = "On March 3 the army deployed 400 soldiers. Later 50 more arrived."
    tx = Timex(start=3, end=10, text="March 3", type="DATE", value="2021-03-03")
    figs = extract_figures(parse(text), [tx])
    assert [(f.text, f.date) for f in figs] == [("400", tx), ("50", None)]
    # a number inside a timex is not a figure
    text2 = "Troops are meant to withdraw within 14 months."
    s = text2.index("within")
    dur = Timex(start=s, end=s + 16, text="within 14 months", type="DURATION", value="P14M")
    assert text2[dur.start:dur.end] == dur.text
    assert extract_figures(parse(text2), [dur]) == []


def test_durations_with_a_written_count_are_figures_too():
    from storyline.annotate.pipeline import annotate
    from storyline.model import CleanArticle

    text = ("All U.S. troops are meant to withdraw within 14 months, ending the 18-year conflict. "
            "Delegates met for a five-day dialogue a year after the deal.")
    [ann] = annotate([CleanArticle(id="a", source="a", text=text, published="2020-04-13")])
    got = [(f.text, f.value, f.unit, f.subject, f.date) for f in ann.figures]
    assert got == [("14 months", 14.0, "month", "months", None), ("18-year", 18.0, "year", "conflict", None),
                   ("five-day", 5.0, "day", "dialogue", None)]
