"""MUC-4 (1992) terrorism messages and answer keys: message detection and victim counts.

Data: message files (``dev-muc3-0001-0100``, ``tst1-muc3``...) hold messages that start with an
id line (``DEV-MUC3-0001 (NOSC)``) and a dateline (``SAN SALVADOR, 3 JAN 90 -- [TEXT] ...``);
key files (``key-dev-0001.muc4``, ``key-tst1.v7``...) hold one 25-slot template per incident
(a message with no incident has one template of ``*``).

What is given to polemos: the message body without the id line and dateline, leading ``[TEXT]``
style tags removed, the hard-wrapped lines of a paragraph joined (polemos ends a sentence at a
line break), ``published`` = the dateline's date. With ``truecase=True`` the upper-case text is
first put in a plausible mixed case (``truecase``, below); the truecasing lives in this adapter
only. Offsets do not matter here, so the text may change length.

Gold, per template: it counts when it is not ``(OPTIONAL)``, its stage of execution is
ACCOMPLISHED and its type one of ATTACK, BOMBING, KIDNAPPING, ARSON ("relevant"). Templates
that are optional, threatened or attempted only, or of another type (ROBBERY, FORCED WORK
STOPPAGE) are "uncertain": a message whose only templates are uncertain is left out of the
detection score (counted as ``skipped``).

(a) Detection, per message: gold positive = at least one relevant template; predicted positive =
polemos codes at least one "Political violence" event (Battles, Explosions/Remote violence,
Violence against civilians). Precision/recall/F1 over messages, plus recall per incident type.
MUC-4 codes terrorist acts only: combat between the army and guerrillas has no template, while
polemos codes it as an Armed clash, so the score is also given counting only non-Battles events
as detections.

(b) Victim counts. A relevant template's killed count is the sum of HUM TGT: NUMBER over the
human targets whose HUM TGT: EFFECT OF INCIDENT is DEATH (first alternative of ``A / B``; an
effect without a quoted target applies to every target; a named target without a number is 1;
``5-``, ``-26`` and ``~30`` read as 5, 26 and 30; a target counted PLURAL or ``*`` makes the
count unknown and the template is not scored for it). Injured likewise with INJURY. Only
templates with a known count of at least one are scored (a zero in the key is usually "NO
INJURY OR DEATH" of a building's guards and says little about counting). Two comparisons:

- incident level: in each message, the gold counts are matched one-to-one with the
  fatalities (injured) of polemos' political-violence events, greedily by smallest absolute
  difference; events with a null count are used last. A gold count left without an event is
  ``no event``, one matched to a null count is ``null``; otherwise exact / within-1 / wrong.
- message level: the sum of the scored gold counts against the sum of the non-null counts of
  polemos' political-violence events (``null`` when all are null or there are none).

Exact and within-1 accuracies are over all scored gold counts (null and no-event count as
wrong); ``null_rate`` is the share of scored counts for which polemos has an event but no number.
Note that MUC-4 counts human targets, not perpetrators: "three subversives were killed" in a
clash is a template about the attack, but the dead guerrillas are not HUM TGTs, while polemos
counts all deaths (its coding rule). Some disagreement is therefore by design.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..model import EVENT_TYPE_OF

RELEVANT_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON")
POLITICAL_VIOLENCE = "Political violence"
MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
MESSAGE_ID = re.compile(r"^([A-Z0-9]+-MUC\d-\d{4})\b", re.M)
SLOT = re.compile(r"^(\d+)\.\s+([A-Z]+(?: [A-Z]+)*: [A-Z]+(?: [A-Z]+)*?)(?:\s{2,}(.*?))?\s*$")


# ---------------------------------------------------------------------------- messages

@dataclass
class Message:
    id: str
    text: str  # the body as given to polemos (before truecasing)
    published: date | None
    raw: str = ""


def _date(day: str, month: str, year: str | None) -> date | None:
    if not year or month not in MONTHS:
        return None
    try:
        return date(1900 + int(year), MONTHS[month], int(day))
    except ValueError:
        return None


def parse_messages(text: str) -> list[Message]:
    """The messages of one message file, in order."""
    starts = [m for m in MESSAGE_ID.finditer(text)]
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        raw = text[m.end():end].split("\n", 1)[1] if "\n" in text[m.end():end] else ""
        body, published = raw, None
        head = re.match(r"\s*(.*?)\s--\s", raw, re.S)
        if head and len(head.group(1)) < 200:
            d = re.search(r",\s*(\d{1,2})\s+([A-Z]{3})\s*(\d{2})?\b", head.group(1))
            if d:
                published = _date(*d.groups())
            body = raw[head.end():]
        body = re.sub(r"^\s*(\[[^\]]*\]\s*)+", "", body)  # [REPORT] [SOURCE, X] [TEXT]
        out.append(Message(id=m.group(1), text=unwrap(body), published=published, raw=raw))
    return out


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph; paragraphs are separated by blank lines."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


# ---------------------------------------------------------------------------- keys

@dataclass
class Target:
    ref: str  # the quoted description or name linking the slots
    number: int | None  # None: PLURAL, unknown
    effect: str | None  # DEATH, INJURY, NO INJURY OR DEATH, ... (first alternative)


@dataclass
class Template:
    message_id: str
    index: int | None  # None: the message has no template
    optional: bool = False
    incident_type: str | None = None
    stage: str | None = None
    date: str | None = None
    location: str | None = None
    perpetrator: str | None = None
    slots: dict[int, list[str]] = field(default_factory=dict)

    @property
    def relevant(self) -> bool:
        return (self.index is not None and not self.optional and self.stage == "ACCOMPLISHED"
                and self.incident_type in RELEVANT_TYPES)

    def targets(self) -> list[Target]:
        numbers: dict[str, int | None] = {}
        for e in self.slots.get(21, []):
            head, ref = _entry(e)
            if ref:
                numbers[ref] = _number(head)
        refs = [_entry(e)[0].strip('"') for e in self.slots.get(18, []) if _entry(e)[0] not in ("", "-", "*")]
        refs += [_entry(e)[0].strip('"') if not _entry(e)[1] else _entry(e)[1]
                 for e in self.slots.get(19, []) if _entry(e)[0] not in ("", "-", "*")]
        refs = list(dict.fromkeys(r for r in refs if r))
        effects: dict[str, str] = {}
        for e in self.slots.get(23, []):
            head, ref = _entry(e)
            eff = _first_alt(head)
            if not eff or eff in ("-", "*"):
                continue
            for r in ([ref] if ref else refs):
                effects.setdefault(r, eff)
        out = []
        for r in refs:
            named = any(_entry(e)[0].strip('"') == r for e in self.slots.get(18, []))
            num = numbers[r] if r in numbers else (1 if named else None)
            out.append(Target(ref=r, number=num, effect=effects.get(r)))
        return out

    def count(self, effect: str) -> int | None:
        """Number of human targets with this effect; None if the key gives none or an unknown one."""
        hit = [t for t in self.targets() if t.effect == effect]
        if not hit or any(t.number is None for t in hit):
            return None
        return sum(t.number for t in hit)


def _entry(e: str) -> tuple[str, str | None]:
    """``5-: "PEOPLE"`` -> ("5-", "PEOPLE"); ``"ARNULFO ROMERO"`` -> ('"ARNULFO ROMERO"', None)."""
    m = re.match(r'^(.*?):\s*"([^"]*)"', e)
    if m and not m.group(1).startswith('"'):
        return m.group(1).strip(), m.group(2)
    m = re.match(r'^\s*"([^"]*)"\s*:\s*"([^"]*)"', e)  # "MONSIGNOR": "ARNULFO ROMERO"
    if m:
        return f'"{m.group(1)}"', m.group(2)
    m = re.match(r'^\s*(\?\s*)?"([^"]*)"', e)
    if m:
        return f'"{m.group(2)}"', None
    return e.strip(), None


def _first_alt(s: str) -> str:
    return s.split("/")[0].strip().strip("()").lstrip("?").strip()


def _number(s: str) -> int | None:
    m = re.match(r"^[~\-]?(\d+)-?$", _first_alt(s))
    return int(m.group(1)) if m else None


def _field(t: Template, n: int) -> str | None:
    vals = t.slots.get(n, [])
    v = vals[0].strip() if vals else ""
    return None if v in ("", "*", "-") else v


def parse_key(text: str) -> dict[str, list[Template]]:
    """Templates by message id, for one key file."""
    out: dict[str, list[Template]] = {}
    for block in re.split(r"\n\s*\n", text):
        slots: dict[int, list[str]] = {}
        last = None
        for line in block.splitlines():
            if not line.strip() or line.lstrip().startswith(";"):
                continue
            m = SLOT.match(line)
            if m:
                last = int(m.group(1))
                slots[last] = [m.group(3)] if m.group(3) else []
            elif last is not None and line.startswith(" "):
                slots[last].append(line.strip())
        if 0 not in slots or not slots[0]:
            continue
        mid = slots[0][0].split()[0]
        tv = (slots.get(1) or ["*"])[0]
        num = re.match(r"\d+", tv)
        t = Template(message_id=mid, index=int(num.group()) if num else None, optional="OPTIONAL" in tv,
                     slots=slots)
        t.incident_type = (_field(t, 4) or "").lstrip("? ").split(" / ")[0].strip() or None
        t.stage = (_field(t, 5) or "").lstrip("? ").split(" / ")[0].strip() or None
        t.date, t.location = _field(t, 2), _field(t, 3)
        t.perpetrator = _field(t, 10) or _field(t, 9)
        out.setdefault(mid, [])
        if t.index is not None:
            out[mid].append(t)
    return out


def find_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(message files, key files) among paths and the directories given."""
    msgs, keys = [], []
    for p in paths:
        files = sorted(x for x in p.iterdir() if x.is_file()) if p.is_dir() else [p]
        for f in files:
            head = f.read_text(encoding="latin-1")[:2000]
            if re.search(r"^0\.\s+MESSAGE: ID", head, re.M):
                keys.append(f)
            elif MESSAGE_ID.search(head):
                msgs.append(f)
    return msgs, keys


