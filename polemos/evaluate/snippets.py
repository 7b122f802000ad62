"""Labelled snippets in JSON Lines: {"id", "text", "label"} with an ACLED sub-type or NONE.

The format of the project's held-out set (benchmarks/heldout/dev.jsonl, test.jsonl) and of any set
a user labels: scored like CASE-2021 (weighted F1 over the sub-types present), plus the share
of NONE snippets coded as events.
"""

from __future__ import annotations

import json
from pathlib import Path

from .case2021 import LABELS, NONE, predict, score

KNOWN = set(LABELS.values()) | {NONE}


def read_snippets(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg}); each line must be one JSON object") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or row.get("label") not in KNOWN:
            raise ValueError(f"{path}:{n}: needs a 'text' string and a 'label' that is an ACLED "
                             f"sub-event type or NONE (got {str(row.get('label') if isinstance(row, dict) else row)[:60]!r})")
        rows.append(row)
    return rows


def evaluate_snippets(path: Path, mode: str = "pipeline", limit: int | None = None) -> dict:
    rows = read_snippets(path)[:limit]
    gold = [r["label"] for r in rows]
    pred = predict([r["text"] for r in rows], mode)
    result = score(gold, pred, mode)
    none = [p for g, p in zip(gold, pred) if g == NONE]
    result["none_snippets"] = len(none)
    result["none_coded_as_events"] = round(sum(p != NONE for p in none) / max(1, len(none)), 4)
    return result


def format_report(r: dict, title: str) -> str:
    return "\n".join([
        f"{title}: {r['snippets']} snippets, mode {r['mode']}",
        f"weighted F1 over ACLED sub-types: {r['weighted_f1']:.3f}  "
        f"(P {r['weighted_precision']:.3f}, R {r['weighted_recall']:.3f})",
        f"NONE snippets coded as events: {r['none_coded_as_events']:.1%} of {r['none_snippets']}",
        "", r["report"], "most frequent confusions (gold -> predicted):", *r["confusions"],
    ])
