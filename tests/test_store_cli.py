"""The database side through the CLI: ingest is idempotent and survives being killed."""

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

SAMPLE = ROOT / "examples" / "sample_corpus.jsonl"
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def run(*args, stdin=None, check=True):
    proc = subprocess.run([sys.executable, "-m", "polemos", *map(str, args)], input=stdin,
                          capture_output=True, text=True, env=ENV, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stderr}")
    return proc


def rows(db: Path, sql: str):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "sample.db"
    run("ingest", SAMPLE, "--db", db, "-q")
    return db


def test_ingest_stores_the_sample_corpus_once(sample_db):
    n_articles = sum(1 for line in SAMPLE.read_text().splitlines() if line.strip())
    assert rows(sample_db, "select count(*) from articles")[0][0] == n_articles
    events_before = rows(sample_db, "select count(*) from events")[0][0]
    assert events_before > 10
    again = run("ingest", SAMPLE, "--db", sample_db)
    assert f"0 new article(s) with 0 event(s), {n_articles} already stored" in again.stderr
    assert rows(sample_db, "select count(*) from events")[0][0] == events_before
    # every mention points at a stored event, with its evidence offsets into the article text
    for text, start, end, evidence in rows(sample_db, "select a.text, m.evidence_start, m.evidence_end, m.evidence "
                                                      "from mentions m join articles a on a.id = m.article_id"):
        assert text[start:end] == evidence


def test_events_filters_and_formats(sample_db):
    all_rows = list(csv.DictReader(io.StringIO(run("events", "--db", sample_db, "--format", "csv").stdout)))
    some = list(csv.DictReader(io.StringIO(run("events", "--db", sample_db, "--format", "csv",
                                               "--country", "SD", "--type", "protest").stdout)))
    assert some and len(some) < len(all_rows)
    assert all(r["country"] == "SD" and "rotest" in r["sub_event_type"] for r in some)
    dates = [r["event_date"] for r in all_rows if r["event_date"]]
    assert dates == sorted(dates)
    since = run("events", "--db", sample_db, "--format", "jsonl", "--since", "2024-03-01").stdout.splitlines()
    assert since and all(json.loads(line)["event_date"] >= "2024-03-01" for line in since)
    gj = json.loads(run("events", "--db", sample_db, "--format", "geojson").stdout)
    assert gj["type"] == "FeatureCollection" and gj["features"]
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    table = run("events", "--db", sample_db).stdout
    assert table.splitlines()[0].startswith("date") and "sub_event_type" in table


def test_export_acled_csv_has_acled_columns(sample_db):
    out = run("export", "--db", sample_db, "--format", "acled-csv").stdout
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames[:7] == ["event_id_cnty", "event_date", "year", "time_precision",
                                     "disorder_type", "event_type", "sub_event_type"]
    first = next(reader)
    assert first["fatalities"].isdigit() and first["disorder_type"] in (
        "Political violence", "Demonstrations", "Strategic developments")


def test_events_on_a_missing_database_says_how_to_make_one(tmp_path):
    proc = run("events", "--db", tmp_path / "none.db", check=False)
    assert proc.returncode == 1 and "polemos ingest" in proc.stderr


def test_extract_jsonl_one_line_per_document_errors_in_place(tmp_path):
    (tmp_path / "a.txt").write_text((FIXTURES / "clash_report.txt").read_text())
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Police arrested nine activists in Harare on Monday, their lawyer said.")
    proc = run("extract", tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt",
               "--published", "2024-02-12", check=False)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d.get("id") for d in lines] == ["a", None, "c"]
    assert "empty" in lines[1]["error"] and "b.txt" in proc.stderr
    assert lines[2]["events"][0]["sub_event_type"] == "Arrests"
    assert lines[2]["events"][0]["event_date"] == "2024-02-12"
    assert proc.returncode == 1


