"""The embedded gazetteer: lookups, aliases, demonyms, cache location."""

import time

import pytest

from polemos.resolve.geo import country_of
from polemos.resolve.geo.gazetteer import FORMAT_VERSION, Gazetteer, default_path, norm


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load()


def test_norm_folds_accents_apostrophes_and_hyphens():
    assert norm("Nagorno-Karabakh") == "nagorno karabakh"
    assert norm("Sana’a") == "sanaa"
    assert norm("the Gaza Strip") == "gaza strip"
    assert norm("Ḩalab") == "halab"


def test_cache_path_follows_env_and_names_the_format(monkeypatch, tmp_path):
    monkeypatch.setenv("POLEMOS_CACHE_DIR", str(tmp_path))
    p = default_path()
    assert p.parent == tmp_path
    assert f"v{FORMAT_VERSION}" in p.name


def test_load_is_shared_and_fast(gaz):
    t = time.perf_counter()
    again = Gazetteer.load()
    assert again is gaz
    assert time.perf_counter() - t < 2.0


def test_small_village_has_coordinates_and_admin1(gaz):
    (hadrut,) = [p for p in gaz.lookup("Hadrut") if p.country == "AZ"]
    assert hadrut.feature == "city"
    assert hadrut.admin1
    assert 39.0 < hadrut.latitude < 40.0 and 46.5 < hadrut.longitude < 47.5


def test_conflict_region_from_our_table(gaz):
    for name in ("Nagorno-Karabakh", "Artsakh", "Donbas", "West Bank", "Gaza Strip"):
        places = gaz.lookup(name)
        assert places, name
        assert places[0].latitude is not None
    assert gaz.lookup("Nagorno-Karabakh")[0].country == "AZ"


@pytest.mark.parametrize("name,cc", [("USA", "US"), ("U.S.", "US"), ("UK", "GB"),
                                     ("Britain", "GB"), ("Syria", "SY"), ("Burma", "MM")])
def test_country_aliases_resolve_to_the_country(gaz, name, cc):
    assert any(p.feature == "country" and p.country == cc for p in gaz.lookup(name))


def test_transliterations(gaz):
    assert gaz.lookup("Kiev")[0].name == "Kyiv"
    assert gaz.lookup("Halab")[0].name == "Aleppo"
    assert gaz.lookup("Qamishli"), "Arabic article dropped"


def test_admin_units_are_known_with_and_without_unit_word(gaz):
    assert any(p.feature in ("admin1", "region") and p.country == "SY"
               for p in gaz.lookup("Idlib province"))
    assert any(p.feature == "admin2" for p in gaz.lookup("Rapides Parish"))


def test_us_state_abbreviation(gaz):
    assert gaz.abbrev_state("La.").name == "Louisiana"
    assert gaz.abbrev_state("Tuesday.") is None


def test_unknown_name(gaz):
    assert gaz.lookup("Qwzxplorvia") == []


@pytest.mark.parametrize("word,cc", [("Azerbaijani", "AZ"), ("Azerbaijan's", "AZ"),
                                     ("Armenian", "AM"), ("Russian", "RU"), ("Syrian", "SY"),
                                     ("Turkish", "TR"), ("Azerbaijan", "AZ"), ("US", "US"),
                                     ("Britain", "GB"), ("British", "GB")])
def test_country_of(word, cc):
    assert country_of(word) == cc


def test_country_of_unknown():
    assert country_of("Kurdish") is None
    assert country_of("") is None
    assert country_of("table") is None


def test_arabic_names_match_across_transliterations():
    from polemos.resolve.geo import Gazetteer
    gaz = Gazetteer.load()
    for written, country in [("Maarat al-Numan", "SY"), ("Jisr al-Shughur", "SY")]:
        assert any(p.country == country for p, _ in gaz.candidates(written)), written
    assert gaz.candidates("Qamishli al-Nowhere") == ()
