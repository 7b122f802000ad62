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
        ("Then, on 5 July this year, he was killed.", "5 July this year", "DATE", "2020-07-05"),
        ("He was held on March 3 last year.", "March 3 last year", "DATE", "2019-03-03"),
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


# ---------------------------------------------------------------- rules added for TimeML value errors
def test_next_to_is_not_a_future_cue():
    assert one("Two cars exploded next to the depot on Friday.").value == "2020-12-11"


def test_past_perfect_cancels_a_future_cue():
    # "had been due to": the deadline has passed, so the latest Friday.
    assert one("The truce had been due to expire on Friday evening.").value == "2020-12-11TEV"


def test_planning_to_is_a_future_cue():
    assert one("Refugees were planning to cross the border on Tuesday.").value == "2020-12-15"
    assert one("The mission planned to leave the valley on Tuesday.").value == "2020-12-15"


def test_colon_after_a_day_ends_the_date():
    t = one("The paper wrote in a leader on Monday, Dec. 14: the siege must end.")
    assert (t.text, t.value) == ("Monday, Dec. 14", "2020-12-14")


def test_midnight_weekday_is_a_clock_time():
    t = one("The ultimatum expired at midnight Friday.")
    assert (t.text, t.type, t.value) == ("midnight Friday", "TIME", "2020-12-11T24:00")


def test_future_cue_anywhere_earlier_in_the_sentence_moves_a_month_forward():
    pub = date(2020, 10, 20)
    assert one("The envoys will travel to the border towns and the capital by January.", pub).value == "2021-01"
    # ... unless a past clause sits between the cue and the month.
    assert one("The army will help those who were displaced in late November.", pub).value == "2019-11"


def test_deadline_word_makes_a_near_month_future():
    pub = date(2020, 10, 20)
    assert one("The loan must be repaid by February, the bank said.", pub).value == "2021-02"
    assert one("The cordon stays until mid-November.", pub).value == "2020-11"
    assert one("The camp had been open since March.", pub).value == "2020-03"


def test_ended_month_day_is_past():
    found = tag("In the fiscal year ended Jan. 31, sales rose.", date(2020, 10, 20))
    assert found[-1].text == "Jan. 31" and found[-1].value == "2020-01-31"


def test_that_year_takes_the_last_year_named():
    found = tag("He fled in June 2012 and returned later that year.", PUB)
    assert [(t.text, t.value) for t in found] == [("June 2012", "2012-06"), ("later that year", "2012")]
    assert found[1].anchor == "EVENT"
    found = tag("On May 3, 2015, he became a general, and the following year he retired.", PUB)
    assert found[-1].value == "2016"
    found = tag("The offensive began in August 2016. The following month, the city fell.", PUB)
    assert found[-1].value == "2016-09"


def test_that_year_without_antecedent_stays_unresolved():
    assert one("That year, the river flooded.").value == "XXXX"


def test_the_week_of_a_day_is_its_iso_week():
    t = one("The hearing is set for the week of Jan. 4, 2021.")
    assert (t.text, t.value) == ("the week of Jan. 4, 2021", "2021-W01")


def test_quarter_periods_follow_the_last_quarter_named():
    found = tag("Profit fell in the third quarter; in the 2019 period it had risen.", PUB)
    assert [t.value for t in found] == ["2020-Q3", "2019-Q3"]
    found = tag("Net income rose in the third quarter, against a loss in the corresponding period last year.", PUB)
    assert found[-1].text == "the corresponding period last year"
    assert found[-1].value == "2019-Q3"
    assert one("Sales in the latest period rose.").value == "2020-Q3"


def test_plural_ordinal_quarters_are_generic():
    assert one("Sales usually peak in the second and fourth quarters.").value == "XXXX-Q4"


def test_over_the_past_decade_is_a_duration():
    t = one("Attacks have grown over the past decade.")
    assert (t.type, t.value) == ("DURATION", "P10Y")
    assert one("Wages fell in the last decade.").value == "201"


def test_spelled_year_after_month_or_season():
    assert one("Prices fell in the winter of nineteen ninety-four.").value == "1994-WI"
    assert one("January nineteen ninety-seven. A second bomb.").value == "1997-01"


def test_and_a_half():
    assert one("The call lasted a minute and a half.").value == "PT1M30S"
    assert one("The strike lasted a month and a half.").value == "P1M15D"


