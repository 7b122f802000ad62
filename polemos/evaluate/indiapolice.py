"""IndiaPoliceEvents (Halterman et al. 2021): Times of India articles whose sentences are
labelled with police actions: KILL, ARREST, FORCE, FAIL (and ANY_ACTION).

The gold marks what the police did, not every ACLED event, so this adapter scores what it
can fairly score:

- sentence recall per label: a labelled sentence is found when an event's evidence overlaps
  it, and found *with a fitting type* when that event's sub-type fits the label (KILL and
  FORCE: a political-violence event, force against protesters, or a riot, since ACLED codes
  police firing on rioters within the riot event; ARREST: Arrests or Protest with
  intervention);
- document detection: a document with a KILL, FORCE or ARREST sentence against polemos
  coding at least one event. Events in documents without such sentences (a riot with no
  police action, a militant attack) count against precision although many are real, so read
  the precision as a lower bound.

Files: ``docs.jsonl`` (doc_id, doc_text), ``sents.jsonl`` (doc_id, sent_id, sent_labels,
sent_text), ``metadata.jsonl`` (doc_id, date), in one directory.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from ..model import DISORDER_TYPE_OF, EVENT_TYPE_OF

LABELS = ("KILL", "FORCE", "ARREST")
PROTEST_INTERVENTION = {"Protest with intervention", "Excessive force against protesters"}
RIOTS = {"Violent demonstration", "Mob violence"}


def fits(label: str, sub_event_type: str) -> bool:
    """Whether an event of ``sub_event_type`` is a fair coding of a police action ``label``."""
    violent = DISORDER_TYPE_OF[EVENT_TYPE_OF[sub_event_type]] == "Political violence"
    if label == "KILL":
        return violent or sub_event_type == "Excessive force against protesters" or sub_event_type in RIOTS
    if label == "FORCE":
        return violent or sub_event_type in PROTEST_INTERVENTION or sub_event_type in RIOTS
    return sub_event_type in ("Arrests", "Protest with intervention")


def _jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: give the IndiaPoliceEvents directory "
                                "(docs.jsonl, sents.jsonl, metadata.jsonl)")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_corpus(directory: Path, limit: int | None = None):
    """(doc_id, text, published, [(start, end, labels)]) per document, in file order."""
    docs = _jsonl(directory / "docs.jsonl")[:limit]
    dates = {m["doc_id"]: m.get("date") for m in _jsonl(directory / "metadata.jsonl")}
    sents = defaultdict(list)
    for s in _jsonl(directory / "sents.jsonl"):
        sents[s["doc_id"]].append(s)
    out = []
    for d in docs:
        text, pos, spans = d["doc_text"], 0, []
        for s in sorted(sents[d["doc_id"]], key=lambda s: s["sent_id"]):
            at = text.find(s["sent_text"].strip(), pos)
            if at < 0:
                continue  # a sentence the corpus split oddly; it cannot be placed, so it is not scored
            end = at + len(s["sent_text"].strip())
            spans.append((at, end, set(s["sent_labels"]) & set(LABELS)))
            pos = end
        published = dates.get(d["doc_id"])
        out.append((str(d["doc_id"]), text, date.fromisoformat(published) if published else None, spans))
    return out


def evaluate_indiapolice(directory: Path, limit: int | None = None) -> dict:
    from ..model import Article
    from ..pipeline import Pipeline

    corpus = read_corpus(directory, limit)
    articles = [Article(id=i, text=t, published=p, published_from="input" if p else None)
                for i, t, p, _ in corpus]
    found, typed, gold_n = Counter(), Counter(), Counter()
    doc = Counter()
    misses = []
    for (doc_id, text, _, spans), result in zip(corpus, Pipeline().run(articles)):
        evidence = [(ev.start, ev.end, e.sub_event_type) for e in result.events for ev in e.evidence]
        gold_doc = any(labels for _, _, labels in spans)
        pred_doc = bool(result.events)
        doc[("tp" if gold_doc else "fp") if pred_doc else ("fn" if gold_doc else "tn")] += 1
        for start, end, labels in spans:
            over = [t for s, e, t in evidence if s < end and e > start]
            for label in labels:
                gold_n[label] += 1
                found[label] += bool(over)
                ok = any(fits(label, t) for t in over)
                typed[label] += ok
                if not ok:
                    misses.append(f"{doc_id} {label}: {text[start:end][:110]!r} -> {over or 'no event'}")
    p = doc["tp"] / max(1, doc["tp"] + doc["fp"])
    r = doc["tp"] / max(1, doc["tp"] + doc["fn"])
    return {
        "documents": len(corpus),
        "doc_precision_lower_bound": round(p, 4), "doc_recall": round(r, 4),
        "doc_f1": round(2 * p * r / max(1e-9, p + r), 4), "doc_counts": dict(doc),
        "sentence_recall": {k: round(found[k] / gold_n[k], 4) for k in LABELS if gold_n[k]},
        "sentence_recall_typed": {k: round(typed[k] / gold_n[k], 4) for k in LABELS if gold_n[k]},
        "sentences": dict(gold_n), "misses": misses,
    }


def format_report(r: dict, errors: int = 30) -> str:
    lines = [
        f"IndiaPoliceEvents: {r['documents']} documents",
        f"document detection (KILL/FORCE/ARREST sentence vs >=1 event): P >= {r['doc_precision_lower_bound']:.3f}  "
        f"R {r['doc_recall']:.3f}  F1 {r['doc_f1']:.3f}  {r['doc_counts']}",
        "sentence recall (event evidence overlaps the sentence / and its type fits the label):",
    ]
    for k in LABELS:
        if k in r["sentences"]:
            lines.append(f"  {k:7} {r['sentence_recall'][k]:.3f} / {r['sentence_recall_typed'][k]:.3f}"
                         f"   ({r['sentences'][k]} sentences)")
    lines += ["", f"missed or mistyped ({min(errors, len(r['misses']))} of {len(r['misses'])}):", *r["misses"][:errors]]
    return "\n".join(lines)
