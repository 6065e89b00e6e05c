"""Stories: incremental grouping of articles into evolving affairs; state round-trip; ECB+ sanity."""
import json

import pytest

from storyline.link.stories import LEAD_REPEAT, LEAD_SENTENCES, TITLE_REPEAT, StoryIndex, article_features, features, story_title
from conftest import BENCH

QUAKE_A = [
    ("qa1", "Magnitude 7.1 earthquake strikes Mexico City", "A magnitude 7.1 earthquake struck central Mexico on "
     "Tuesday, killing at least 217 people in Mexico City and the states of Puebla and Morelos. Rescuers in "
     "Mexico City searched collapsed buildings overnight. President Enrique Pena Nieto declared three days of "
     "mourning."),
    ("qa2", "Mexico quake death toll rises to 225", "The death toll from the earthquake that hit Puebla and Mexico "
     "City rose to 225 on Wednesday, officials said. Enrique Pena Nieto said rescuers were still searching for "
     "survivors in a collapsed school in southern Mexico City."),
    ("qa3", None, "Rescuers in Mexico City pulled a girl alive from the rubble of a school two days after the "
     "magnitude 7.1 earthquake centred near Puebla. Pena Nieto visited the site as the death toll reached 230."),
]
QUAKE_B = [
    ("qb1", "Strong earthquake hits central Italy near Amatrice", "A magnitude 6.2 earthquake hit central Italy "
     "early on Wednesday, devastating the town of Amatrice and nearby Accumoli. Prime Minister Matteo Renzi said "
     "rescuers from the Civil Protection were digging through rubble. At least 120 people died."),
    ("qb2", "Amatrice earthquake toll climbs", "The toll from the earthquake in Amatrice and Accumoli climbed to "
     "247, Italy's Civil Protection said. Matteo Renzi visited Amatrice, where much of the old town lies in ruins."),
    ("qb3", None, "Aftershocks rattled Amatrice on Thursday as rescuers searched for survivors of the magnitude 6.2 "
     "earthquake in central Italy. Renzi promised to rebuild Amatrice and Accumoli."),
]


def _sample_texts(samples):
    return [(p.stem, p.read_text()) for p in sorted(samples.glob("*.txt"))]


def test_features_names_numbers_words():
    f = features("Rescuers met in Mexico City on Tuesday. The toll rose to 1,217 as Pena Nieto spoke.")
    assert f["n:mexico_city"] == 1 and f["n:mexico"] == 1 and f["n:pena_nieto"] == 1
    assert f["d:1217"] == 1
    assert f["w:rescuer"] == 1 and f["w:toll"] == 1 and f["w:rose"] == 1
    assert "w:the" not in f and "n:tuesday" not in f and "w:tuesday" not in f


def test_article_features_count_lead_and_title_extra():
    assert LEAD_SENTENCES == 3
    text = ("Klitschko beat Thompson in Bern. Klitschko kept his belts. The crowd cheered. "
            "Earlier he had beaten Rahman in Mannheim.")
    f = article_features(text, title="Klitschko stops Thompson")
    assert f["n:thompson"] == 1 + LEAD_REPEAT + TITLE_REPEAT  # body + lead repeats + title repeats
    assert f["w:belt"] == 1 + LEAD_REPEAT and f["w:crowd"] == 1 + LEAD_REPEAT
    assert f["n:rahman"] == 1 and f["n:mannheim"] == 1  # past the lead: counted once


def test_samples_form_one_story(samples):
    index = StoryIndex()
    ids = [index.add(doc_id, text) for doc_id, text in _sample_texts(samples)]
    assert ids == ["s1"] * 5
    assert index.stories() == {"s1": [p.stem for p in sorted(samples.glob("*.txt"))]}


def test_two_earthquakes_are_two_stories():
    index = StoryIndex()
    order = [QUAKE_A[0], QUAKE_B[0], QUAKE_A[1], QUAKE_B[1], QUAKE_B[2], QUAKE_A[2]]
    got = {d: index.add(d, text, title=title) for d, title, text in order}
    assert got == {"qa1": "s1", "qb1": "s2", "qa2": "s1", "qb2": "s2", "qb3": "s2", "qa3": "s1"}
    assert index.stories() == {"s1": ["qa1", "qa2", "qa3"], "s2": ["qb1", "qb2", "qb3"]}


