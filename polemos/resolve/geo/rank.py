"""Resolution: choose one gazetteer entry per toponym from the article's own evidence.

Evidence, in rough order of weight: an explicit container ("Hadrut, Khojavend", "Afrin in
northern Syria", "Alexandria, La."), the article's country focus (unambiguous toponyms and
demonyms), nearness to the other places of the article, its admin1 focus, then prior
prominence (population, feature class, main name vs. alternate name).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from polemos.model import Place, Toponym
from polemos.nlp import doc_text
from polemos.resolve.geo.gazetteer import (
    ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, WATER, Gazetteer, norm, skeleton)
from polemos.resolve.geo.recognize import DIRECTIONS, Spot, lookup_keys, not_places

MAX_CANDIDATES = 60
POP_WEIGHT = 0.8  # per tenfold population
FOCUS_WEIGHT = 3.0  # the article's main country
ADMIN1_WEIGHT = 1.5  # the article's main admin1
CONTAIN_BONUS, CONTAIN_MALUS = 6.0, -2.0
CAPITAL_BONUS = 0.8  # capitals are named far more than their size suggests
PROX_CAP = 3.0  # most the article's other places can add
FEATURE_PRIOR = {COUNTRY: 2.0, CONTINENT: 3.0, REGION: 2.5, WATER: 2.0, ADMIN1: 1.0,
                 ADMIN2: -0.8, CITY: 0.0}
# "X, Y" / "X in Y" / "X in northern Y": Y contains X.
_CONTAIN = re.compile(r"^\s*(,|\(|,?\s+in|,?\s+of)\s+((the\s+)?(north|south|east|west|central|"
                      r"northern|southern|eastern|western|north-?eastern|north-?western|"
                      r"south-?eastern|south-?western|northeast|northwest|southeast|"
                      r"southwest)\s+)?$", re.I)
_ABBREV = re.compile(r"^\s*,\s*((?:[A-Z][a-z]{0,4}\.)(?:\s?[A-Z][a-z]?\.)?)")


def km(a: Place, b: Place) -> float:
    """Great-circle distance in km."""
    if a.latitude is None or b.latitude is None:
        return 1e5
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _inside(child: Place, parent: Place) -> bool:
    if parent.feature == CONTINENT:
        return True
    if parent.country and child.country != parent.country:
        return False
    if parent.feature == COUNTRY:
        return True
    if parent.feature == ADMIN1:
        return child.admin1 == parent.admin1 or km(child, parent) < 250
    if parent.feature == ADMIN2:
        return child.admin2 == parent.admin2 or km(child, parent) < 60
    return km(child, parent) < (300 if parent.feature == REGION else 40)


NATURAL = {"lake", "lakes", "river", "creek", "mount", "mountain", "mountains", "bay", "island",
           "park", "street", "road", "avenue", "boulevard", "highway", "school", "college",
           "university", "hospital", "church", "center", "centre", "airport", "station",
           "township", "forest", "beach", "valley", "falls", "hill", "hills", "canyon"}


def candidates(gaz: Gazetteer, text: str) -> list[tuple[Place, bool]]:
    """Gazetteer entries a surface form may name, the most prominent first."""
    if text.endswith("."):
        st = gaz.abbrev_state(text)
        if st:
            return [(st, True)]
    for key in lookup_keys(text):
        found = list(gaz._cands(key))
        if found:
            found.sort(key=lambda c: -(c[0].population or 0))
            return found[:MAX_CANDIDATES]
    for key in lookup_keys(text):  # "Maarat al-Numan" for "Ma'arrat an Nu'man"
        loose = skeleton(key)
        found = list(gaz._cands(loose)) if loose else []
        if found:
            found.sort(key=lambda c: -(c[0].population or 0))
            return found[:MAX_CANDIDATES]
    # "London-based", "University of Illinois": the longest known capitalised part, unless
    # the name is a lake, street, school... of that place, which is not the place.
    words = text.replace("-", " ").split()
    if len(words) < 2 or any(w.lower() in NATURAL for w in words):
        return []
    for size in range(len(words) - 1, 0, -1):
        for a in range(len(words) - size + 1):
            part = words[a:a + size]
            if not all(w[:1].isupper() for w in part):
                continue
            key = norm(" ".join(part))
            if key in STOP_PARTS or key in DIRECTIONS or key in not_places():
                continue
            # Only names that stand on their own: a country, a province, a big city.
            found = [c for c in gaz._cands(key)
                     if c[1] and (c[0].feature in (COUNTRY, ADMIN1, REGION, CONTINENT, WATER)
                                  or (c[0].population or 0) >= 100_000)]
            if found:
                found.sort(key=lambda c: -(c[0].population or 0))
                return found[:MAX_CANDIDATES]
    return []


STOP_PARTS = {"of", "the", "and", "republic", "islamic", "new", "north", "south", "east",
              "west", "central", "lakes", "city", "state", "county", "united", "saint", "st"}


def _prior(p: Place, main: bool) -> float:
    if p.feature == WATER:  # no population; oceans and seas are what the bare names mean
        return 7.0
    pop = p.population or (500 if p.feature == CITY else 0)
    w = POP_WEIGHT if p.feature in (CITY, COUNTRY, REGION, CONTINENT) else 0.75 * POP_WEIGHT
    return w * math.log10(pop + 1) + FEATURE_PRIOR.get(p.feature, 0.0) + (1.0 if main else 0.0)


_WORD = re.compile(r"[^\W\d_]+")


def resolve(spots: list[Spot], doc, gaz: Gazetteer) -> list[Toponym]:
    """One Toponym per spot, ``place`` None where nothing fits."""
    text = doc_text(doc)
    cands = [candidates(gaz, s.text) for s in spots]

    # Containers named right after a toponym.
    parents: list[list[Place]] = [[] for _ in spots]
    for i, s in enumerate(spots):
        if i + 1 < len(spots) and _CONTAIN.match(text[s.end:spots[i + 1].start]):
            parents[i] = [p for p, _ in cands[i + 1]]
        m = _ABBREV.match(text[s.end:s.end + 12])
        if m:
            st = gaz.abbrev_state(m.group(1))
            if st:
                parents[i] = [st]

    # Country evidence from demonyms ("Azerbaijani forces") and unambiguous toponyms.
    demonym_focus: Counter = Counter()
    for word in _WORD.findall(text):  # words, not tokens: walking a Doc in Python is slow
        if word[:1].isupper():
            cc = gaz.demonyms.get(word.lower())
            if cc:
                demonym_focus[cc] += 0.5
    focus = Counter(demonym_focus)
    for s, c in zip(spots, cands):
        ccs = {p.country for p, _ in c if p.country}
        if len(ccs) == 1 and not s.weak:
            focus[next(iter(ccs))] += 1.0

    near = _collective(spots, cands)

    chosen: list[Place | None] = [None] * len(spots)
    by_key: dict[str, int] = {}
    for rnd in range(3):
        # Share of the country evidence, so a mixed article favours no one country fully.
        fmax = sum(focus.values()) or 1.0
        a1focus: Counter = Counter()
        if rnd:
            for p in chosen:
                if p and p.feature in (CITY, ADMIN2, ADMIN1) and p.admin1:
                    a1focus[(p.country, p.admin1)] += 1
        amax = max(a1focus.values(), default=0) or 1.0
        new: list[Place | None] = []
        for i, c in enumerate(cands):
            if not c:
                new.append(None)
                continue
            best, best_s = None, -1e9
            for p, main in c:
                s = _prior(p, main)
                if p.feature == CITY and (p.country, p.latitude, p.longitude) in gaz.capitals:
                    s += CAPITAL_BONUS
                if p.country:
                    s += FOCUS_WEIGHT * focus.get(p.country, 0) / fmax
                if rnd and p.admin1:
                    # Minus this toponym's own vote, so a place cannot confirm itself.
                    own = 1 if chosen[i] and (chosen[i].country, chosen[i].admin1) == (
                        p.country, p.admin1) else 0
                    s += ADMIN1_WEIGHT * max(0, a1focus.get((p.country, p.admin1), 0) - own) / amax
                if parents[i]:
                    s += CONTAIN_BONUS if any(_inside(p, q) for q in parents[i]) else CONTAIN_MALUS
                s += near.get((i, id(p)), 0.0)
                if s > best_s:
                    best, best_s = p, s
            new.append(best)
        # One reading per name within an article.
        by_key.clear()
        for i, p in enumerate(new):
            k = norm(spots[i].text)
            if p is not None and k not in by_key:
                by_key[k] = i
        chosen = [new[by_key[norm(s.text)]] if norm(s.text) in by_key else new[i]
                  for i, s in enumerate(spots)]
        if rnd == 0:
            keep = _keep_weak(spots, chosen, demonym_focus)
            spots = [s for s, k in zip(spots, keep) if k]
            cands = [c for c, k in zip(cands, keep) if k]
            parents = [q for q, k in zip(parents, keep) if k]
            chosen = [p for p, k in zip(chosen, keep) if k]
        focus = Counter(demonym_focus)
        for p in chosen:
            if p and p.country:
                focus[p.country] += 1.0
    chosen = _drop_far_alternates(spots, cands, chosen, demonym_focus)
    return [Toponym(s.text, s.start, s.end, p) for s, p in zip(spots, chosen)]


FOREIGN_ALTERNATE_SHARE = 0.6


def _drop_far_alternates(spots: list[Spot], cands: list[list[tuple[Place, bool]]],
                         chosen: list[Place | None], demonym_focus: Counter) -> list[Place | None]:
    """A town reached only through an alternate name and lying outside a clearly dominant
    country of the article is left unresolved: "Boni" in a story about Mali is a Malian
    village missing from the gazetteer, not Bonn (whose alternate names include "Boni").
    The country evidence leaves out the toponym's own mentions, so a name cannot vote for itself."""
    out = []
    for i, (c, p) in enumerate(zip(cands, chosen)):
        if p is None or p.feature != CITY or any(q is p and m for q, m in c):
            out.append(p)
            continue
        key = norm(spots[i].text)
        focus = Counter(demonym_focus)
        for s, q in zip(spots, chosen):
            if q is not None and q.country and norm(s.text) != key:
                focus[q.country] += 1.0
        total = sum(focus.values())
        country, votes = focus.most_common(1)[0] if total else (None, 0)
        foreign = country is not None and p.country != country and votes / total >= FOREIGN_ALTERNATE_SHARE
        out.append(None if foreign else p)
    return out


