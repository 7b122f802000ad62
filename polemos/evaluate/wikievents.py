"""WikiEvents (Li et al. 2021, KAIROS ontology): attack, die and injure events and their arguments.

Data: JSONL, one document per line: ``doc_id``, ``tokens``, ``sentences`` (``[[[token, start,
end], ...], sentence text]``), ``entity_mentions`` and ``event_mentions`` (``event_type``,
``trigger`` with document-level token indices ``start``/``end``, ``arguments`` with ``role`` and
``text``). The character offsets of the tokens refer to the sentences laid end to end with the
original gaps, not to the document's ``text`` field (which drops them: "...in SyriaThe desert").
So the text given to polemos is rebuilt from the sentences, each at its first token's offset,
with a line break before every sentence that follows a gap; every gold token offset then holds.

Gold: event mentions of type Conflict.Attack.*, Life.Die.* and Life.Injure.*.
Predicted: polemos' "Political violence" events (Battles, Explosions/Remote violence, Violence
against civilians), riots and excessive force against protesters: ACLED files a crowd's fight
with police under Demonstrations, KAIROS under Conflict.Attack.

- Document level: a document is positive when it has a gold mention / polemos codes an event.
- Mention level: a gold mention is found when one of a predicted event's evidence spans contains
  its trigger (recall); a predicted event is correct when one of its evidence spans contains a
  gold trigger (precision). Several gold mentions in one sentence (an attack and the deaths it
  caused) can be found by one event.
- Arguments, over predicted events that matched: the gold arguments of all the mentions the event
  matched, by field: actor1 <- Attacker (and Killer, Injurer), actor2 <- Target and Victim,
  location <- Place. Head-word overlap: the gold argument's head (its last word, plural "s"
  dropped, lower case) must be one of the words of the predicted text (``actor.text``;
  ``location.text`` and ``location.name``). Precision = right / events where polemos fills the
  field; recall = right / events where gold has the argument. WikiEvents annotates arguments
  sparsely (mostly within the trigger's sentence, often none), so a filled field with no gold
  argument lowers precision without being wrong; ``agreement`` (right / events where both are
  filled) is reported beside it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

GOLD_TYPES = ("Conflict.Attack", "Life.Die", "Life.Injure")
POLITICAL_VIOLENCE = "Political violence"
VIOLENT_DEMONSTRATIONS = {"Violent demonstration", "Mob violence", "Excessive force against protesters"}
FIELDS = {"actor1": ("Attacker", "Killer", "Injurer"), "actor2": ("Target", "Victim"), "location": ("Place",)}


@dataclass
class GoldMention:
    id: str
    type: str  # Attack, Die or Injure
    trigger: str
    start: int  # character offsets of the trigger in the rebuilt text
    end: int
    args: dict[str, list[str]] = field(default_factory=dict)  # role -> argument texts


@dataclass
class Document:
    id: str
    text: str
    mentions: list[GoldMention]


def rebuild_text(sentences: list) -> str:
    """The document text the token offsets refer to: each sentence at its first token's offset."""
    buf: list[str] = []
    for toks, sent in sentences:
        if not toks:
            continue
        a = toks[0][1]
        if len(buf) < a:
            buf.extend(" " * (a - len(buf)))
        buf[a:a + len(sent)] = list(sent)
        if a > 0 and buf[a - 1] == " ":
            buf[a - 1] = "\n"
    return "".join(buf)


def read_document(obj: dict) -> Document:
    sentences = obj["sentences"]
    text = rebuild_text(sentences)
    offsets = [(a, b) for toks, _ in sentences for _, a, b in toks]
    mentions = []
    for em in obj.get("event_mentions", []):
        if not em["event_type"].startswith(GOLD_TYPES):
            continue
        trig = em["trigger"]
        start, end = offsets[trig["start"]][0], offsets[trig["end"] - 1][1]
        args: dict[str, list[str]] = {}
        for a in em.get("arguments", []):
            args.setdefault(a["role"], []).append(a["text"])
        mentions.append(GoldMention(id=em["id"], type=em["event_type"].split(".")[1], trigger=trig["text"],
                                    start=start, end=end, args=args))
    return Document(id=str(obj["doc_id"]), text=text, mentions=mentions)


def read_jsonl(path: Path, limit: int | None = None) -> list[Document]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(read_document(json.loads(line)))
            if limit is not None and len(docs) >= limit:
                break
    return docs


STOP = {"the", "a", "an", "of", "in", "at", "on", "near", "to", "and", "its", "his", "her", "their", "s"}


def words(text: str | None) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP}


def head(text: str) -> str | None:
    """Head word of an argument: its last word (English NPs are head-final), lower case, no plural s."""
    ws = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP]
    return _stem(ws[-1]) if ws else None


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def predicted_text(event: dict, name: str) -> str | None:
    obj = event.get(name) or {}
    if name == "location":
        t, n = obj.get("text"), obj.get("name")
        return (t if n and t and n in t else " ".join(p for p in (t, n) if p)) or None
    return obj.get("text")


def contains(span: dict, m: GoldMention) -> bool:
    return span["start"] <= m.start and m.end <= span["end"]


