"""Ingest: every input kind becomes Articles; every bad input becomes an IngestError in its place."""

import http.server
import json
import threading
from datetime import date
from functools import partial

import pytest

from polemos.errors import IngestError
from polemos.ingest import Columns, read_articles
from polemos.model import Article

from .conftest import FIXTURES

ENGLISH = "Police said two men were arrested after the protest in the city centre on Monday."


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_text_file_uses_its_stem_as_id_and_given_date(tmp_path):
    p = tmp_path / "report-1.txt"
    p.write_text(ENGLISH)
    art = only(read_articles([p], published=date(2022, 1, 3)))
    assert isinstance(art, Article)
    assert (art.id, art.text, art.published, art.published_from) == ("report-1", ENGLISH, date(2022, 1, 3), "input")


def test_html_page_gives_main_text_title_and_date():
    art = only(read_articles([FIXTURES / "page.html"]))
    assert isinstance(art, Article)
    assert "A drone strike killed five fighters" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text
    assert art.title.startswith("Drone strike kills five")
    assert art.published == date(2023, 3, 14) and art.published_from == "html"


def test_jsonl_bad_line_is_reported_and_the_rest_read(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a", "text": ENGLISH, "published": "2021-05-01"}) + "\n"
                 + "{not json\n"
                 + json.dumps({"id": "b", "text": ENGLISH + " More.", "title": "T"}) + "\n")
    a, bad, b = read_articles([p])
    assert a.id == "a" and a.published == date(2021, 5, 1)
    assert isinstance(bad, IngestError) and bad.origin.endswith("c.jsonl:2") and "not valid JSON" in bad.problem
    assert b.id == "b" and b.title == "T" and b.published is None


def test_csv_with_configured_columns(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("key,body,day\nx1,\"" + ENGLISH + "\",2020-02-02\n")
    art = only(read_articles([p], columns=Columns(id=("key",), text=("body",), published=("day",))))
    assert (art.id, art.published) == ("x1", date(2020, 2, 2))
    missing = only(read_articles([p], columns=Columns(text=("nope",))))
    assert isinstance(missing, IngestError) and "--text-column" in missing.hint


def test_directory_is_walked_in_order_and_ids_are_stable(tmp_path):
    (tmp_path / "b.txt").write_text(ENGLISH)
    (tmp_path / "a.txt").write_text(ENGLISH + " Again.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == ["a", "b"]


def test_content_hash_id_when_none_given(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": "  " + ENGLISH.replace(" ", "  ")}) + "\n")
    first, second = read_articles([p])
    assert first.id == second.id and len(first.id) == 16


def test_feed_from_file():
    items = list(read_articles([FIXTURES / "feed.xml"]))
    assert [a.id for a in items] == ["example-protest-1", "example-bomb-2"]
    assert items[0].published == date(2022, 5, 2)
    assert items[0].text.startswith("Police fired tear gas") and "<p>" not in items[0].text
    assert items[0].source == "Example Conflict Wire"


def test_feed_from_a_local_http_server():
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        items = list(read_articles([f"{url}/feed.xml", f"{url}/missing.xml"]))
    finally:
        server.shutdown()
    assert [getattr(a, "id", None) for a in items[:2]] == ["example-protest-1", "example-bomb-2"]
    assert isinstance(items[2], IngestError) and "HTTP 404" in items[2].problem


@pytest.mark.parametrize("name,content,problem", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\n ", "is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("french.txt", "Les forces de sécurité ont arrêté deux hommes après la manifestation dans le centre-ville lundi, selon la police locale.".encode(), "English"),
    ("russian.txt", "Полиция задержала двух мужчин после протеста в центре города в понедельник, сообщили власти.".encode(), "English"),
    ("nobody.html", b"<html><head><title>x</title></head></html>", "no main text"),
])
def test_bad_inputs_are_named_and_explained(tmp_path, name, content, problem):
    p = tmp_path / name
    p.write_bytes(content)
    err = only(read_articles([p]))
    assert isinstance(err, IngestError)
    assert err.origin == str(p) and problem in str(err)


def test_other_encoding_is_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    text = "Protesters marched through Bogotá on Sunday and police said the rally in the capital was peaceful; the organisers said that more than a thousand people joined."
    p.write_bytes(text.encode("cp1252"))
    art = only(read_articles([p]))
    assert isinstance(art, Article) and "Bogotá" in art.text


def test_fifty_megabyte_text_is_refused_without_reading_it_all(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        line = (ENGLISH + "\n").encode()
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    err = only(read_articles([p]))
    assert isinstance(err, IngestError) and "MB limit" in err.problem


def test_missing_path(tmp_path):
    err = only(read_articles([tmp_path / "nope.txt"]))
    assert isinstance(err, IngestError) and "does not exist" in err.problem