def _collective(spots: list[Spot], cands: list[list[tuple[Place, bool]]]
                ) -> dict[tuple[int, int], float]:
    """Bonus per (spot, candidate) for lying near some reading of the article's other names,
    or in an admin1 another name may be: local places cluster ("Mansfield" near
    "Shreveport", "Alexandria" in "Rapides Parish")."""
    keys = [norm(s.text) for s in spots]
    rows, owner, a1s = [], [], defaultdict(set)
    for i, c in enumerate(cands):
        for p, _ in c[:30]:
            if p.feature in (CITY, ADMIN2, REGION) and p.latitude is not None:
                rows.append((p.latitude, p.longitude))
                owner.append(i)
            if p.feature in (ADMIN1, ADMIN2) and p.country and p.admin1:
                a1s[keys[i]].add((p.country, p.admin1))
    out: dict[tuple[int, int], float] = {}
    if not rows:
        return out
    import numpy as np

    lat = np.radians(np.array([r[0] for r in rows]))
    lon = np.radians(np.array([r[1] for r in rows]))
    own = np.array(owner)
    own_key = np.array([hash(keys[i]) for i in owner])
    for i, c in enumerate(cands):
        for p, _ in c[:30]:
            bonus = 0.0
            if p.latitude is not None and p.feature in (CITY, ADMIN2, REGION):
                la, lo = math.radians(p.latitude), math.radians(p.longitude)
                h = (np.sin((lat - la) / 2) ** 2
                     + np.cos(la) * np.cos(lat) * np.sin((lon - lo) / 2) ** 2)
                d = 12742.0 * np.arcsin(np.sqrt(np.minimum(1.0, h)))
                other = own_key != hash(keys[i])
                best: dict[int, float] = {}
                for k, dk in zip(own[other].tolist(), d[other].tolist()):
                    if dk < best.get(k, 1e9):
                        best[k] = dk
                seen = set()
                for k, dk in best.items():
                    if keys[k] in seen:
                        continue
                    seen.add(keys[k])
                    bonus += 1.0 if dk < 25 else 0.6 if dk < 80 else 0.25 if dk < 200 else 0.0
            if p.country and p.admin1 and p.feature != ADMIN1:
                bonus += 0.7 * sum(1 for k, v in a1s.items()
                                   if k != keys[i] and (p.country, p.admin1) in v)
            if bonus:
                out[(i, id(p))] = min(PROX_CAP, bonus)
    return out


def _keep_weak(spots: list[Spot], chosen: list[Place | None], demonym_focus: Counter
               ) -> list[bool]:
    """Keep a weakly spotted name only if it lands in a country the sure toponyms or the
    demonyms of the article point to, or near one of its sure places."""
    focus = Counter(demonym_focus)
    sure_places = []
    for s, p in zip(spots, chosen):
        if p is not None and not s.weak:
            if p.country:
                focus[p.country] += 1.0
            if p.feature in (CITY, ADMIN2):
                sure_places.append(p)
    top = max(focus.values(), default=0)
    keep = []
    for s, p in zip(spots, chosen):
        if not s.weak:
            keep.append(True)
        elif p is None or p.country is None:
            keep.append(False)
        else:
            keep.append((top > 0 and focus.get(p.country, 0) >= 0.5 * top)
                        or any(km(p, q) < 100 for q in sure_places))
    return keep