def test_state_round_trip_keeps_ids_and_continues(samples):
    texts = _sample_texts(samples)
    index = StoryIndex()
    index.add(QUAKE_A[0][0], QUAKE_A[0][2], title=QUAKE_A[0][1])
    for doc_id, text in texts[:3]:
        assert index.add(doc_id, text) == "s2"
    state = json.loads(json.dumps(index.to_state()))  # must survive JSON
    restored = StoryIndex.from_state(state)
    assert restored.stories() == index.stories()
    assert restored.threshold == index.threshold
    # adding continues in both the same way: same story ids, same next new id
    for doc_id, text in texts[3:]:
        assert restored.add(doc_id, text) == index.add(doc_id, text) == "s2"
    assert restored.add(QUAKE_B[0][0], QUAKE_B[0][2], title=QUAKE_B[0][1]) == "s3"
    assert restored.add(QUAKE_A[1][0], QUAKE_A[1][2], title=QUAKE_A[1][1]) == "s1"
    assert restored.add(texts[0][0], "anything") == "s2"  # a known id keeps its story
    assert restored.stories()["s2"] == [d for d, _ in texts]
    assert restored.to_state()["n_docs"] == 8


def test_dates_far_apart_keep_similar_reports_apart():
    a, b = StoryIndex(), StoryIndex()
    for idx, dates in ((a, ("2020-01-01", "2020-01-05")), (b, ("2020-01-01", "2024-06-01"))):
        idx.add(QUAKE_A[0][0], QUAKE_A[0][2], published=dates[0])
        idx.add(QUAKE_A[2][0], QUAKE_A[2][2], published=dates[1])
    assert a.stories() == {"s1": ["qa1", "qa3"]}
    assert b.stories() == {"s1": ["qa1"], "s2": ["qa3"]}


def test_story_title_prefers_central_title():
    texts = [t for _, _, t in QUAKE_B]
    titles = [t for _, t, _ in QUAKE_B]
    assert story_title(texts, titles) == "Strong earthquake hits central Italy near Amatrice"
    lead = story_title(texts, [None, None, None])
    assert lead.startswith(("A magnitude 6.2", "The toll from", "Aftershocks rattled")) and len(lead.split()) <= 15


ECB = BENCH / "ecbplus"


@pytest.mark.skipif(not ECB.exists(), reason="ECB+ corpus not present")
def test_ecbplus_held_out_topics_bcubed():
    from storyline.eval.stories import bcubed, cluster, load
    docs = load(ECB, topics={2, 4, 6, 8, 10, 12})
    assert len(docs) == 135
    p, r, f1 = bcubed(cluster(docs, seed=0), {d: g for d, g, _ in docs})
    assert f1 >= 0.8, (p, r, f1)


def test_a_term_in_many_articles_nominates_no_candidate(monkeypatch):
    """Candidate stories come only from terms in at most QUERY_MAX_DF articles (a common term's
    postings would name much of a large store); such a term still counts in the score."""
    from storyline.link import stories

    index = StoryIndex()
    for doc_id, title, text in QUAKE_A + QUAKE_B:
        index.add(doc_id, text, title=title)
    assert index.df["w:earthquak"] == 6 and set(index.postings["w:earthquak"]) == {"s1", "s2"}
    assert index._candidates({"w:earthquak": 1.0}) == ["s1", "s2"]
    monkeypatch.setattr(stories, "QUERY_MAX_DF", 5)
    assert index._candidates({"w:earthquak": 1.0}) == []
    assert index._score({"w:earthquak": 1.0}, 1.0, "s1") > 0.0


def test_profile_norm_parts_give_the_norm_under_todays_idf():
    """A story's kept [S0, S1, S2] give its profile's length under the current IDF while its terms'
    frequencies are those it was saved with (the article count moving on)."""
    import math

    index = StoryIndex()
    for doc_id, title, text in QUAKE_A:
        index.add(doc_id, text, title=title)
    prof = index.profiles["s1"]
    exact = math.sqrt(sum((v * index.idf(t)) ** 2 for t, v in prof.items()))
    assert math.isclose(index._profile_norm("s1"), exact, rel_tol=1e-9)
    index.n_docs += 1000  # more articles, none with these terms: every idf rises by the same amount
    exact = math.sqrt(sum((v * index.idf(t)) ** 2 for t, v in prof.items()))
    assert math.isclose(index._profile_norm("s1"), exact, rel_tol=1e-9)
