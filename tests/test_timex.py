"""The TIMEX3 tagger on short invented texts (publication date: Sunday 2020-12-13)."""

from datetime import date

import pytest

from polemos.resolve.when import tag

PUB = date(2020, 12, 13)  # a Sunday


def one(text: str, published: date | None = PUB):
    found = tag(text, published)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t


@pytest.mark.parametrize(
    "text, expr, typ, value",
    [
        ("Fighters clashed on Sunday near the river.", "Sunday", "DATE", "2020-12-13"),
        ("Fighters clashed on Friday near the river.", "Friday", "DATE", "2020-12-11"),
        ("The convoy was hit last Friday.", "last Friday", "DATE", "2020-12-11"),
        ("He died during an attack on Tuesday last week.", "Tuesday last week", "DATE", "2020-12-08"),
        ("Skirmishes broke out on Friday evening.", "Friday evening", "TIME", "2020-12-11TEV"),
        ("It happened in early November.", "early November", "DATE", "2020-11"),
        ("Police said two days ago that it was over.", "two days ago", "DATE", "2020-12-11"),
        ("Casualties rose over the past 48 hours.", "the past 48 hours", "DURATION", "PT48H"),
        ("Talks resumed this week in Moscow.", "this week", "DATE", "2020-W50"),
        ("Protests began in September in the capital.", "September", "DATE", "2020-09"),
        ("Prices rose last year.", "last year", "DATE", "2019"),
        ("The war of the 1990s is not over.", "1990s", "DATE", "199X"),
        ("Shelling resumed yesterday.", "yesterday", "DATE", "2020-12-12"),
        ("A rally is planned tonight.", "tonight", "TIME", "2020-12-13TNI"),
        ("Troops advanced overnight.", "overnight", "TIME", "2020-12-13TNI"),
        ("Last updated on: 13 December,2020 in Baku", "13 December,2020", "DATE", "2020-12-13"),
        ("BAKU, Dec. 13 (Reuters) - A soldier died.", "Dec. 13", "DATE", "2020-12-13"),
        ("Report of 12/13/2020 from the field.", "12/13/2020", "DATE", "2020-12-13"),
        ("Report of 2020-12-13 from the field.", "2020-12-13", "DATE", "2020-12-13"),
        ("LIMA, 10 JAN 90 (EFE) -- Guerrillas attacked.", "10 JAN 90", "DATE", "1990-01-10"),
        ("Output fell in the third quarter of 1998.", "the third quarter of 1998", "DATE", "1998-Q3"),
        ("The siege lasted three days.", "three days", "DURATION", "P3D"),
        ("Convoys pass daily.", "daily", "SET", "P1D"),
        ("The town is now calm.", "now", "DATE", "PRESENT_REF"),
        ("The camp was hit in the summer of 2012.", "the summer of 2012", "DATE", "2012-SU"),
        ("The blast was at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2020-12-09T22:00"),
    ],
)
def test_values(text, expr, typ, value):
    t = one(text)
    assert (t.text, t.type, t.value) == (expr, typ, value)


def test_future_cue_moves_weekday_forward():
    # Published Sunday: "will meet on Tuesday" is the coming Tuesday, not the last one.
    assert one("The envoys will meet on Tuesday.").value == "2020-12-15"
    assert one("The envoys met on Tuesday.").value == "2020-12-08"


def test_month_without_year_is_not_in_the_future_unless_the_tense_says_so():
    assert one("Fighting began in March.", date(2021, 1, 5)).value == "2020-03"
    assert one("Elections will be held in March.", date(2021, 1, 5)).value == "2021-03"


def test_tuesday_last_week_is_flagged_ambiguous():
    t = one("He died on Tuesday last week.")
    assert t.ambiguous
    assert not one("He died on Tuesday.").ambiguous


def test_early_month_has_mod():
    assert one("It happened in early November.").mod == "START"
    assert one("It happened in late November.").mod == "END"


def test_relative_to_another_event():
    t = one("Hours later, a second bomb went off.")
    assert (t.anchor, t.shift) == ("EVENT", 0)
    t = one("The day before, rockets hit the town.")
    assert (t.anchor, t.shift) == ("EVENT", -1)


def test_without_publication_date_values_are_underspecified():
    assert one("Fighters clashed on Friday.", None).value == "XXXX-WXX-5"
    assert one("Shelling resumed yesterday.", None).value == "XXXX-XX-XX"
    assert one("It began on 13 December 2020.", None).value == "2020-12-13"


def test_ordinary_words_are_not_times():
    assert tag("May God help them; the march went on and prices may fall.", PUB) == []
    assert tag("A 6-year-old girl and 2,019 people were counted.", PUB) == []


def test_offsets_with_several_expressions():
    text = "On Friday, 11 December, clashes began; by Sunday they had spread. Officials spoke today."
    found = tag(text, PUB)
    assert [t.text for t in found] == ["Friday, 11 December", "Sunday", "today"]
    for t in found:
        assert text[t.start : t.end] == t.text
    assert found[0].value == "2020-12-11"