def test_will_one_day_is_future_ref():
    t = one("The valley will one day be rebuilt.")
    assert (t.type, t.value) == ("DATE", "FUTURE_REF")
    assert one("The siege lasted one day.").value == "P1D"


def test_clock_time_skips_another_clock_to_find_its_day():
    found = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, witnesses said.", PUB)
    assert [t.value for t in found] == ["2020-12-11T10:35", "2020-12-11T07:35", "2020-12-11"]


def test_possessive_and_determiner_left_out_of_the_span():
    t = one("Friday's attack killed four.")
    assert (t.text, t.value) == ("Friday", "2020-12-11")
    t = one("They signed a two-year truce.")
    assert (t.text, t.value) == ("two-year", "P2Y")
    assert one("The 1990's were hard.").text == "1990's"


def test_would_moves_a_month_but_not_a_weekday_forward():
    pub = date(2020, 10, 20)
    assert one("The dividend would be paid on a date in January, the firm said.", pub).value == "2021-01"
    assert one("They said they would appeal the ruling announced Friday.").value == "2020-12-11"


def test_month_day_months_ahead_is_past_without_a_future_cue():
    # Nearest reading, but a day more than a month ahead costs four times its distance.
    found = tag("The ceasefire held from March 3 to March 9.", PUB)
    assert [t.value for t in found] == ["2020-03-03", "2020-03-09"]
    assert one("The new rules take effect, effective March 1.").value == "2021-03-01"
    assert one("BAKU, Dec. 20 - A soldier died.").value == "2020-12-20"  # a week ahead: still the nearest


def test_ordinal_day_of_the_month():
    assert one("The convoy was hit on the 5th.").value == "2020-12-05"
    assert one("The convoy was hit on the 20th, officials said.").value == "2020-11-20"
    assert one("Talks will resume on the 20th.").value == "2020-12-20"
    assert tag("Rebels held the 5th floor.", PUB) == []


def test_range_end_is_not_before_its_start():
    found = tag("Clashes went on between March and May.", date(2020, 4, 20))
    assert [t.value for t in found] == ["2020-03", "2020-05"]


def test_hyphenated_quarters_of_something_are_a_fraction():
    assert tag("About three-quarters of the town was destroyed.", PUB) == []
    assert one("Output fell for three quarters.").value == "P3Q"


# --- expressions anchored to a day named earlier in the text (TimeML: the anchor's value)
def _by_text(text: str, published: date | None = PUB) -> dict[str, object]:
    return {t.text: t for t in tag(text, published)}


def test_previous_weekday_counts_from_the_day_in_focus():
    # Published Sunday 13 Dec; the text is about Friday 11 Dec, so "the previous Friday" is 4 Dec.
    t = _by_text("Shelling hit the port on Friday, twice as heavy as on the previous Friday.")
    assert t["Friday"].value == "2020-12-11"
    assert t["previous Friday"].value == "2020-12-04"
    # With no day named before it, it counts from the publication date.
    assert one("Aid resumed after a pause since the previous Wednesday.").value == "2020-12-09"


def test_day_expressions_take_the_last_named_day():
    t = _by_text("Rebels entered the town on Nov. 20. The next day, troops withdrew; that night the bridge fell.")
    assert t["The next day"].value == "2020-11-21"
    assert t["The next day"].anchor == "EVENT" and t["The next day"].shift == 1  # the event dater's view is unchanged
    assert t["that night"].value == "2020-11-21TNI"
    t = _by_text("The mayor resigned on Dec. 2. Earlier that day, a car bomb killed four people.")
    assert t["Earlier that day"].value == "2020-12-02"
    # Nothing named before: the value stays open.
    assert one("The day before, the road was closed.").value == "XXXX-XX-XX"


def test_day_expression_in_apposition_is_that_day():
    t = _by_text("On Nov. 2, the day before the vote, the militia moved in.")
    assert t["the day before"].value == "2020-11-02"


def test_day_before_a_named_day_is_one_expression():
    t = one("Envoys met the day before last Thursday's summit.")
    assert (t.text, t.value) == ("the day before last Thursday", "2020-12-09")


def test_clock_times_and_overnight_are_no_day_in_focus():
    # "overnight" defaults to the publication date; it does not move the day in focus.
    t = _by_text("Clashes erupted on Friday. Troops shelled the hills overnight, as on the previous Friday.")
    assert t["previous Friday"].value == "2020-12-04"


