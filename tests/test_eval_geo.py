"""Readers and scoring of the geoparsing evaluation, on small files written here."""

from polemos.evaluate.geo import format_report, guess_format, read, score

GWN = """<articles><article file="7"><title>t</title><link>l</link>
<text>Shelling hit Hadrut and Syrian towns.</text><toponyms>
<toponym><extractedName>Hadrut</extractedName><normalisedName>Hadrut</normalisedName>
<type>Literal</type><modifierType /><nonLocational>No</nonLocational><start>13</start>
<end>19</end><geonamesID>1</geonamesID><latitude>39.52</latitude><longitude>47.03</longitude>
</toponym>
<toponym><extractedName>Syrian</extractedName><normalisedName>Syria</normalisedName>
<type>Non_Literal_Modifier</type><modifierType>Adjective</modifierType>
<nonLocational>No</nonLocational><start>24</start><end>30</end><geonamesID>2</geonamesID>
<latitude>35.0</latitude><longitude>38.0</longitude></toponym>
<toponym><extractedName>towns</extractedName><normalisedName /><type>Literal_Expression</type>
<modifierType /><nonLocational>No</nonLocational><start>31</start><end>36</end>
<geonamesID /><latitude /><longitude /></toponym>
</toponyms></article></articles>"""

LGL = """<?xml version="1.0" encoding="utf-8"?><articles><article docid="9"><feedid>1</feedid>
<title>x</title><text><![CDATA[A fire in Alexandria.]]></text><toponyms count="1"><toponym>
<start>10</start><end>20</end><phrase>Alexandria</phrase><gaztag geonameid="3">
<name>Alexandria</name><lat>31.31</lat><lon>-92.44</lon></gaztag></toponym></toponyms>
</article></articles>"""

GEOVIRUS = """<articles><article><source>s</source><text>Cases rose in Pandi.</text>
<locations><location><name>Pandi</name><start>14</start><end>19</end><lat>14.87</lat>
<lon>120.95</lon><page>p</page></location></locations></article></articles>"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_guess_and_read_gwn(tmp_path):
    p = write(tmp_path, "g.xml", GWN)
    assert guess_format(p) == "gwn"
    (doc,) = read(p)
    assert doc.id == "7"
    assert [g.text for g in doc.toponyms] == ["Hadrut", "Syrian", "towns"]
    assert doc.text[13:19] == "Hadrut"
    assert doc.toponyms[1].modifier == "Adjective"
    assert doc.toponyms[2].lat is None


def test_read_lgl_and_geovirus(tmp_path):
    (doc,) = read(write(tmp_path, "l.xml", LGL))
    assert guess_format(tmp_path / "l.xml") == "lgl"
    assert doc.toponyms[0].lat == 31.31 and doc.text[10:20] == "Alexandria"
    (doc,) = read(write(tmp_path, "v.xml", GEOVIRUS))
    assert guess_format(tmp_path / "v.xml") == "geovirus"
    assert doc.toponyms[0].text == "Pandi" and doc.toponyms[0].lon == 120.95


def test_score_counts_recall_precision_and_distance(tmp_path):
    (doc,) = read(write(tmp_path, "g.xml", GWN))
    # Hadrut found 1.2 km off; a spurious "Shelling"; Syrian (adjective) missed.
    preds = [[(13, 19, 39.53, 47.03), (0, 8, 0.0, 0.0)]]
    s = score([doc], preds)
    assert s["gold"] == 2 and s["found"] == 1
    assert s["recall"] == 0.5
    assert s["precision"] == 0.5
    assert s["acc161"] == 1.0 and s["median_km"] < 2.0
    s2 = score([doc], preds, skip_adjectives=True)
    assert s2["gold"] == 1 and s2["recall"] == 1.0


def test_score_far_and_unresolved(tmp_path):
    (doc,) = read(write(tmp_path, "g.xml", GWN))
    s = score([doc], [[(13, 19, 0.0, 0.0), (24, 30, None, None)]])
    assert s["found"] == 2 and s["resolved"] == 1
    assert s["acc161"] == 0.0 and s["median_km"] > 5000


def test_format_report_lists_systems():
    s = {"gold": 2, "predicted": 2, "found": 1, "resolved": 1, "recall": 0.5,
         "precision": 0.5, "acc161": 1.0, "median_km": 1.0}
    text = format_report({"path": "x.xml", "format": "gwn", "documents": 1, "polemos": s,
                          "baseline": s})
    assert "polemos" in text and "baseline" in text and "0.500" in text
