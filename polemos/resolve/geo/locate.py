"""The place of an event: which of the article's toponyms the event clause is about.

A toponym in the event's sentence is preferred when it hangs off the trigger's clause
("killed near the village of Hadrut"); one that is the speaker or sits in a speaker's
phrase ("the ministry in Baku said", "Moscow accused") or in a dateline is not the event's
place. Among the rest the finer place wins (ACLED codes the most specific location).
Without one, the article's most salient place stands in, at precision 3.
"""

from __future__ import annotations

import math
from collections import Counter

from polemos.model import Location, Place, Toponym
from polemos.nlp import doc_sents, doc_text
from polemos.resolve.geo.gazetteer import (
    ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, WATER, Gazetteer, _latin)

REPORTING = {"say", "report", "announce", "claim", "tell", "state", "accuse", "add",
             "confirm", "deny", "quote", "cite", "write", "tweet", "post", "warn", "condemn",
             "insist", "note", "explain", "blame", "allege", "according"}
GOVERNMENT = {"ministry", "government", "official", "officials", "spokesman", "spokeswoman",
              "spokesperson", "embassy", "authorities", "president", "minister", "office",
              "agency", "media", "army", "police", "military", "leader", "leaders",
              "ambassador", "envoy", "delegation", "talks", "meeting", "parliament", "court"}
NEAR = {"near", "outside", "outskirts", "around", "nearby", "close", "vicinity", "suburb",
        "suburbs", "km", "kilometres", "kilometers", "miles", "north", "south", "east", "west",
        "northeast", "northwest", "southeast", "southwest", "between"}
IN_PLACE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "into", "of"}  # not "on", "to"
PLACE_PREPS = {"in", "at", "near", "outside", "into", "on", "across", "around", "inside",
               "from", "to", "toward", "towards", "through", "throughout", "between", "of"}
# For the fallback at precision 3, a region or province is the natural answer.
BROAD = {REGION: 2, ADMIN1: 2, ADMIN2: 1.5, CITY: 1, WATER: 0, COUNTRY: 0, CONTINENT: -1}
SPECIFIC = {CITY: 3, ADMIN2: 2, REGION: 1, ADMIN1: 1, WATER: 1, COUNTRY: 0, CONTINENT: -1}


def _tokens(doc, t: Toponym):
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span


def _path_to(tok, target) -> list | None:
    """Heads from ``tok`` up to ``target`` (exclusive), or None if ``target`` is no head."""
    path, cur = [], tok
    for _ in range(50):
        if cur == target:
            return path
        if cur.head == cur:
            return None
        path.append(cur)
        cur = cur.head
    return None


def _is_speaker(root) -> bool:
    """The toponym names or qualifies who speaks, not where things happened."""
    cur = root
    for _ in range(6):
        head = cur.head
        if cur.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in REPORTING:
            return True
        if head.lemma_.lower() in GOVERNMENT and head.pos_ in ("NOUN", "PROPN"):
            # "officials in Kabul said", "the government of Iraq": who speaks; but "police in
            # Lahore fired tear gas" acted there
            acts = head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() not in REPORTING
            return not acts
        if head == cur:
            break
        cur = head
    return False


def _is_origin(root) -> bool:
    """"fired from the Belgorod region", "launched from Yemen": where the fire came from, not
    where the event happened (ACLED places a strike at its target)."""
    cur = root
    for _ in range(5):
        if cur.dep_ == "pobj" and cur.head.lower_ == "from":
            return True
        # "from Turkey's border provinces of Kilis and Hatay": through "of" and a list
        through_of = cur.dep_ == "prep" and cur.lower_ == "of"
        if cur.head.i == cur.i or not (through_of or cur.dep_ in ("compound", "pobj", "amod", "appos", "conj")):
            return False
        cur = cur.head
    return False


