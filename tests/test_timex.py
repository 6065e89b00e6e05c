"""TIMEX3 tagger: exact values against a fixed publication date, tense direction, no-date
behaviour, offsets, and the relative expressions of the afghan-talks samples."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.timex import tag

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SAMPLES = SHARED / "examples" / "afghan-talks"
TBAQ = SHARED / "bench" / "tempeval3" / "TBAQ-cleaned"

DCT = "2020-04-13"  # a Monday


def one(text: str, dct: str | None = DCT, phrase: str | None = None):
    found = tag(text, dct)
    if phrase is not None:
        found = [t for t in found if t.text == phrase]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, phrase, typ, value, mod",
    [
        ("The pact was signed on 29 February 2020.", "29 February 2020", "DATE", "2020-02-29", None),
        ("The pact was signed on February 29th, 2020.", "February 29th, 2020", "DATE", "2020-02-29", None),
        ("He departed on April 12 for talks.", "April 12", "DATE", "2020-04-12", None),
        ("The report is dated 09/11/2020.", "09/11/2020", "DATE", "2020-09-11", None),
        ("A deal was signed in late February.", "late February", "DATE", "2020-02", "END"),
        ("Fighting raged through the 1990s.", "the 1990s", "DATE", "199", None),
        ("Khalilzad met them last week.", "last week", "DATE", "2020-W15", None),
        ("Talks resume this week.", "this week", "DATE", "2020-W16", None),
        ("The vote is tomorrow.", "tomorrow", "DATE", "2020-04-14", None),
        ("It began a year ago.", "a year ago", "DATE", "2019", None),
        ("It began in September last year.", "September last year", "DATE", "2019-09", None),
        ("Troops leave by May this year.", "May this year", "DATE", "2020-05", None),
        ("Prisoners were freed earlier this month.", "earlier this month", "DATE", "2020-04", None),
        ("They talked for 14 months.", "14 months", "DURATION", "P14M", None),
        ("It would end the 18-year conflict.", "18-year", "DURATION", "P18Y", None),
        ("They agreed a five-day truce.", "five-day", "DURATION", "P5D", None),
        ("The meeting is held every year.", "every year", "SET", "P1Y", None),
        ("The board meets annually.", "annually", "SET", "P1Y", None),
        ("It took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M", None),
        ("He served two and a half years.", "two and a half years", "DURATION", "P2Y6M", None),
        ("It lasted a minute and a half.", "a minute and a half", "DURATION", "PT1M30S", None),
        ("The editorial ran on Saturday, April 11:", "Saturday, April 11", "DATE", "2020-04-11", None),
        ("Posted 12:40 PM EDT", "12:40 PM EDT", "TIME", "2020-04-13T12:40", None),
        ("The talks are now stalled.", "now", "DATE", "PRESENT_REF", None),
        ("He is currently in Doha.", "currently", "DATE", "PRESENT_REF", None),
        ("He recently returned.", "recently", "DATE", "PAST_REF", None),
        ("Peace may come in the future.", "the future", "DATE", "FUTURE_REF", None),
        ("Results for the third quarter of 2019 were weak.", "the third quarter of 2019", "DATE", "2019-Q3", None),
        ("They met the following day.", "the following day", "DATE", "2020-04-14", None),
        ("Sales fell over the past two months.", "the past two months", "DURATION", "P2M", None),
        ("Talks could last about three weeks.", "three weeks", "DURATION", "P3W", "APPROX"),
        ("It took only six months.", "six months", "DURATION", "P6M", None),
    ],
)
def test_phrases(sentence, phrase, typ, value, mod):
    t = one(sentence, phrase=phrase)
    assert (t.type, t.value, t.mod) == (typ, value, mod)


def test_range_is_two_timexes():
    text = "Troops will draw down by mid-October to mid-November."
    got = [(t.text, t.value, t.mod) for t in tag(text, DCT)]
    assert got == [("mid-October", "2020-10", "MID"), ("mid-November", "2020-11", "MID")]


def test_duration_range_across_units_is_two_timexes():
    got = [(t.text, t.value) for t in tag("The transition takes 18 months to three years.", DCT)]
    assert got == [("18 months", "P18M"), ("three years", "P3Y")]


def test_tense_direction_of_weekday():
    # 2020-04-15 is a Wednesday: the past Sunday is 04-12, the next one 04-19
    assert one("The envoy said on Sunday that talks failed.", "2020-04-15").value == "2020-04-12"
    assert one("The envoy will meet them on Sunday.", "2020-04-15").value == "2020-04-19"
    assert one("The sides are expected to sign the deal Sunday.", "2020-04-15").value == "2020-04-19"
    assert one("The Taliban released prisoners Sunday.", "2020-04-15").value == "2020-04-12"


def test_what_a_reporting_verb_says_has_its_own_tense():
    # 2020-03-03 is a Tuesday: a weekday before "said" takes the saying's tense, not the said clause's
    assert one("In a report released by the IMF on Monday, economists said growth would slow.",
               "2020-03-03").value == "2020-03-02"
    assert one("At a news conference on Monday the minister said the plan would be delayed.",
               "2020-03-03").value == "2020-03-02"
    # a parenthetical "officials said," leaves the clause's own future
    assert one("The meeting on Monday, officials said, will decide the budget.", "2020-03-03").value == "2020-03-09"
    assert one("The summit on Thursday is expected to be tense, diplomats said.", "2020-03-03").value == "2020-03-05"
    # the point of "a.m." ends no sentence: "will leave" still sets the tense (2000-04-05 is a Wednesday)
    assert one("This father will leave at 4 a.m. EDT Thursday, Castro said.", "2000-04-05").value == "2000-04-06T04:00"


def test_midnight_of_a_past_deed_is_the_one_that_began_the_report_day():
    assert one("Parliament passed the budget shortly before midnight local time, officials said.",
               "1987-04-24").value == "1987-04-23T24:00"
    # (after midnight: the same instant, written on the day it begins)
    assert one("Police arrived shortly after midnight.", "1987-04-24").value == "1987-04-24T00:00"
    assert one("Early Monday, deputies were called. Just after midnight, a deputy arrived.", "2017-01-03",
               "midnight").value == "2017-01-02T00:00"
    assert one("The strike will begin at midnight.", "1987-04-24").value == "1987-04-24T24:00"
    assert one("The deadline expires at midnight.", "1987-04-24").value == "1987-04-24T24:00"


def test_a_month_at_most_three_ahead_with_no_tense_cue_is_this_years():
    # only the news default says past: a month up to three ahead is the coming one
    assert one("The outlook for quotas at the September coffee meeting is hard to predict.", "1987-06-19").value == "1987-09"
    # a tense cue still decides, and a month further ahead is last year's
    assert one("The deal was signed in September.", "1987-06-19").value == "1986-09"
    assert one("The outlook for quotas at the December coffee meeting is hard to predict.", "1987-06-19").value == "1986-12"


def test_this_weekend_of_a_past_deed_early_in_the_week_is_the_one_just_past():
    # 1987-06-29 is a Monday
    assert one("OPEC agreed this weekend in Vienna on a ceiling.", "1987-06-29").value == "1987-W26-WE"
    assert one("OPEC will meet this weekend in Vienna.", "1987-06-29").value == "1987-W27-WE"
    assert one("OPEC agreed this weekend in Vienna.", "1987-07-03").value == "1987-W27-WE"


def test_tense_direction_of_month():
    assert one("The deal was signed in September.", "2020-04-13").value == "2019-09"
    assert one("Elections will be held in September.", "2020-04-13").value == "2020-09"
    assert one("Talks broke down in January.", "2020-04-13").value == "2020-01"


def test_no_publication_date_keeps_x():
    got = {t.text: t.value for t in tag("On Friday, last week, April 12, tomorrow, 14 months, this year, now.", None)}
    assert got == {
        "Friday": "XXXX-WXX-5",
        "last week": "XXXX-WXX",
        "April 12": "XXXX-04-12",
        "tomorrow": "XXXX-XX-XX",
        "14 months": "P14M",
        "this year": "XXXX",
        "now": "PRESENT_REF",
    }


def test_year_only_publication_date():
    got = {t.text: t.value for t in tag("Last year, this year, on April 12, last week.", "2020")}
    assert got == {"Last year": "2019", "this year": "2020", "April 12": "2020-04-12", "last week": "XXXX-WXX"}


def test_offsets_are_exact():
    text = "On  Friday,\nthe 18-year   conflict ended; 29 February 2020 and “late February”."
    found = tag(text, DCT)
    assert [t.text for t in found] == ["Friday", "18-year", "29 February 2020", "late February"]
    for t in found:
        assert text[t.start:t.end] == t.text


def test_ordinary_words_are_not_dates():
    assert tag("You may march to the sun; as soon as possible, he said.", DCT) == []
    assert tag("There were 2,000 people and 1990 soldiers.", DCT) == []


def _sample(prefix: str) -> str:
    paths = sorted(SAMPLES.glob(prefix + "_*"))
    if not paths:
        pytest.skip("afghan-talks samples not present")
    return paths[0].read_text(encoding="utf-8")


def test_sample_003_relative_expressions():
    text = _sample("003")
    got = {}
    for t in tag(text, "2020-09-11"):
        got.setdefault(t.text, t.value)
    assert got["Friday"] == "2020-09-11"
    assert got["Tomorrow"] == "2020-09-12"
    assert got["Thursday"] == "2020-09-10"
    assert got["this week"] == "2020-W37"
    assert got["this year"] == "2020"
    assert got["mid-October"] == "2020-10"
    assert got["mid-November"] == "2020-11"


def test_sample_000_relative_expressions():
    text = _sample("000")
    got = {t.text: t for t in tag(text, "2020-04-13")}
    assert got["last week"].value == "2020-W15"
    assert got["April 12"].value == "2020-04-12"
    assert (got["late February"].value, got["late February"].mod) == ("2020-02", "END")
    assert got["14 months"].value == "P14M"
    assert got["18-year"].value == "P18Y"
    assert got["February 29"].value == "2020-02-29"
    assert "soon" not in got  # "as soon as possible" is not a time


def test_tempeval_sample_scores():
    """A few TimeBank documents: the scorer runs and the tagger finds most gold timexes."""
    if not TBAQ.exists():
        pytest.skip("TempEval-3 bench data not present")
    from storyline.eval.timex import evaluate, figures, load

    docs = load(TBAQ, limit=15)
    per, _ = evaluate(docs)
    f = figures(per["all"])
    assert per["all"].gold > 50
    assert f["relaxed_f1"] > 0.8
    assert f["value_f1"] > 0.6


def test_ages_are_not_durations():
    assert tag("The 50-year-old man and a six-year-old girl were hurt.", DCT) == []


def test_tense_cues_around_weekday():
    # 2020-04-15 is a Wednesday
    assert one("He said on Tuesday that Iraq would retaliate.", "2020-04-15").value == "2020-04-14"
    assert one("The group could arrive as soon as Tuesday.", "2020-04-15").value == "2020-04-21"
    assert one("A bomb exploded next to the embassy Friday.", "2020-04-15").value == "2020-04-10"
    assert one("The ministers issued a joint statement Friday saying they will act.", "2020-04-15").value == "2020-04-10"


def test_that_year_follows_the_last_year_mentioned():
    got = [(t.text, t.value) for t in tag("In 1987 profits rose. Later that year, they fell. The following year was bad.", DCT)]
    assert got == [("1987", "1987"), ("Later that year", "1987"), ("The following year", "1988")]


def test_holiday_takes_the_past_year_early_in_the_year():
    assert one("Since Thanksgiving Day, he has waited.", "2000-01-07").value == "1999-11-25"


def test_business_the_year_and_the_week():
    text = "For the year ended Sept. 30, it earned more. For the year, volume was flat. For the week, the index fell."
    got = [(t.text, t.type, t.value) for t in tag(text, "1989-10-27")]
    assert got == [("the year", "DURATION", "P1Y"), ("Sept. 30", "DATE", "1989-09-30"),
                   ("the year", "DATE", "1989"), ("the week", "DATE", "1989-W43")]


def test_current_as_present_ref():
    t = one("The decline reflects current market conditions.", phrase="current")
    assert (t.type, t.value) == ("DATE", "PRESENT_REF")
    assert tag("The current account deficit grew.", DCT) == []
    assert one("Sales will rise in the current quarter.", "1989-10-27").value == "1989-Q4"


def test_clock_time_with_its_day_is_one_time():
    got = [(t.text, t.type, t.value) for t in tag("Bids were due by 5 p.m. EST, Nov. 9, and voting ended at 10 p.m. Wednesday.", "1989-11-10")]
    assert got == [("5 p.m. EST, Nov. 9", "TIME", "1989-11-09T17:00"), ("10 p.m. Wednesday", "TIME", "1989-11-08T22:00")]


def test_year_earlier_adjective():
    text = "Third-quarter profit rose 5% from a year-earlier $10 million."
    got = [(t.text, t.value) for t in tag(text, "1989-10-27")]
    assert got == [("Third-quarter", "1989-Q3"), ("year-earlier", "1988-Q3")]


@pytest.mark.parametrize("phrase,value,mod", [
    ("since summer last year", "2018-SU", None),
    ("in the fall of 2020", "2020-FA", None),
    ("late summer 2019", "2019-SU", "END"),
    ("by winter next year", "2020-WI", None),
])
def test_seasons_of_a_year(phrase, value, mod):
    (t,) = [t for t in tag(phrase, "2019-05-10")]
    assert (t.value, t.mod, t.type) == (value, mod, "DATE")


def test_seasons_without_a_publication_date_stay_unresolved():
    assert [t.value for t in tag("since summer last year", None)] == ["XXXX-SU"]


@pytest.mark.parametrize("sentence, value", [
    # 2020-04-15 is a Wednesday
    ("Protesters were planning to march around the airport on Saturday.", "2020-04-18"),
    ("Brokers expected buyers as soon as trading opened Monday.", "2020-04-20"),
    ("Officials postponed until Tuesday any action on the case.", "2020-04-21"),
    ("He and Arafat meet separately Monday with the envoy.", "2020-04-20"),
    ("Protesters marched around the airport on Saturday.", "2020-04-11"),
])
def test_tense_cues_plans_and_deferrals(sentence, value):
    (t,) = tag(sentence, "2020-04-15")
    assert t.value == value


def test_quarter_not_begun_is_last_years():
    got = [(t.text, t.value) for t in tag("GM reported fourth-quarter results on Wednesday.", "2009-03-09")]
    assert got == [("fourth-quarter", "2008-Q4"), ("Wednesday", "2009-03-04")]
    assert one("GM expects fourth-quarter sales to rise.", "2009-03-09").value == "2009-Q4"


def test_utc_clock_time_without_colon():
    got = [(t.text, t.type, t.value) for t in tag("The quake struck at 12:40 PM EDT on Tuesday; the 0800 GMT bulletin followed.", "2009-03-09")]
    # "12:40 PM EDT on Tuesday": the clock time is Tuesday's ("on" keeps them two timexes)
    assert got == [("12:40 PM EDT", "TIME", "2009-03-03T12:40"), ("Tuesday", "DATE", "2009-03-03"),
                   ("0800 GMT", "TIME", "2009-03-03T08:00")]
    assert [t.text for t in tag("It hit at 10:35 a.m. (0735 GMT) Friday.", "2009-03-09")] == ["10:35 a.m.", "Friday"]


def test_recent_years_is_past_ref_and_years_later_follow_a_written_year():
    assert [(t.text, t.type, t.value) for t in tag("In recent years, sales grew.", DCT)] == [("recent years", "DATE", "PAST_REF")]
    got = [(t.text, t.value) for t in tag("He was elected in 2008 and re-elected four years later.", DCT)]
    assert got == [("2008", "2008"), ("four years later", "2012")]


def test_quarter_shorthand_and_fiscal_quarter_of_a_year():
    got = [(t.text, t.value) for t in tag("Sales fell in Q3 2008 and Q4'08, and 2Q 2009 was weak. Q7 is a code.", "2009-03-09")]
    assert got == [("Q3 2008", "2008-Q3"), ("Q4'08", "2008-Q4"), ("2Q 2009", "2009-Q2")]
    got = [(t.text, t.value) for t in tag("Apple reported results for the first quarter of fiscal 2009.", "2009-03-09")]
    assert got == [("the first quarter of fiscal 2009", "2009-Q1")]


def test_year_range_is_two_years_and_this_past_weekend():
    got = [(t.text, t.value) for t in tag("The 2008-2009 season ended; prices of 1990–1995 held.", "2009-03-09")]
    assert got == [("2008", "2008"), ("2009", "2009"), ("1990", "1990"), ("1995", "1995")]
    got = [(t.text, t.value) for t in tag("Crowds gathered this past weekend.", "2009-03-09")]
    assert got == [("this past weekend", "2009-W10-WE")]


def _all(text: str, dct: str | None = DCT):
    return [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]


def test_ordinal_centuries():
    assert _all("Kabul's old city dates from the 16th century.") == [("the 16th century", "DATE", "15", None)]
    assert _all("He called himself a 21st century reformer.") == [("21st century", "DATE", "20", None)]
    assert _all("The fort was rebuilt in the late nineteenth century.") == [
        ("the late nineteenth century", "DATE", "18", "END")]


def test_year_end():
    assert _all("The company hopes to close the sale by year-end.", "2019-10-02") == [("year-end", "DATE", "2019", "END")]
    assert _all("Its shares have doubled since year-end.", "2019-10-02") == [("year-end", "DATE", "2018", "END")]
    assert _all("Cash stood at $2 billion at year's end.", "2019-01-20") == [("year's end", "DATE", "2018", "END")]


def test_last_month_day_is_the_latest_before_the_publication_date():
    assert _all("The envoy was wounded last Oct. 23 in Kabul.", "2019-05-02") == [("last Oct. 23", "DATE", "2018-10-23", None)]
    assert _all("The vote falls next March 3.", "2019-05-02") == [("next March 3", "DATE", "2020-03-03", None)]


def test_more_and_additional_in_durations():
    assert _all("Foreign troops may stay for at least 10 more years.") == [
        ("at least 10 more years", "DURATION", "P10Y", "EQUAL_OR_MORE")]
    assert _all("The mandate was extended by an additional year.") == [("an additional year", "DURATION", "P1Y", None)]


def test_fractions_ordinals_ages_and_year_named_units_are_not_durations():
    assert tag("The Taliban control three-quarters of the district.", DCT) == []
    assert tag("Donors pledged more than a quarter of the budget.", DCT) == []
    assert tag("A second convoy reached Herat.", DCT) == []
    assert tag("The commander, 47 years old, was freed.", DCT) == []
    assert _all("Profit rose from the 2019 quarter.", "2020-04-13")[0][:3] == ("the 2019 quarter", "DATE", "2019-Q1")


def test_midday_and_mid_afternoon():
    assert _all("Prisoners were freed at midday, officials said.") == [("midday", "TIME", "2020-04-13T12:00", None)]
    assert _all("By mid-afternoon yesterday the roads were closed.") == [
        ("mid-afternoon yesterday", "TIME", "2020-04-12TAF", None)]


def test_near_future_and_full_year():
    assert _all("A ceasefire is unlikely in the near future.") == [("the near future", "DATE", "FUTURE_REF", None)]
    assert _all("The airline expects a loss for the full year.", "2019-10-02") == [("the full year", "DATE", "2019", None)]


def test_amount_per_unit_is_a_set():
    assert _all("The war costs the country $45 billion a year.") == [("a year", "SET", "P1Y", None)]
    assert _all("Flights will rise to 12 departures a week.") == [("a week", "SET", "P1W", None)]
    assert _all("The talks began a year ago.") == [("a year ago", "DATE", "2019", None)]


def test_half_year_shorthand_and_decade_apostrophe():
    assert _all("Exports fell sharply in H1 2019.") == [("H1 2019", "DATE", "2019-H1", None)]
    assert tag("The H2 molecule is light.", DCT) == []
    assert _all("Kabul's music scene of the '70s was lively.") == [("the '70s", "DATE", "197", None)]
    assert _all("Phones of the '10s were cheap.") == [("the '10s", "DATE", "201", None)]


@pytest.mark.parametrize("sentence, value", [
    # 2020-04-15 is a Wednesday
    ("The talks, which began on Saturday, will continue.", "2020-04-11"),
    ("The ceasefire expires at midnight on Sunday.", "2020-04-19"),
    ("The envoy travels to Kabul on Friday.", "2020-04-17"),
    ("The envoy visited Kabul on Friday.", "2020-04-10"),
])
def test_tense_of_irregular_pasts_and_the_scheduled_present(sentence, value):
    (t,) = tag(sentence, "2020-04-15")
    assert t.value == value


def test_scheduled_present_sends_a_later_month_forward():
    got = [(t.text, t.value) for t in tag("The accord, signed in February, expires in May.", "2020-04-15")]
    assert got == [("February", "2020-02"), ("May", "2020-05")]


def test_over_as_a_preposition_is_outside_the_duration():
    assert _all("The money will be spent over three years.") == [("three years", "DURATION", "P3Y", None)]
    assert _all("He has been jailed for over a year.") == [("over a year", "DURATION", "P1Y", "MORE_THAN")]


def test_previous_and_following_weekday_count_from_the_day_in_focus():
    got = [(t.text, t.value) for t in tag("Kabul stocks closed on Friday 3% above the previous Friday.", "2019-10-28")]
    assert got == [("Friday", "2019-10-25"), ("the previous Friday", "2019-10-18")]
    got = [(t.text, t.value) for t in tag("He was detained on March 3 and freed the following Monday.", "2019-10-28")]
    assert got == [("March 3", "2019-03-03"), ("the following Monday", "2019-03-04")]


def test_month_day_tense_cue_against_the_nearer_year():
    # more than eight months back is next year's date unless a tense cue says past; a few weeks
    # ahead stays this year's unless a past-tense verb governs it
    assert one("The new dividend is payable Jan. 2 to holders.", "2019-11-02").value == "2020-01-02"
    assert one("The summit will be held on Dec. 20.", "2020-01-10").value == "2020-12-20"
    assert one("The summit opened on Dec. 20.", "2020-01-10").value == "2019-12-20"
    assert one("The envoy was arrested on Feb. 3.", "2020-01-10").value == "2019-02-03"


def test_following_month_counts_from_the_month_last_named():
    got = [(t.text, t.value) for t in tag("In March, donors urged a deal. The following month, the talks resumed.", "2019-10-28")]
    assert got == [("March", "2019-03"), ("The following month", "2019-04")]


def test_week_of_a_date():
    assert _all("A hearing is set for the week of March 6.", "2020-02-24") == [("the week of March 6", "DATE", "2020-W10", None)]
    assert _all("They will meet the weekend of June 12, 2021.", "2020-02-24") == [
        ("the weekend of June 12, 2021", "DATE", "2021-W23-WE", None)]


def test_week_a_weekly_statistic_closes_on():
    # wire shorthand for a week's figures: the week, not its last day
    assert _all("M-1 rose 592 mln dlrs in week ended March 4, the bank said.", "1987-03-13") == [
        ("week ended March 4", "DATE", "1987-W10", None)]
    assert _all("Borrowings averaged 361 mln dlrs in the week to Wednesday, April 8.", "1987-04-10") == [
        ("the week to Wednesday, April 8", "DATE", "1987-W15", None)]


def test_day_range_is_two_dates():
    got = [(t.text, t.value) for t in tag("The summit would still be held on April 24 and 25.", "2019-02-10")]
    assert got == [("April 24", "2019-04-24"), ("25", "2019-04-25")]
    got = [(t.text, t.value) for t in tag("Talks ran March 3-5, 2020, in Doha.", "2021-02-10")]
    assert got == [("March 3", "2020-03-03"), ("5, 2020", "2020-03-05")]
    assert [t.text for t in tag("Prices rose May 5 to 10 percent.", "2019-06-10")] == ["May 5"]


def test_clock_time_on_a_day_takes_that_date():
    got = [(t.text, t.type, t.value) for t in tag("The vote is set for 3 p.m. on Monday.", "2013-03-06")]
    assert got == [("3 p.m.", "TIME", "2013-03-11T15:00"), ("Monday", "DATE", "2013-03-11")]


def test_last_this_next_quarter():
    assert _all("The bank lost money last quarter.", "2013-03-06") == [("last quarter", "DATE", "2012-Q4", None)]
    assert _all("Sales should recover next quarter.", "2013-03-06") == [("next quarter", "DATE", "2013-Q2", None)]
    assert _all("This quarter looks weak.", "2013-03-06") == [("This quarter", "DATE", "2013-Q1", None)]


def test_season_across_two_years_and_clock_with_local_time_on_day():
    assert _all("Snow fell through the winter of 2011-12.", "2013-03-06") == [("the winter of 2011-12", "DATE", "2011-WI", None)]
    got = [(t.text, t.value) for t in tag("He died at 4:25 p.m. local time (2125 GMT) on Tuesday.", "2013-03-06")]
    assert got == [("4:25 p.m.", "2013-03-05T16:25"), ("Tuesday", "2013-03-05")]


def test_soon_after_a_past_event_is_not_future_ref():
    assert tag("The hostage was soon released.", "2013-03-06") == []
    assert tag("He died soon after the blast.", "2013-03-06") == []
    assert _all("The budget will soon move into surplus.", "2013-03-06") == [("soon", "DATE", "FUTURE_REF", None)]


def test_deadline_ahead_keeps_the_year_whatever_the_tense():
    assert one("Ottawa gave the bidder until mid-November to reply.", "2019-10-30").value == "2019-11"
    assert one("The talks were supposed to conclude by May.", "2019-03-22").value == "2019-05"
    assert one("The rebels seized the town in May.", "2019-03-22").value == "2018-05"


def test_deadline_weekday_is_ahead_unless_a_past_verb_governs_it():
    # 2000-04-03 is a Monday
    assert one("The agency has given the family until 9 a.m. Tuesday to sign.", "2000-04-03").value == "2000-04-04T09:00"
    assert one("The fighting lasted until Tuesday.", "2000-04-03").value == "2000-03-28"


def test_the_month_of_a_happening_dated_earlier_keeps_its_year():
    text = ("The two sides signed an accord on March 3, 2019 in Geneva. On the anniversary of the March "
            "accord, the minister said the next round would open in March.")
    got = [(t.text, t.value) for t in tag(text, "2020-04-02")]
    assert got == [("March 3, 2019", "2019-03-03"), ("March", "2019-03"), ("March", "2021-03")]


@pytest.mark.parametrize("sentence", [
    # a house number before a street's name and the street word
    "Firefighters were called to 2140 Maple Ave. on a report of smoke.",
    "The suspect lives at 1987 N. Harbor Boulevard in the east end.",
    "Police found the car behind 3015 W. 5th St. on the south side.",
    "The crash happened in the 1800 block of Elm Road.",
    # the last group of a phone number
    "Tickets are available by calling 555-212-1999 during office hours.",
    "Call the clinic at 373-1996 for an appointment.",
    # a model year names a vehicle
    "He was driving a 2004 Chevrolet when he was stopped.",
    "The stolen 1999 Toyota Camry was found in a field.",
    "She bought her 2007 pickup from a dealer.",
    # the number of a room, a route or a suite
    "The hearing is in Room 2010 of the courthouse.",
    "Traffic was stopped on Route 1970 near the bridge.",
    "The state will widen FM 2145 between the two towns.",
    "Officers recovered her stolen 1989 Mercury Grand Marquis.",
    # ... also with a colour or body word between the year and the make
    "A 2004 silver Toyota driven by a teenager hit the fence.",
    "Deputies stopped his 1997 dark blue Ford on the highway.",
    # a title, not a time
    "She was named Teacher of the Year by the district.",
    "He won Player of the Week honors.",
])
def test_numbers_and_titles_that_are_not_times(sentence):
    assert tag(sentence, "2009-03-23") == []


@pytest.mark.parametrize("sentence, value", [
    # years stay years next to those words
    ("The mill closed in 1998 and Ford bought the land.", "1998"),
    ("The law was passed in 1987 after a long fight.", "1987"),
    ("The building went up in 1935 on Orchard Street.", "1935"),
    ("Sales fell in 2008, the company said.", "2008"),
    ("The wage rose by 2010 standards.", "2010"),
])
def test_years_beside_street_car_and_count_words_stay_years(sentence, value):
    assert [t.value for t in tag(sentence, "2009-03-23")] == [value]


def test_a_date_in_an_indefinite_noun_phrase_is_the_nearer_one():
    # announced in March (a past-tense verb) of a July game: this July, not last July
    assert one("The two clubs announced a July 26 exhibition game in Denver.", "2009-03-24").value == "2009-07-26"
    # in January a December hearing is last month's
    assert one("The judge scheduled a Dec. 28 hearing.", "2009-01-10").value == "2008-12-28"
    # a definite past happening keeps the tense's reading
    assert one("Investigators looked into the Aug. 2 blaze.", "2009-03-24").value == "2008-08-02"


def test_a_colour_word_alone_does_not_make_a_year_a_model_year():
    assert [t.value for t in tag("A 2004 study found that red Toyota cars fade faster.", "2009-03-23")] == ["2004"]


def test_a_month_in_an_indefinite_noun_phrase_is_the_nearer_one():
    # a future cue in the sentence ("may slip into next year") does not move a past occasion ahead
    got = tag("Talks stalled weeks after an October summit of the two leaders, and a deal may slip into next year.",
              "2019-11-20")
    assert [(t.text, t.value) for t in got if t.text == "October"] == [("October", "2019-10")]
    # seen from November, a March occasion is next March's
    assert one("The mayor will attend a March conference in Boston.", "2019-11-20").value == "2020-03"


@pytest.mark.parametrize("sentence", [
    "The Town of Avon backs the new Parks for Tomorrow Project downtown.",
    "She talked about the book on the Today show with two hosts.",
])
def test_a_capitalised_today_or_tomorrow_inside_a_name_is_no_time(sentence):
    assert tag(sentence, "2009-03-23") == []


def test_a_capitalised_tomorrow_in_a_headline_or_after_a_verb_stays_a_time():
    assert one("Budget Vote Set for Tomorrow", "2009-03-23").value == "2009-03-24"
    assert one("The council said the vote was moved to Tomorrow.", "2009-03-23").value == "2009-03-24"


def test_a_year_before_a_court_or_place_name_with_an_article_stays_a_year():
    assert [t.value for t in tag("The rule stems from a 2005 U.S. Supreme Court ruling.", "2009-03-23")] == ["2005"]


def test_to_be_after_a_verb_of_believing_is_no_plan():
    text = "Seven men were injured in what police believe to be a drive-by shooting in Lodi on Saturday night."
    assert [t.value for t in tag(text, "2013-03-17")] == ["2013-03-16TNI"]
    assert [t.value for t in tag("The treaty is to be signed on Saturday.", "2013-03-17")] == ["2013-03-23"]


def test_a_clock_time_before_a_weekday_part_and_a_past_season():
    text = "Owen Hicks was accidentally shot by his friend around 5:08 p.m. Thursday night."
    assert [(t.text, t.value) for t in tag(text, "2016-06-03")] == [("5:08 p.m. Thursday night", "2016-06-02T17:08")]
    text = "The hostage wounded in the shooting last summer was shot by a bailiff."
    assert [t.value for t in tag(text, "2016-11-04")] == ["2016-SU"]  # told in November: this year's
    assert [t.value for t in tag(text, "2016-08-04")] == ["2015-SU"]  # told in August: last year's
    assert [t.value for t in tag("Easter Sunday", "2016-04-16")] == ["2016-03-27"]