def test_year_ago_takes_the_granularity_of_the_period_compared():
    pub = date(2021, 10, 28)
    t = tag("Profit rose in the third quarter to $5 million from $4 million a year earlier.", pub)
    assert [x.value for x in t] == ["2021-Q3", "2020-Q3"]
    t = tag(
        "Profit rose in the third quarter. In the first nine months, sales were $9 million, "
        "up from $7 million a year ago.", pub
    )
    assert [x.value for x in t] == ["2021-Q3", "P9M", "2020"]


def test_the_month_after_publication_is_the_coming_one():
    # Published 13 Dec 2020: "January" alone is January 2021; "October" stays in the past.
    assert one("Elections are in January.").value == "2021-01"
    assert one("The offensive began in October.").value == "2020-10"
    assert one("Traders are buying ahead of November contracts.", date(2020, 10, 30)).value == "2020-11"
    assert one("Traders sold ahead of November contracts.", date(2020, 10, 30)).value == "2019-11"
    assert one("The case is heard in December, lawyers say.", date(2020, 10, 30)).value == "2020-12"
    assert one("The case is heard in January, lawyers say.", date(2020, 10, 30)).value == "2020-01"
    assert one("The truce must hold by May, the envoy said.", date(2020, 3, 30)).value == "2020-05"
    assert tag("The may be over.", PUB) == []
    # A past clause before it keeps the past reading.
    assert one("Thousands were displaced in January.").value == "2020-01"


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The fortress dates from the 11th century.", "the 11th century", "10"),
        ("It was the bloodiest war of the twentieth century.", "the twentieth century", "19"),
        ("Wars of the 21st century are fought with drones.", "the 21st century", "20"),
    ],
)
def test_ordinal_centuries(text, expr, value):
    t = one(text)
    assert (t.text, t.type, t.value) == (expr, "DATE", value)


def test_planning_for_is_a_future_cue():
    pub = date(2020, 10, 20)
    assert one("Generals are planning for a spring offensive in March.", pub).value == "2021-03"
    assert one("Medics are preparing for a surge of wounded on Friday.").value == "2020-12-18"


def test_commitment_verb_complement_is_not_a_past_clause():
    pub = date(2021, 1, 5)
    assert one("The alliance decided to admit the two states in March.", pub).value == "2021-03"
    assert one("The alliance admitted the two states in March.", pub).value == "2020-03"


def test_full_and_latest_years():
    pub = date(2021, 11, 2)
    assert one("The firm expects a loss for the full year.", pub).value == "2021"
    assert one("Exports made up a third of sales in the latest fiscal year.", pub).value == "2020"


def test_elided_second_day_shares_the_month():
    found = tag("Talks are set for Jan. 14 and 15, in Geneva.", PUB)
    assert [(t.text, t.value) for t in found] == [("Jan. 14", "2021-01-14"), ("15", "2021-01-15")]
    found = tag("Polls opened on Nov. 3 and 40 people voted.", PUB)
    assert [t.text for t in found] == ["Nov. 3"]


def test_that_quarter_and_quarter_ended():
    pub = date(2021, 11, 2)
    found = tag("Sales rose in the second quarter ended Oct. 31, 2019. Costs in that quarter fell.", pub)
    assert [(t.text, t.value) for t in found] == [
        ("the second quarter", "2019-Q2"), ("Oct. 31, 2019", "2019-10-31"), ("that quarter", "2019-Q2")
    ]


def test_last_month_name_for_the_month_just_past_is_a_year_back():
    pub = date(2021, 3, 1)
    assert one("Two helicopters crashed last February.", pub).value == "2020-02"
    assert one("Two helicopters crashed last January.", pub).value == "2021-01"
    assert one("Two helicopters crashed this past February.", pub).value == "2021-02"


def test_then_current_is_past():
    t = one("The then current governor signed the truce.")
    assert (t.text, t.value) == ("then current", "PAST_REF")


def test_weekday_deadline_in_a_present_clause_is_ahead():
    pub = date(2021, 4, 5)  # a Monday
    assert one("The ministry has given the militia until 9 a.m. Tuesday to leave.", pub).value == "2021-04-06T09:00"
    assert one("Aid convoys may enter until Friday.", pub).value == "2021-04-09"
    # A past clause on either side keeps the past reading.
    assert one("Until Friday, the militia had held the pass.", pub).value == "2021-04-02"
    assert one("The militia was given until Friday to leave.", pub).value == "2021-04-02"