def test_extract_from_stdin_and_bad_published_date():
    proc = run("extract", "-", "--published", "2023-09-04",
               stdin="Gunmen abducted six passengers from a bus near Kaduna on Sunday, police said.")
    [doc] = [json.loads(x) for x in proc.stdout.splitlines()]
    assert doc["events"][0]["sub_event_type"] == "Abduction/forced disappearance"
    assert doc["events"][0]["event_date"] == "2023-09-03"
    bad = run("extract", "-", "--published", "2023-13-45", stdin="text", check=False)
    assert bad.returncode == 2 and "--published" in bad.stderr and "2023-13-45" in bad.stderr


def test_extract_leaves_out_background_events_unless_told_to_keep_them():
    text = ("Militants stormed a police post in Kessa on Monday, killing three officers, police said. "
            "The group had seized the nearby town of Dorra in 2019.")
    news = json.loads(run("extract", "-", "--published", "2023-09-06", stdin=text).stdout)
    everything = json.loads(run("extract", "-", "--published", "2023-09-06", "--max-age-days", "0",
                                stdin=text).stdout)
    assert [e["event_date"] for e in news["events"]] == ["2023-09-04"]
    assert len(everything["events"]) == 2 and everything["events"][1]["event_date"].startswith("2019")


def test_extract_leaves_out_a_features_untimed_background_unless_asked_to_keep_it():
    feature = str(FIXTURES / "untimed_feature.txt")
    dropped = json.loads(run("extract", feature, "--published", "2023-05-22").stdout)
    kept = json.loads(run("extract", feature, "--published", "2023-05-22", "--drop-untimed", "never").stdout)
    assert dropped["events"] == []
    assert [e["evidence"][0]["text"] for e in kept["events"]] == [
        "His brother was killed in an ambush by rebels on the road to Kessa."]


def test_killed_ingest_resumes_without_duplicates_or_loss(tmp_path):
    base = [json.loads(line) for line in SAMPLE.read_text().splitlines() if line.strip()]
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w") as fh:
        for i in range(4):
            for art in base:
                fh.write(json.dumps(dict(art, id=f"{art['id']}-{i}", text=art["text"] + f" (Copy {i}.)")) + "\n")
    total = 4 * len(base)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    proc = subprocess.Popen([sys.executable, "-m", "polemos", "ingest", str(corpus), "--db", str(killed_db),
                             "--batch-size", "2", "-q"], env=ENV, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if killed_db.exists():
            try:
                stored = rows(killed_db, "select count(*) from articles")[0][0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 5:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    midway = rows(killed_db, "select count(*) from articles")[0][0]
    assert 0 < midway < total, "the run was not interrupted halfway"

    run("ingest", corpus, "--db", killed_db, "-q")
    run("ingest", corpus, "--db", clean_db, "-q")
    q = "select article_id, event_id, sub_event_type, event_date from events order by event_id"
    assert rows(killed_db, "select count(*) from articles")[0][0] == total
    assert rows(killed_db, q) == rows(clean_db, q)
    assert rows(killed_db, "select count(*) from mentions") == rows(clean_db, "select count(*) from mentions")


def test_ingest_with_a_bad_file_stores_the_rest_keeps_the_old_and_exits_1(tmp_path):
    db = tmp_path / "p.db"
    first = tmp_path / "first.txt"
    first.write_text("Police arrested nine activists in Harare on Monday, their lawyer said.")
    run("ingest", first, "--db", db, "--published", "2024-02-12", "-q")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a_empty.txt").write_bytes(b"")
    (batch / "b_binary.txt").write_bytes(bytes(range(256)) * 4)
    (batch / "c_good.txt").write_text("Gunmen abducted six passengers from a bus near Kaduna on Sunday, police said.")
    proc = run("ingest", batch, "--db", db, "--published", "2024-02-12", check=False)
    assert proc.returncode == 1
    assert "a_empty.txt: is empty" in proc.stderr and "b_binary.txt: looks like a binary file" in proc.stderr
    assert "1 new article(s)" in proc.stderr and "2 failed" in proc.stderr
    assert sorted(r[0] for r in rows(db, "select id from articles")) == ["c_good", "first"]
