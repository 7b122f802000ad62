"""PLOVER gold-standard records (the OEDA's CAMEO-derived example sentences): one news
sentence each, labelled with a PLOVER event category (FIGHT, ASSAULT, PROTEST, THREATEN ...).

PLOVER's categories are wider than ACLED's events, so the adapter scores only what maps:

- **events**: FIGHT (armed force, air strikes, shelling, occupying ground), ASSAULT (killing,
  bombing, abducting civilians) and PROTEST (demonstrations, riots) are ACLED events. A record is
  *found* when polemos codes an event in it, and *found with a fitting type* when that event fits
  the category (``fits``): FIGHT and ASSAULT any political violence or force against protesters
  (PLOVER's FIGHT includes troops killing villagers and police firing on a crowd, which ACLED
  codes as an attack and as excessive force), PROTEST a demonstration or a riot.
- **non-events**: THREATEN, DEMAND, REJECT, DISAPPROVE, SUPPORT, CONSULT, AID, INVESTIGATE,
  SANCTION and COOPERATE are talk, threats and policy, never an ACLED event: any event coded
  in them is a false alarm.
- the rest (AGREE, COERCE, CONCEDE, RETREAT, MOBILIZE) can be an ACLED event or not, depending
  on who agreed or withdrew; they are shown per category, not scored.

File: a JSON list of records with ``id``, ``event`` and ``text`` (records without text, such as
the DOCUMENT header, are skipped). The records carry a placeholder date, so none is given.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..model import DISORDER_TYPE_OF, EVENT_TYPE_OF

FITTING = ("FIGHT", "ASSAULT", "PROTEST")
NON_EVENTS = ("THREATEN", "DEMAND", "REJECT", "DISAPPROVE", "SUPPORT", "CONSULT", "AID", "INVESTIGATE",
              "SANCTION", "COOPERATE")


def fits(category: str, sub_event_type: str) -> bool:
    """Whether an event of ``sub_event_type`` is a fair coding of a PLOVER ``category`` sentence."""
    disorder = DISORDER_TYPE_OF[EVENT_TYPE_OF[sub_event_type]]
    if category == "PROTEST":
        return disorder == "Demonstrations"
    return category in FITTING and (disorder == "Political violence"
                                    or sub_event_type == "Excessive force against protesters")


def read_records(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON ({exc.msg} at line {exc.lineno}); expected the PLOVER "
                         "gold-standard file (a JSON list of records)") from None
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of PLOVER records, got {type(data).__name__}")
    return [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event")]


def evaluate_plover(path: Path, limit: int | None = None) -> dict:
    from ..model import Article
    from ..pipeline import Pipeline

    records = read_records(path)[:limit]
    articles = [Article(id=str(r.get("id", i)), text=r["text"]) for i, r in enumerate(records)]
    coded, fitting, total = Counter(), Counter(), Counter()
    types: dict[str, Counter] = {}
    errors = []
    for record, result in zip(records, Pipeline().run(articles)):
        category = record["event"]
        total[category] += 1
        found = [e.sub_event_type for e in result.events]
        coded[category] += bool(found)
        types.setdefault(category, Counter()).update(found)
        fitting_one = any(fits(category, t) for t in found)
        fitting[category] += fitting_one
        if (category in FITTING and not fitting_one) or (category in NON_EVENTS and found):
            got = ", ".join(found) or "no event"
            errors.append(f"{record.get('id')} {category}: {record['text'][:110]!r} -> {got}")
    events = [c for c in FITTING if total[c]]
    quiet = [c for c in NON_EVENTS if total[c]]
    n_events, n_quiet = sum(total[c] for c in events), sum(total[c] for c in quiet)
    return {
        "records": len(records),
        "event_records": n_events,
        "found": round(sum(coded[c] for c in events) / max(1, n_events), 4),
        "found_fitting": round(sum(fitting[c] for c in events) / max(1, n_events), 4),
        "non_event_records": n_quiet,
        "false_alarms": round(sum(coded[c] for c in quiet) / max(1, n_quiet), 4),
        "per_category": {c: {"records": total[c], "coded": coded[c], "fitting": fitting[c] if c in FITTING else None,
                             "sub_types": dict(types[c].most_common(3))} for c in sorted(total)},
        "errors": errors,
    }


def format_report(r: dict, errors: int = 30) -> str:
    lines = [
        f"PLOVER gold standard: {r['records']} sentences",
        f"event sentences (FIGHT, ASSAULT, PROTEST: {r['event_records']}): found {r['found']:.3f}, "
        f"found with a fitting event type {r['found_fitting']:.3f}",
        f"non-event sentences (threats, demands, talks, policy: {r['non_event_records']}): "
        f"coded as events {r['false_alarms']:.1%}",
        "", "per category (sentences, coded, fitting; most frequent sub-types):",
    ]
    for c, row in r["per_category"].items():
        fit = "" if row["fitting"] is None else f", fitting {row['fitting']}"
        lines.append(f"  {c:12} {row['records']:3}, coded {row['coded']}{fit}  {row['sub_types']}")
    if r["errors"]:
        lines += ["", f"errors ({min(errors, len(r['errors']))} of {len(r['errors'])}):", *r["errors"][:errors]]
    return "\n".join(lines)