def _siblings(paths: list[Path]) -> list[Path]:
    """A key file alone brings its directory's message files, and a message file its keys."""
    out = list(paths)
    for p in paths:
        if p.is_file() and p.parent not in out:
            out.append(p.parent)
    return out


# ---------------------------------------------------------------------------- truecasing

FUNCTION_WORDS = {"de", "del", "la", "las", "los", "el", "y", "e", "da", "do", "dos", "das", "of", "the", "and"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTH_NAMES = {"january", "february", "april", "june", "july", "august", "september", "october",
               "november", "december"}  # "march" and "may" only next to a number


class Truecaser:
    """Sentence case plus capitals for names: a simple, explainable truecaser for upper-case wires.

    Lower-case everything, then capitalise: sentence starts; words that are not English (not in
    the spaCy lemmatizer's WordNet index, after its own suffix rules, nor a stop word), as likely
    names (``CRISTIANI``, ``USULUTAN``), or in upper case when they have no vowel and at most
    five letters (``FMLN``); multi-word gazetteer names (``SAN SALVADOR``, ``LA ESPERANZA``)
    except their function words; English words that are a country, a first-level division,
    a place of at least 100,000 people or a demonym (``PERU``, ``LIMA``, ``SALVADORAN``);
    weekdays, months (``MARCH``/``MAY`` only beside a number), "I" and "U.S."-style initials.
    """

    def __init__(self, nlp=None, gazetteer=None):
        from spacy.lang.en.stop_words import STOP_WORDS

        from ..nlp import load
        from ..resolve.geo.gazetteer import Gazetteer

        lem = (nlp or load()).get_pipe("lemmatizer")
        self.index = {p: set(lem.lookups.get_table("lemma_index")[p]) for p in ("noun", "verb", "adj", "adv")}
        self.rules = lem.lookups.get_table("lemma_rules")
        self.exc = lem.lookups.get_table("lemma_exc")
        self.stop = set(STOP_WORDS)
        self.gaz = gazetteer or Gazetteer.load()
        self.english = lru_cache(maxsize=100_000)(self._english)
        self.place_word = lru_cache(maxsize=100_000)(self._place_word)
        self.multi = lru_cache(maxsize=200_000)(self._multi)

    def _pos_of(self, w: str) -> set[str]:
        found = set()
        for pos, words in self.index.items():
            if w in words or w in self.exc.get(pos, {}):
                found.add(pos)
                continue
            for old, new in self.rules.get(pos, []):
                if old and w.endswith(old) and (w[: len(w) - len(old)] + new) in words:
                    found.add(pos)
                    break
        return found

    def _english(self, w: str) -> bool:
        return w in self.stop or w.isdigit() or bool(self._pos_of(w))

    def _place_word(self, w: str) -> bool:
        if w in self.stop or len(w) < 3:
            return False
        if w in self.gaz.demonyms:
            return True
        return self._pos_of(w) <= {"noun"} and self._big_place(w)

    def _big_place(self, name: str) -> bool:
        return any(p.feature in ("country", "admin1") or (p.population or 0) >= 100_000
                   for p, _ in self.gaz.candidates(name))

    def _multi(self, key: str) -> bool:
        words = key.split()
        if words[0] in FUNCTION_WORDS - {"la", "el", "los", "las"} or words[-1] in FUNCTION_WORDS:
            return False
        if not self.gaz.candidates(key):
            return False
        content = [w for w in words if w not in FUNCTION_WORDS]
        return any(not self.english(w) for w in content) or self._big_place(key)

    def __call__(self, text: str) -> str:
        low = text.lower()
        out = list(low)
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[a-z]+(?:'[a-z]+)?", low)]

        def cap(s: int, e: int, upper: bool = False) -> None:
            if upper:
                out[s:e] = list(low[s:e].upper())
            else:
                out[s] = out[s].upper()

        i = 0
        while i < len(words):
            done = False
            for n in (4, 3, 2):
                span = words[i:i + n]
                if len(span) < n or any(low[a[1]:b[0]] != " " for a, b in zip(span, span[1:])):
                    continue
                if self.multi(" ".join(w for _, _, w in span)):
                    for k, (s, e, w) in enumerate(span):
                        if k == 0 or w not in FUNCTION_WORDS:
                            cap(s, e)
                    i += n
                    done = True
                    break
            if done:
                continue
            s, e, w = words[i]
            bare = w.split("'")[0]
            near_number = bool(re.search(r"\d\s*$", low[max(0, s - 4):s]) or re.match(r"^\s*\d", low[e:e + 4]))
            if bare == "i" or bare in WEEKDAYS or bare in MONTH_NAMES or (bare in ("march", "may") and near_number):
                cap(s, e)
            elif len(bare) > 1 and not self.english(bare):
                cap(s, e, upper=len(bare) <= 5 and not re.search(r"[aeiouy]", bare))
            elif self.place_word(bare):
                cap(s, e)
            i += 1
        res = "".join(out)
        res = re.sub(r"\b([a-z])\.([a-z])\.", lambda m: m.group().upper(), res)  # u.s. -> U.S.

        def start(m: re.Match) -> str:
            before = res[max(0, m.start() - 6):m.start() + 1]
            if m.group(1).startswith(".") and re.search(r"(\b[a-z]\.[a-z]|\b(?:gen|col|lt|sgt|capt|maj|mr|mrs|dr|"
                                                        r"st|no|gov|rev|sen|rep|ing|lic)|\b[a-z])\.$", before, re.I):
                return m.group()  # an abbreviation, not a sentence end
            return m.group(1) + m.group(2) + m.group(3).upper()

        return re.sub(r"(^\s*|[.!?][\"')\]]?\s+|\n\s*)([\"'(\[]?)([a-z])", start, res)


# ---------------------------------------------------------------------------- scoring

@dataclass
class Prediction:
    """What polemos gave for one message: its political-violence events' counts and sub-types."""

    fatalities: list[int | None]
    injured: list[int | None]
    sub_types: list[str]
    evidence: list[str] = field(default_factory=list)

    @property
    def detected(self) -> bool:
        return bool(self.sub_types)


def prediction_from_events(events: list[dict]) -> Prediction:
    pv = [e for e in events if e.get("disorder_type") == POLITICAL_VIOLENCE]
    return Prediction(fatalities=[e.get("fatalities") for e in pv], injured=[e.get("injured") for e in pv],
                      sub_types=[e["sub_event_type"] for e in pv],
                      evidence=[(e.get("evidence") or [{}])[0].get("text", "") for e in pv])


def match_counts(gold: list[int], pred: list[int | None]) -> list[tuple[int, int | None | str]]:
    """Pair each gold count with a predicted one, one-to-one, closest first.

    Returns (gold, predicted) pairs in gold order; predicted is an int, None (matched to an event
    with no count) or "no event" (more gold counts than events)."""
    pairs = sorted((abs(g - p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if p is not None)
    got: dict[int, int | None | str] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi in got or pi in used:
            continue
        got[gi] = pred[pi]
        used.add(pi)
    nulls = [pi for pi, p in enumerate(pred) if p is None]
    for gi in range(len(gold)):
        if gi not in got:
            if nulls:
                nulls.pop()
                got[gi] = None
            else:
                got[gi] = "no event"
    return [(g, got[gi]) for gi, g in enumerate(gold)]


def _verdict(g: int, p) -> str:
    if p == "no event":
        return "no event"
    if p is None:
        return "null"
    return "exact" if p == g else ("within1" if abs(p - g) <= 1 else "wrong")


class Scores:
    def __init__(self) -> None:
        self.det = Counter()  # tp, fp, fn, tn, skipped
        self.det_no_battles = Counter()  # the same, counting only non-Battles events as detections
        self.by_type = Counter()  # (incident type, detected?)
        self.counts = {k: Counter() for k in ("killed", "injured", "killed_sum", "injured_sum")}
        self.errors: list[str] = []

    def add(self, mid: str, templates: list[Template], pred: Prediction) -> None:
        relevant = [t for t in templates if t.relevant]
        if not relevant and templates:
            self.det["skipped"] += 1
        else:
            key = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}
            self.det[key[(bool(relevant), pred.detected)]] += 1
            no_battles = any(EVENT_TYPE_OF.get(t) != "Battles" for t in pred.sub_types)
            self.det_no_battles[key[(bool(relevant), no_battles)]] += 1
            if relevant and not pred.detected:
                self.errors.append(f"{mid}: missed {', '.join(sorted({t.incident_type for t in relevant}))}"
                                   f" ({relevant[0].date}, {relevant[0].location})")
            if not relevant and pred.detected:
                self.errors.append(f"{mid}: spurious {pred.sub_types[0]}: {pred.evidence[0][:100]!r}")
        for t in {t.incident_type for t in relevant}:
            self.by_type[(t, pred.detected)] += 1
        for effect, name, values in (("DEATH", "killed", pred.fatalities), ("INJURY", "injured", pred.injured)):
            gold = [c for c in (t.count(effect) for t in relevant) if c]
            if not gold:
                continue
            for g, p in match_counts(gold, values):
                v = _verdict(g, p)
                self.counts[name][v] += 1
                if v != "exact":
                    self.errors.append(f"{mid}: {name}: key {g}, polemos {p}")
            known = [x for x in values if x is not None]
            self.counts[name + "_sum"][_verdict(sum(gold), sum(known) if known else
                                                (None if values else "no event"))] += 1

    def as_dict(self) -> dict:
        d = self.det
        p, r, f = _prf(d)
        counts = {}
        for name, c in self.counts.items():
            n = sum(c.values())
            counts[name] = {"scored": n, **{k: c[k] for k in ("exact", "within1", "wrong", "null", "no event")},
                            "exact_acc": round(c["exact"] / n, 3) if n else 0.0,
                            "within1_acc": round((c["exact"] + c["within1"]) / n, 3) if n else 0.0,
                            "null_rate": round(c["null"] / n, 3) if n else 0.0}
        types = sorted({t for t, _ in self.by_type})
        return {"messages": sum(d.values()), "detection": {
                    "tp": d["tp"], "fp": d["fp"], "fn": d["fn"], "tn": d["tn"], "skipped": d["skipped"],
                    "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                    "recall_by_type": {t: round(self.by_type[(t, True)] / (self.by_type[(t, True)]
                                                                          + self.by_type[(t, False)]), 3)
                                       for t in types},
                    "without_battles": dict(zip(("precision", "recall", "f1"), _prf(self.det_no_battles)))},
                "counts": counts, "errors": self.errors}


