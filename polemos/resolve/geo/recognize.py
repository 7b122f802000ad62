"""Toponym spotting: spaCy place entities, corrected and completed by the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from polemos.resolve.geo.gazetteer import (
    ADMIN1, CONTINENT, COUNTRY, REGION, WATER, Gazetteer, norm, strip_generic)

PLACE_LABELS = {"GPE", "LOC"}
# Verbs whose object is a place when the gazetteer knows it: "bomb Douma", "stormed Kessa".
PLACE_OBJECT_VERBS = {"bomb", "shell", "strike", "pound", "raid", "storm", "besiege", "bombard",
                      "capture", "seize", "recapture", "retake", "enter", "overrun", "target"}
# Entity labels whose words are never spotted as places unless the whole entity is one.
OTHER_LABELS = {"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT",
                "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL",
                "ORDINAL"}
# Words before a name that make it a place ("near Hadrut", "the village of Hadrut").
CUE_BEFORE = {"in", "near", "at", "outside", "from", "to", "into", "toward", "towards",
              "across", "around", "throughout", "nearby", "via", "between", "and"}
UNIT_NOUNS = {"village", "town", "city", "district", "province", "region", "county",
              "governorate", "state", "parish", "area", "oblast", "municipality",
              "prefecture", "township", "suburb", "suburbs", "outskirts", "capital",
              "neighborhood", "neighbourhood", "border", "camp", "valley", "island",
              "port", "hamlet", "settlement", "enclave", "commune", "department",
              "borough", "territory", "republic", "country", "kingdom", "emirate", "division",
              "bordertown", "hometown", "stronghold", "outpost",
              "rayon", "raion", "locality", "zone", "villages", "towns", "cities", "districts",
              "provinces", "regions", "counties", "states", "countries"}
# Words inside an ORG entity that make it an organisation, not a mislabelled place.
ORG_WORDS = {"ministry", "party", "group", "council", "university", "army", "forces", "force",
             "police", "bank", "company", "inc", "corp", "ltd", "committee", "agency", "news",
             "times", "post", "press", "association", "union", "front", "movement", "brigade",
             "brigades", "service", "department", "office", "court", "church", "school",
             "college", "hospital", "club", "fc", "team", "league", "foundation", "institute",
             "center", "centre", "commission", "organization", "organisation", "guard",
             "network", "media", "observatory", "coalition", "alliance", "federation",
             "authority", "board", "corporation", "airlines", "airways", "reuters",
             "international", "watch", "red", "crescent", "cross"}
# Entities whose words are never places ("Georgia" in a person's name, dates, amounts).
NEVER_INSIDE = {"PERSON", "NORP", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL",
                "ORDINAL", "LANGUAGE"}
UNIT_WORDS = {"county", "parish", "province", "district", "governorate", "oblast", "prefecture",
              "region", "municipality"}
STRONG_FEATURES = {COUNTRY, ADMIN1, REGION, CONTINENT, WATER}
BIG_CITY = 100_000


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    path = resources.files("polemos.data").joinpath("geo", "not_places.txt")
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(norm(line))
    return frozenset(words)


@dataclass
class Spot:
    """A toponym found in the text, before resolution."""

    start: int  # character offsets into doc.text
    end: int
    text: str
    source: str  # "ner", "gazetteer" or "abbrev"
    weak: bool = False  # kept only if it resolves into the article's countries


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading "the" or a trailing possessive."""
    while start < end and doc[start].lower_ in ("the", "a") :
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’", "s", ".", ",", "-"):
        end -= 1
    return start, end


def _strength(gaz: Gazetteer, key: str) -> tuple[bool, bool]:
    """(names anything, names something big enough to trust without context)."""
    cands = gaz._cands(key)
    if not cands:
        return False, False
    if " " in key and key.rsplit(" ", 1)[1] in UNIT_WORDS:
        return True, True  # "Rapides Parish", "Khojavend District": the unit word says it
    strong = any(p.feature in STRONG_FEATURES or
                 (main and (p.population or 0) >= BIG_CITY) for p, main in cands)
    return True, strong