class Scores:
    def __init__(self) -> None:
        self.doc = Counter()
        self.gold = 0
        self.found = 0
        self.found_by_type = Counter()
        self.gold_by_type = Counter()
        self.predicted = 0
        self.correct = 0
        self.args = {f: Counter() for f in FIELDS}  # predicted, gold, right
        self.errors: list[str] = []

    def add(self, doc: Document, events: list[dict]) -> None:
        pv = [e for e in events if e.get("disorder_type") == POLITICAL_VIOLENCE
              or e.get("sub_event_type") in VIOLENT_DEMONSTRATIONS]
        key = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}
        self.doc[key[(bool(doc.mentions), bool(pv))]] += 1
        self.gold += len(doc.mentions)
        self.predicted += len(pv)
        matched_by: dict[int, list[GoldMention]] = {
            i: [m for m in doc.mentions if any(contains(s, m) for s in e.get("evidence", []))]
            for i, e in enumerate(pv)}
        for m in doc.mentions:
            self.gold_by_type[m.type] += 1
            if any(m in ms for ms in matched_by.values()):
                self.found += 1
                self.found_by_type[m.type] += 1
            else:
                self.errors.append(f"{doc.id}: missed {m.type} {m.trigger!r}: {_sentence(doc.text, m)!r}")
        for i, e in enumerate(pv):
            ms = matched_by[i]
            if not ms:
                self.errors.append(f"{doc.id}: spurious {e['sub_event_type']}: "
                                   f"{(e.get('evidence') or [{}])[0].get('text', '')[:100]!r}")
                continue
            self.correct += 1
            for f, roles in FIELDS.items():
                gold_args = [a for m in ms for r in roles for a in m.args.get(r, [])]
                heads = {h for h in (head(a) for a in gold_args) if h}
                pred = predicted_text(e, f)
                c = self.args[f]
                c["predicted"] += pred is not None
                c["gold"] += bool(heads)
                ok = bool(heads) and pred is not None and bool(heads & words(pred))
                c["right"] += ok
                c["both"] += bool(heads) and pred is not None
                if (heads or pred) and not ok:
                    self.errors.append(f"{doc.id}: {f}: gold {sorted(set(gold_args))}, polemos {pred!r} "
                                       f"({ms[0].trigger!r})")

    def as_dict(self) -> dict:
        def prf(tp: int, npred: int, ngold: int) -> dict:
            p = tp / npred if npred else 0.0
            r = tp / ngold if ngold else 0.0
            return {"precision": round(p, 3), "recall": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}

        d = self.doc
        return {
            "documents": sum(d.values()),
            "document": {**{k: d[k] for k in ("tp", "fp", "fn", "tn")},
                         **prf(d["tp"], d["tp"] + d["fp"], d["tp"] + d["fn"])},
            "mention": {"gold": self.gold, "found": self.found, "predicted": self.predicted,
                        "correct": self.correct, "precision": prf(self.correct, self.predicted, 1)["precision"],
                        "recall": prf(self.found, 1, self.gold)["recall"],
                        "f1": _f1(self.correct / self.predicted if self.predicted else 0.0,
                                  self.found / self.gold if self.gold else 0.0),
                        "recall_by_type": {t: round(self.found_by_type[t] / n, 3)
                                           for t, n in sorted(self.gold_by_type.items())}},
            "arguments": {f: {**{k: c[k] for k in ("predicted", "gold", "right", "both")},
                              **prf(c["right"], c["predicted"], c["gold"]),
                              "agreement": round(c["right"] / c["both"], 3) if c["both"] else 0.0}
                          for f, c in self.args.items()},
            "errors": self.errors,
        }


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def _sentence(text: str, m: GoldMention) -> str:
    a = text.rfind("\n", 0, m.start) + 1
    b = text.find("\n", m.end)
    return text[a: b if b >= 0 else len(text)][:120]


def evaluate_wikievents(path: Path, limit: int | None = None) -> dict:
    """Run polemos on the WikiEvents documents in ``path`` and score detection and arguments."""
    from ..model import Article
    from ..pipeline import Pipeline

    docs = read_jsonl(Path(path), limit)
    articles = [Article(id=d.id, text=d.text) for d in docs]
    scores = Scores()
    for d, result in zip(docs, Pipeline().run(articles)):
        scores.add(d, [e.to_dict() for e in result.events])
    return scores.as_dict()


def format_report(r: dict, errors: int = 30) -> str:
    d, m = r["document"], r["mention"]
    lines = [f"WikiEvents: {r['documents']} documents; gold = Conflict.Attack/Life.Die/Life.Injure mentions, "
             f"predicted = political-violence events and violent demonstrations",
             f"  document  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}   "
             f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']}, tn {d['tn']})",
             f"  mention   P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}   "
             f"({m['correct']} of {m['predicted']} events on a gold trigger; "
             f"{m['found']} of {m['gold']} gold mentions found)",
             "  recall by type: " + ", ".join(f"{t} {v:.3f}" for t, v in m["recall_by_type"].items()),
             "", "arguments over matched events (head-word overlap):"]
    for f, c in r["arguments"].items():
        roles = "/".join(FIELDS[f])
        lines.append(f"  {f:9} <- {roles:24} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}   "
                     f"(right {c['right']}, filled {c['predicted']}, gold {c['gold']}; "
                     f"right where both: {c['right']}/{c['both']})")
    if r["errors"]:
        lines += ["", f"errors ({min(errors, len(r['errors']))} of {len(r['errors'])}):"]
        lines += [f"  {e}" for e in r["errors"][:errors]]
    return "\n".join(lines)