def _prf(d: Counter) -> tuple[float, float, float]:
    p = d["tp"] / (d["tp"] + d["fp"]) if d["tp"] + d["fp"] else 0.0
    r = d["tp"] / (d["tp"] + d["fn"]) if d["tp"] + d["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def evaluate_muc4(path: Path | list[Path], limit: int | None = None, truecase: bool = True) -> dict:
    """Run polemos on the MUC-4 messages under ``path`` (files or directories) and score them."""
    from ..model import Article
    from ..pipeline import Pipeline

    paths = [Path(p) for p in (path if isinstance(path, (list, tuple)) else [path])]
    msg_files, key_files = find_files(_siblings(paths))
    keys: dict[str, list[Template]] = {}
    for k in dict.fromkeys(key_files):
        keys.update(parse_key(k.read_text(encoding="latin-1")))
    messages = [m for f in dict.fromkeys(msg_files) for m in parse_messages(f.read_text(encoding="latin-1"))]
    if not keys:
        raise FileNotFoundError("no MUC-4 key file found (files whose first slot is '0.  MESSAGE: ID')")
    messages = [m for m in messages if m.id in keys][:limit]
    if not messages:
        raise FileNotFoundError("no MUC-4 messages with a key found")
    pipe = Pipeline()
    caser = Truecaser(pipe.nlp, pipe.geoparser.gazetteer) \
        if truecase else None
    articles = [Article(id=m.id, text=caser(m.text) if caser else m.text, published=m.published,
                        published_from="input" if m.published else None) for m in messages]
    scores = Scores()
    for m, result in zip(messages, pipe.run(articles)):
        scores.add(m.id, keys[m.id], prediction_from_events([e.to_dict() for e in result.events]))
    out = scores.as_dict()
    out["truecase"] = truecase
    out["key_files"] = [str(k) for k in dict.fromkeys(key_files)]
    return out


def format_report(r: dict, errors: int = 30) -> str:
    d = r["detection"]
    lines = [f"MUC-4: {r['messages']} messages, truecase {'on' if r.get('truecase') else 'off'}",
             f"message detection (>=1 relevant incident vs >=1 political-violence event; {d['skipped']} "
             f"messages with only optional/attempted/threat templates skipped):",
             f"  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}   "
             f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']}, tn {d['tn']})",
             "  only non-Battles events as detections (MUC-4 leaves out army-guerrilla combat): "
             "P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}".format(**d["without_battles"]),
             "  recall by incident type: " + ", ".join(f"{t} {v:.3f}" for t, v in d["recall_by_type"].items()),
             "", "victim counts (key counts >= 1; null = event without a number, no event = nothing to match):",
             f"  {'':12} {'scored':>6} {'exact':>6} {'within1':>8} {'null':>6}  exact/within1/wrong/null/no event"]
    for name, c in r["counts"].items():
        lines.append(f"  {name:12} {c['scored']:6} {c['exact_acc']:6.3f} {c['within1_acc']:8.3f} "
                     f"{c['null_rate']:6.3f}  {c['exact']}/{c['within1']}/{c['wrong']}/{c['null']}/{c['no event']}")
    if r["errors"]:
        lines += ["", f"errors ({min(errors, len(r['errors']))} of {len(r['errors'])}):"]
        lines += [f"  {e}" for e in r["errors"][:errors]]
    return "\n".join(lines)