def _cue(doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) sit in a place context."""
    k = i - 1
    if k >= 0 and doc[k].lower_ in ("the", "a"):
        k -= 1
    if k >= 0:
        w = doc[k].lower_
        if w in CUE_BEFORE:
            return True
        if w == "of" and k >= 1 and doc[k - 1].lower_ in UNIT_NOUNS:
            return True
        if w in (",",) and k >= 1 and doc[k - 1].ent_type_ in PLACE_LABELS:
            return True  # "Hadrut, Khojavend" — the second part of a containment pair
    if j < len(doc):
        w = doc[j].lower_
        if w in UNIT_NOUNS:
            return True
        if w == "," and j + 1 < len(doc) and doc[j + 1].ent_type_ in PLACE_LABELS:
            return True
    return False


def _cap(tok) -> bool:
    t = tok.text
    return t[:1].isupper() and (tok.is_alpha or "-" in t or "'" in t or "’" in t or "." in t)


def spot(doc, gaz: Gazetteer, max_len: int = 6) -> list[Spot]:
    """Toponym spans in ``doc``, sorted by offset, not overlapping."""
    stop = not_places()
    dem = gaz.demonyms
    taken = [False] * len(doc)
    spots: list[Spot] = []

    def add(i: int, j: int, source: str, weak: bool = False) -> None:
        span = doc[i:j]
        spots.append(Spot(span.start_char, span.end_char, span.text, source, weak))
        for t in range(i, j):
            taken[t] = True

    # Surnames seen in person names: a later bare "Salah" or "Nelson" is the person.
    person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}

    # 1. spaCy place entities (split "Hadrut, Khojavend" into its parts).
    for ent in doc.ents:
        label = ent.label_
        i, j = _trim(doc, ent.start, ent.end)
        if i >= j:
            continue
        if label in PLACE_LABELS:
            j = _extend(doc, gaz, i, j)
        key = norm(doc[i:j].text)
        if label in PLACE_LABELS or label == "FAC":
            parts = _split_commas(doc, i, j)
            for a, b in parts:
                a, b = _trim(doc, a, b)
                if a >= b:
                    continue
                k = norm(doc[a:b].text)
                if k in stop:
                    continue  # "the Old City" of Damascus, "Sana" the agency
                known, strong = _strength(gaz, k)
                if k in dem and not known:
                    continue  # an adjective ("Syrian") tagged as a place
                if label == "FAC" and not known:
                    continue
                if label == "FAC" and not (strong or _cue(doc, a, b)):
                    continue
                add(a, b, "ner")
            continue
        if label in ("ORG", "PERSON", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"):
            # The small model calls "Hadrut" or "Nagorno-Karabakh" an ORG now and then.
            if key in dem or key in stop:
                continue
            known, strong = _strength(gaz, key)
            if not known:
                continue
            words = {t.lower_ for t in doc[i:j]}
            if label == "ORG" and (words & ORG_WORDS or (len(key) <= 3 and not strong)):
                continue  # an organisation, or an acronym
            if label in ("EVENT", "PRODUCT", "WORK_OF_ART") and not _cue(doc, i, j):
                continue
            cue = _cue(doc, i, j)
            if label != "PERSON" and all(t.lower_ in person_words for t in doc[i:j]) \
                    and not (strong or cue):
                continue
            sure = cue or (_only_strong(gaz, key) if label == "PERSON" else strong)
            acted_on = doc[j - 1].dep_ == "dobj" and doc[j - 1].head.lemma_ in PLACE_OBJECT_VERBS
            if label == "PERSON" and not sure and not acted_on and not (i > 0 and doc[i - 1].pos_ == "ADP"):
                continue  # "killing Aksoy where he stood": a person who shares a village's name
                # ("an attack on Douma" or "bomb Douma", also tagged PERSON, stays a candidate place)
            add(i, j, "ner", weak=not sure)

    # 2. Gazetteer names the model missed; inside organisation or facility names
    #    ("Bank of Canada") only names that need no context.
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if taken[i] or not _cap(tok) or (tok.ent_type_ in NEVER_INSIDE and not _misread_date(doc, i)):
            i += 1
            continue
        if tok.text in (",",) or _in_agency_name(doc, i):
            i += 1  # "Agence France-Presse": a source, not a place
            continue
        found, weak = None, False
        for j in range(min(n, i + max_len), i, -1):
            if any(taken[t] for t in range(i, j)) or not _cap(doc[j - 1]):
                continue
            inside = any(doc[t].ent_type_ and not _misread_date(doc, t) for t in range(i, j))
            if any(doc[t].ent_type_ in NEVER_INSIDE and not _misread_date(doc, t) for t in range(i, j)):
                continue
            if any(doc[t].is_sent_start for t in range(i + 1, j)):
                continue
            key = norm(doc[i:j].text)
            if not key or key in stop or key in dem:
                continue
            known, strong = _strength(gaz, key)
            if not known:
                continue
            if inside:
                if strong and not (j - i == 1 and tok.is_upper and len(tok) <= 3):
                    found = j
                    break
                continue
            if j - i == 1 and tok.is_stop:
                continue
            cue = _cue(doc, i, j)
            if all(doc[t].lower_ in person_words for t in range(i, j)) and not (strong or cue):
                continue
            if strong or cue:
                found = j
                break
            if (tok.pos_ == "PROPN" and doc[j - 1].pos_ == "PROPN" and not tok.is_sent_start
                    and not (j - i == 1 and tok.is_upper)):
                found, weak = j, True
                break
        if found:
            add(i, found, "gazetteer", weak)
            i = found
        else:
            i += 1

    # 3. Unit abbreviations after a place: "Seattle, Wash.", "Kamloops, B.C.".
    for k in range(2, n):
        if taken[k] or doc[k - 1].text != "," or not taken[k - 2]:
            continue
        j = k + 1
        txt = doc[k].text
        if j < n and doc[j].text == "." and not txt.endswith("."):
            txt, j = txt + ".", j + 1
        if norm(txt) in gaz.abbrevs and txt.endswith("."):
            span = doc[k:j]
            spots.append(Spot(span.start_char, span.end_char, span.text, "abbrev"))
            for t in range(k, j):
                taken[t] = True

    spots.sort(key=lambda s: s.start)
    return spots


MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday"}


def _misread_date(doc, i: int) -> bool:
    """A name the small model read as part of a date ("on Thursday ... near Manbij" tagged
    DATE): a capitalised word that is no month or weekday, right after a place preposition."""
    tok = doc[i]
    return tok.ent_type_ in ("DATE", "TIME") and tok.pos_ == "PROPN" and tok.lower_ not in MONTHS_AND_DAYS \
        and i > 0 and doc[i - 1].lower_ in ("near", "in", "at", "outside", "of", "between", "and")


# A news agency's name is where its copy comes from, never where things happened.
AGENCY_WORDS = {"presse", "agence", "press"}


def _in_agency_name(doc, i: int) -> bool:
    """Whether token ``i`` is inside an ORG entity naming a news agency ("Agence France-Presse")."""
    if doc[i].ent_type_ != "ORG":
        return False
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    return ent is not None and any(t.lower_ in AGENCY_WORDS for t in ent)


def _extend(doc, gaz: Gazetteer, i: int, j: int) -> int:
    """End of the longest known name starting at i that the entity [i, j) begins
    ("Baja" + "California")."""
    best = j
    for k in range(j + 1, min(len(doc), j + 4) + 1):
        tok = doc[k - 1]
        if tok.ent_type_ in NEVER_INSIDE or not (_cap(tok) or tok.text == "-" or tok.lower_ in NAME_PARTICLES):
            break
        if _cap(tok) and gaz.has(norm(doc[i:k].text)):
            best = k
    return best


# Lower-case words inside place names: "Deir ez-Zor", "Ras al-Ain", "Jisr ash-Shughur".
NAME_PARTICLES = {"ez", "el", "al", "ad", "as", "ash", "az", "ar", "an", "at", "es", "ech", "de", "du", "da", "la"}


def _only_strong(gaz: Gazetteer, key: str) -> bool:
    """A country, admin1 or region name, which people are rarely called."""
    return any(p.feature in (COUNTRY, ADMIN1, REGION, CONTINENT) for p, _ in gaz._cands(key))


def _split_commas(doc, i: int, j: int) -> list[tuple[int, int]]:
    parts, a = [], i
    for t in range(i, j):
        if doc[t].text in (",", ";", "/"):
            parts.append((a, t))
            a = t + 1
    parts.append((a, j))
    return [(x, y) for x, y in parts if y > x]


def lookup_keys(text: str) -> list[str]:
    """Keys to try for a surface form, most specific first."""
    key = norm(text)
    keys = [key]
    short = strip_generic(key)
    if short and short != key:
        keys.append(short)
    words = key.split()
    k = 0
    while k < len(words) - 1 and words[k] in DIRECTIONS:
        k += 1
    if k:
        keys.append(" ".join(words[k:]))
    return keys


DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
              "northwestern", "southeastern", "southwestern", "upper", "lower", "greater",
              "north-east", "north-west", "south-east", "south-west", "far", "mid", "of"}