def _reference_point(root, others: set[int]) -> bool:
    """"the eastern Ghouta district near Damascus": a place that only locates another place
    named in the sentence (token indices ``others``), not where the event was."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("near", "outside", "close", "of") or root.head.head == root.head:
        return False
    if root.head.lower_ == "of" and root.head.head.lower_ not in ("outskirts", "north", "south", "east", "west"):
        return False
    anchor = root.head.head
    if anchor.lower_ in ("north", "south", "east", "west", "outskirts", "close"):
        anchor = anchor.head  # "Marow, 10 km north of Kessa"
    return anchor.i in others or any(c.i in others for c in anchor.children if c.dep_ in ("compound", "amod", "nmod"))


def _dateline(doc, t: Toponym) -> bool:
    """"BAKU (AFP) -": a place written at the head of a paragraph, upper case."""
    before = doc_text(doc)[max(0, t.start - 2):t.start]
    after = doc_text(doc)[t.end:t.end + 4]
    return (t.start == 0 or "\n" in before) and t.text.isupper() and (
        after[:2] in (" (", " -", " —", " –", ", ") or after[:1] in ("(", "-"))


def _precision(doc, t: Toponym, p: Place) -> tuple[int, str]:
    """ACLED geo_precision and the phrase it rests on ("near the village of Hadrut")."""
    span = _tokens(doc, t)
    start = span.start if span is not None else None
    near = False
    phrase_start = t.start
    if start is not None:
        k = start - 1
        # Walk back over "the village of", "the outskirts of", "10 km north of".
        while k >= 0 and k >= start - 6:
            w = doc[k].lower_
            if w in NEAR:
                near = True
                phrase_start = doc[k].idx
            elif w in ("the", "of", "a", "village", "town", "city", "district", "province",
                       "region", "area", "outskirts") or doc[k].like_num:
                if w == "outskirts":
                    near = True
                phrase_start = doc[k].idx if near else phrase_start
            else:
                break
            k -= 1
        if k >= 0 and doc[k].lower_ in PLACE_PREPS and not near:
            phrase_start = doc[k].idx
    text = doc_text(doc)[phrase_start:t.end]
    if p.feature == CITY:
        return (2 if near else 1), text
    if p.feature == ADMIN2:
        return 2, text
    return 3, text


# Places below a province are named as the report writes them: "Douma", not GeoNames' "Dūmā".
WRITTEN_NAME_FEATURES = {CITY, ADMIN2}


def _written_name(t: Toponym) -> str | None:
    """The name as the text spells it, when it is a plain Latin-script proper name."""
    name = t.text.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if not name[:1].isupper() or not _latin(name):
        return None
    if name.isupper() and len(name) > 3:  # a dateline, "DAMASCUS"
        name = name.title()
    return name


def _location(gaz: Gazetteer, t: Toponym, precision: int, text: str) -> Location:
    p = t.place
    name = (_written_name(t) if p.feature in WRITTEN_NAME_FEATURES else None) or p.name
    return Location(name=name, country=p.country,
                    admin1=p.admin1 if p.feature != COUNTRY else None,
                    admin2=p.admin2, latitude=p.latitude, longitude=p.longitude,
                    geonameid=p.geonameid, geo_precision=precision, text=text)


MODIFIER_SUFFIXES = ("brokered", "backed", "led", "based", "allied", "supported", "sponsored", "funded", "made")


PLACE_NOUNS = {"village", "town", "city", "province", "region", "district", "area", "state", "county",
               "border", "capital", "outskirts", "suburb", "camp", "port", "valley", "municipality",
               # a facility named after its town is in it: "Damascus airport", "Idlib prison"
               "airport", "airbase", "airfield", "prison", "hospital", "university", "market",
               "countryside", "mosque", "stadium", "harbour", "harbor", "dam", "refinery"}


def _is_modifier(doc, t: Toponym) -> bool:
    """'Moscow-brokered', 'Iran-backed', 'Azerbaijan troops': the place names a party, not
    where it happened."""
    after = doc_text(doc)[t.end : t.end + 12].lower()
    if after.startswith("-") and after[1:].startswith(MODIFIER_SUFFIXES):
        return True
    span = _tokens(doc, t)
    if span is None:
        return False
    root = span.root
    return (root.dep_ in ("compound", "poss", "amod", "nmod") and root.head.pos_ == "NOUN"
            and root.head.lower_ not in PLACE_NOUNS and root.head.i > root.i)


def _country_as_party(t: Toponym, root, gaz: Gazetteer | None = None) -> bool:
    """"a pretext for the US to launch strikes", "missiles supplied by the US", "clashes with
    the US": a country that acts is a party, not where the event was (a country acted on,
    "bombed Syria", is a place). So is a capital named for its government: "calling on Berlin
    to halt arms sales", "Ankara says"."""
    if gaz is not None and t.place.feature == CITY and (t.place.country, t.place.latitude, t.place.longitude) in gaz.capitals:
        # where only when told as a place ("in Kabul", "Kabul was hit", "the Kabul bombing",
        # "in the capital, Kinshasa, ...", however the parser hung that)
        named_as_place = root.i >= 2 and root.doc[root.i - 1].text == "," and root.doc[root.i - 2].lower_ in PLACE_NOUNS
        return not (root.dep_ in ("nsubjpass", "compound", "appos", "conj") or named_as_place
                    or (root.dep_ == "pobj" and root.head.lower_ in IN_PLACE))
    if t.place.feature != COUNTRY:
        return False
    if root.dep_ == "conj" and root.head.dep_ == "pobj":
        root = root.head  # "clashes with US and US-backed forces"
    return root.dep_ in ("nsubj", "nsubjpass") or (
        root.dep_ == "pobj" and root.head.lower_ in ("by", "with", "against", "between"))


