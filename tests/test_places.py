"""Place resolution: the sample story's places, ambiguous names settled by context, the eval reader."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.places import resolve_places
from storyline.model import Place

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples" / "afghan-talks"
BENCH = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "geoparsing"

SAMPLE_PLACES = {
    "Kabul": "AF", "Kandahar": "AF", "Doha": "QA", "Baghlan": "AF", "Washington": "US",
    "New York": "US", "Qatar": "QA", "Afghanistan": "AF", "Germany": "DE", "Pakistan": "PK",
}


def _sample_text() -> str:
    if not SAMPLES.is_dir():
        pytest.skip("sample articles not present")
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))


def test_sample_places_with_the_sample_articles_as_context():
    text = _sample_text()
    names = [n for n in SAMPLE_PLACES if n in text]
    assert len(names) >= 6  # the samples really name these places
    for name, place in zip(names, resolve_places(names, text)):
        assert place is not None, name
        assert place.country_code == SAMPLE_PLACES[name], (name, place)


@pytest.mark.parametrize("name,cc", sorted(SAMPLE_PLACES.items()))
def test_sample_places_alone(name, cc):
    (place,) = resolve_places([name])
    assert isinstance(place, Place)
    assert place.country_code == cc


def test_capital_city_coordinates_and_ids():
    kabul, doha = resolve_places(["Kabul", "Doha"], "Talks moved from Kabul to Doha.")
    assert (kabul.feature, kabul.geonames_id) == ("city", 1138958)
    assert abs(kabul.lat - 34.53) < 0.1 and abs(kabul.lon - 69.17) < 0.1
    assert abs(doha.lat - 25.29) < 0.2 and abs(doha.lon - 51.53) < 0.2


def test_countries_have_coordinates_inside_them():
    af, de, pk, qa = resolve_places(["Afghanistan", "Germany", "Pakistan", "Qatar"])
    assert [p.feature for p in (af, de, pk, qa)] == ["country"] * 4
    assert 29 < af.lat < 39 and 60 < af.lon < 75
    assert 47 < de.lat < 55 and 5 < de.lon < 15
    assert 24 < pk.lat < 37 and 60 < pk.lon < 78
    assert 24 < qa.lat < 27 and 50 < qa.lon < 52


@pytest.mark.parametrize("name", ["U.S.", "US", "USA", "the United States", "United States", "America"])
def test_united_states_forms(name):
    (p,) = resolve_places([name], f"Officials in {name} said.")
    assert (p.country_code, p.feature) == ("US", "country")


@pytest.mark.parametrize("name", ["UK", "U.K.", "Britain", "United Kingdom"])
def test_united_kingdom_forms(name):
    (p,) = resolve_places([name])
    assert (p.country_code, p.feature) == ("GB", "country")


def test_washington_dc_is_the_capital():
    for name in ("Washington, DC", "Washington, D.C."):
        (p,) = resolve_places([name], f"The envoy returned to {name} on Monday.")
        assert p.country_code == "US" and p.feature == "city"
        assert abs(p.lat - 38.9) < 0.2 and abs(p.lon + 77.0) < 0.2


def test_paris_alone_is_france_and_with_texas_is_texas():
    (alone,) = resolve_places(["Paris"], "The summit opened in Paris on Monday.")
    assert alone.country_code == "FR"
    paris, texas = resolve_places(["Paris", "Texas"], "The fair in Paris drew crowds from all over Texas.")
    assert paris.country_code == "US" and texas.feature == "admin1"
    assert abs(paris.lat - 33.66) < 0.2  # Paris, Lamar County, Texas


def test_qualifier_after_the_name():
    (p,) = resolve_places(["Paris"], "The storm hit Paris, Texas, on Sunday night.")
    assert p.country_code == "US"
    (p,) = resolve_places(["Athens"], "He grew up in Athens, Ga., and moved away.")
    assert p.country_code == "US" and abs(p.lat - 33.96) < 0.3


def test_georgia_country_or_state_by_its_neighbours():
    ge, tb = resolve_places(["Georgia", "Tbilisi"], "Georgia said Russian troops were near Tbilisi.")
    assert ge.country_code == "GE" and tb.country_code == "GE"
    ga, atl = resolve_places(["Georgia", "Atlanta"], "Storms crossed Georgia and closed roads around Atlanta.")
    assert (ga.country_code, ga.feature) == ("US", "admin1") and atl.country_code == "US"


def test_demonym_passed_by_caller_and_unknown_names():
    afghan, nowhere, empty = resolve_places(["Afghan", "Xqzvbnt Land", " "], "Afghan officials spoke.")
    assert afghan.country_code == "AF" and afghan.feature == "country"
    assert nowhere is None and empty is None
    assert resolve_places([]) == []


def test_repeated_names_get_the_same_answer():
    a, b = resolve_places(["Kandahar", "Kandahar"], "Kandahar fell. Later Kandahar was calm.")
    assert a == b and a.country_code == "AF"


def test_eval_reads_both_corpus_formats():
    from storyline.eval.places import read_corpus

    if not (BENCH / "lgl.xml").exists():
        pytest.skip("geoparsing bench not present")
    kind, arts = read_corpus(BENCH / "GeoVirus.xml")
    assert kind == "geovirus" and len(arts) == 229
    first = arts[0]
    assert ("Pandi", 14.87, 120.95) in first.toponyms
    for phrase, _, _ in first.toponyms:
        assert phrase in first.text


def test_washington_alone_is_the_capital_and_marked_state_is_the_state():
    (dc,) = resolve_places(["Washington"], "Officials in Washington said the talks would resume.")
    assert (dc.feature, dc.geonames_id) == ("city", 4140963)
    (st,) = resolve_places(["Washington"], "Wildfires spread across Washington state on Sunday.")
    assert (st.country_code, st.feature) == ("US", "admin1") and st.lon < -116
    wa, orr, idh = resolve_places(["Washington", "Oregon", "Idaho"], "Snow fell in Washington, Oregon and Idaho.")
    assert wa.country_code == "US" and wa.lon < -116  # not the capital (may still be Washington County, Ore.)


def test_washington_beside_new_york_and_dc_in_sample_002_is_the_capital():
    # "Washington's longest war" ... "the September 11, 2001 attacks in New York and Washington. , DC":
    # DC is the capital's own district, not a second state in a list of states
    from storyline.annotate import pipeline
    from storyline.clean import clean
    from storyline.sources import read

    if not SAMPLES.is_dir():
        pytest.skip("sample articles not present")
    (raw,) = list(read([next(SAMPLES.glob("002_*.txt"))]))
    (ann,) = pipeline.annotate([clean(raw)])
    assert {e.place.geonames_id for e in ann.entities if e.text == "Washington"} == {4140963}


def test_only_the_real_capital_is_flagged():
    from storyline.annotate.places import load_gazetteer

    gaz = load_gazetteer()
    caps = [r for r, _ in gaz.lookup("Washington") if gaz.capital[r]]
    assert [gaz.gid[r] for r in caps] == [4140963]


def test_new_york_state_lies_upstate_not_on_the_city():
    (ny,) = resolve_places(["New York"], "Storms crossed New York, Ohio and Pennsylvania.")
    assert (ny.country_code, ny.feature) == ("US", "admin1")
    assert 41.5 < ny.lat < 43.5 and -76.5 < ny.lon < -74.3  # the state's middle, not Manhattan (40.7, -74.0)


@pytest.mark.parametrize("name,cc,feature", [
    ("Ohioans", "US", "admin1"), ("Minnesotans", "US", "admin1"), ("Dagestani", "RU", "admin1"),
    ("African", "", "continent"), ("Darfur", "SD", "admin1"), ("Saudi", "SA", "country"),
])
def test_division_demonyms_and_split_regions(name, cc, feature):
    from storyline.annotate.places import load_gazetteer

    g = load_gazetteer()
    rows = [r for r, _ in g.lookup(name)]
    assert any(g.cc[r] == cc and g.feature[r] == feature for r in rows), (name, [g.name[r] for r in rows])


def test_darfur_lies_between_its_divisions_and_unit_words_are_dropped():
    (darfur,) = resolve_places(["Darfur"])
    assert darfur.country_code == "SD" and 10 < darfur.lat < 16 and 22 < darfur.lon < 27
    (town,) = resolve_places(["Town of Groton"], "Groton, Connecticut")
    assert town is not None and town.country_code == "US"
    assert resolve_places(["Xqzzyville Township"]) == [None]


def test_geonames_division_names_and_canadian_australian_codes():
    java, chechnya = resolve_places(["West Java", "Chechnya"])
    assert (java.country_code, java.feature) == ("ID", "admin1") and -8 < java.lat < -5.5 and 105 < java.lon < 109
    assert (chechnya.country_code, chechnya.feature) == ("RU", "admin1") and 42 < chechnya.lat < 44.5
    bc, nsw = resolve_places(["B.C.", "NSW"], "Flooding in B.C. and NSW.")
    assert (bc.country_code, bc.name) == ("CA", "British Columbia")
    assert (nsw.country_code, nsw.name) == ("AU", "New South Wales")
    (delta,) = resolve_places(["Delta"], "Police in Delta, B.C., said on Monday.")
    assert delta.country_code == "CA" and delta.feature == "city"


def test_compass_parts_and_plural_demonyms_fall_back_to_the_place():
    la, cz = resolve_places(["South Los Angeles", "Czechs"], "Crime fell in South Los Angeles, California.")
    assert la.country_code == "US" and abs(la.lat - 34.05) < 0.5 and abs(la.lon + 118.25) < 0.5
    assert (cz.country_code, cz.feature) == ("CZ", "country")
    assert resolve_places(["South Carolina"])[0].name == "South Carolina"  # a listed name is not split
    assert resolve_places(["North Xqzzyville"]) == [None]


@pytest.mark.parametrize("name, lat, lon", [
    ("the Middle East", 29.0, 42.0), ("Central America", 12.8, -85.5), ("Balkans", 43.0, 21.0),
    ("Mideast", 29.0, 42.0), ("Baltics", 56.5, 24.0),
])
def test_world_regions_are_where_they_are(name, lat, lon):
    # (not a Baltimore neighbourhood, nor the United States, nor a Turkmen province: annotate/places/regions.json)
    p = resolve_places([name], "Officials said the region faces turmoil.")[0]
    assert (p.lat, p.lon, p.country_code) == (lat, lon, "")


def test_a_neighbourhood_named_after_a_region_stays_in_its_city():
    got = resolve_places(["Middle East", "Baltimore"], "Baltimore police said a shooting in Middle East left one dead.")
    assert [p.country_code for p in got] == ["US", "US"]
