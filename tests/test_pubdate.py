"""Publication dates from datelines and URLs (invented examples)."""

from datetime import date

from polemos.resolve.when import date_from_url, publication_date


def test_reuters_dateline_takes_year_from_url():
    text = "BAKU, Dec 13 (Reuters) - Azerbaijan said on Sunday that fighting had eased."
    assert publication_date(text, "https://example.org/2020/12/13/story") == (date(2020, 12, 13), "dateline")


def test_reuters_dateline_takes_year_from_text():
    text = "BAKU, Dec 13 (Reuters) - The 2020 war left thousands dead."
    assert publication_date(text) == (date(2020, 12, 13), "dateline")


def test_updated_line():
    text = "Ceasefire holds\nLast updated on: 13 December,2020 05:15 pm\nBaku, Azerbaijan ..."
    assert publication_date(text) == (date(2020, 12, 13), "dateline")


def test_upper_case_wire_dateline_with_two_digit_year():
    text = "LIMA, 10 JAN 90 (EFE) -- [TEXT] THE ARMY REPORTED AN ATTACK."
    assert publication_date(text) == (date(1990, 1, 10), "dateline")


def test_published_label():
    assert publication_date("Published: 2020-12-13\nSix people died.") == (date(2020, 12, 13), "dateline")


def test_a_date_in_the_story_is_not_a_dateline():
    text = "On Dec 13, 2019, fighting broke out in the north and many fled their homes."
    assert publication_date(text) == (None, None)


def test_url_only():
    assert publication_date("No date here.", "https://news.example/world/2020/12/13/armenia") == (
        date(2020, 12, 13),
        "url",
    )
    assert date_from_url("https://x.example/a-20201213-b.html") == date(2020, 12, 13)
    assert date_from_url("https://x.example/2020/13/45/") is None
    assert publication_date("Nothing.", None) == (None, None)