def event_location(gaz: Gazetteer, doc, sent, trigger, toponyms: list[Toponym], fallback: bool = True
                   ) -> Location | None:
    """The Location of the event whose trigger token is ``trigger`` in sentence ``sent``; without
    one named there, the article's main place (unless not ``fallback``)."""
    placed = [t for t in toponyms if t.place is not None and t.place.latitude is not None]
    if not placed:
        return None
    best, best_s = None, -1e9
    here = [(t, _tokens(doc, t)) for t in placed if sent.start_char <= t.start and t.end <= sent.end_char]
    for t, span in here:
        if _dateline(doc, t) or _is_modifier(doc, t) or span is None:
            continue
        root = span.root
        if _is_speaker(root) or _is_origin(root) or _country_as_party(t, root, gaz):
            continue
        others = {i for u, sp in here if u is not t and sp is not None for i in range(sp.start, sp.end)}
        if _reference_point(root, others):
            continue
        s = 2.0 * SPECIFIC.get(t.place.feature, 0)
        path = _path_to(root, trigger)
        if path is not None:
            s += 6.0 - min(len(path), 5)  # hangs off the trigger: the closer the better
        else:
            # Same clause if they share the trigger's head; otherwise a sibling clause.
            up = _path_to(trigger, root.head) if root.head != root else None
            s += 1.0 if up is not None else 0.0
        if root.head.lower_ in PLACE_PREPS:
            s += 1.0
        s -= abs(t.start - trigger.idx) / 400.0  # ties go to the nearer name
        if s > best_s:
            best, best_s = t, s
    if best is not None:
        prec, text = _precision(doc, best, best.place)
        return _location(gaz, best, prec, text)
    main = salient(doc, [t for t in placed if not _names_a_party(doc, gaz, t)]) if fallback else None
    if main is None:
        return None
    return _location(gaz, main, 3, main.text)


def _names_a_party(doc, gaz: Gazetteer, t: Toponym) -> bool:
    """Whether a country or capital is named as a party ("Ankara regards the YPG as ..."), so
    not as the story's place."""
    span = _tokens(doc, t)
    return span is not None and _country_as_party(t, span.root, gaz)


def salient(doc, toponyms: list[Toponym]) -> Toponym | None:
    """The article's main place: often named, named early, and not just a country when
    something finer is named as often."""
    if not toponyms:
        return None
    lead_end = len(doc_text(doc))
    sents = doc_sents(doc)
    if len(sents) > 3:
        lead_end = sents[2].end_char
    counts: Counter = Counter()
    first: dict = {}
    lead = [t for t in toponyms if t.start < lead_end and not _dateline(doc, t)]
    lead_keys = {(t.place.name, t.place.country, t.place.feature) for t in lead}
    for t in toponyms:
        if _dateline(doc, t):
            continue
        if lead_keys and (t.place.name, t.place.country, t.place.feature) not in lead_keys:
            continue  # the lead names the story's place when it names any
        key = (t.place.name, t.place.country, t.place.feature)
        counts[key] += 2.0 if t.start < lead_end else 1.0
        first.setdefault(key, t)
    if not counts:
        return None

    def score(k):
        return math.log1p(counts[k]) + 1.5 * BROAD.get(k[2], 0) - first[k].start / 1e6

    return first[max(counts, key=score)]
