"""CASE-2021 Task 2 (fine-grained event classification): TSV of id, EventSnippet, SubType.

Each snippet gets one label: with ``mode="pipeline"`` the sub-type of polemos' most confident
event in it (NONE when it finds none); with ``mode="classifier"`` the sentence classifier's label
alone. Scored as the task did: weighted F1 over the 25 ACLED sub-types. The five non-ACLED
labels (disasters, organised crime, diplomacy, attribution) count as NONE, so calling a flood a
conflict event costs precision; their false-alarm rate is reported too.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from sklearn.metrics import classification_report, f1_score, precision_recall_fscore_support

LABELS = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade", "SEX_VIOL": "Sexual violence", "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement",
    "ARREST": "Arrests", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}
NON_ACLED = {"MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME", "DIPLO", "ATTRIB"}
DISASTERS = {"MAN_MADE_DISASTER", "NATURAL_DISASTER"}
NONE = "NONE"


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["id"], r["EventSnippet"], r["SubType"]) for r in rows]


def predict(snippets: list[str], mode: str) -> list[str]:
    if mode == "classifier":
        from ..detect.classifier import EventTypeClassifier

        return [p.label for p in EventTypeClassifier.load().predict(snippets)]
    from ..model import Article
    from ..pipeline import Pipeline

    articles = [Article(id=str(i), text=s) for i, s in enumerate(snippets)]
    out = []
    for result in Pipeline().run(articles):
        best = max(result.events, key=lambda e: e.confidence, default=None)
        out.append(best.sub_event_type if best else NONE)
    return out


def evaluate_case2021(path: Path, mode: str = "pipeline", limit: int | None = None) -> dict:
    rows = read_tsv(path)[:limit]
    gold_raw = [label for _, _, label in rows]
    gold = [LABELS.get(label, NONE) for label in gold_raw]
    pred = predict([text for _, text, _ in rows], mode)
    result = score(gold, pred, mode)
    disasters = [pr for g, pr in zip(gold_raw, pred) if g in DISASTERS]
    non_acled = [pr for g, pr in zip(gold_raw, pred) if g in NON_ACLED]
    result["disaster_snippets"] = len(disasters)
    result["disasters_coded_as_events"] = round(sum(x != NONE for x in disasters) / max(1, len(disasters)), 4)
    result["non_acled_coded_as_events"] = round(sum(x != NONE for x in non_acled) / max(1, len(non_acled)), 4)
    return result


def score(gold: list[str], pred: list[str], mode: str) -> dict:
    """Weighted P/R/F1 over the ACLED sub-types present in ``gold`` (NONE is no class of its
    own: predicting an event for it costs precision), a per-type report and the confusions."""
    acled = sorted(set(LABELS.values()))
    present = [label for label in acled if label in gold]
    weighted = f1_score(gold, pred, labels=present, average="weighted", zero_division=0)
    p, r, _, _ = precision_recall_fscore_support(gold, pred, labels=present, average="weighted", zero_division=0)
    confusion = Counter((g, pr) for g, pr in zip(gold, pred) if g != pr)
    return {
        "snippets": len(gold), "mode": mode,
        "weighted_f1": round(weighted, 4), "weighted_precision": round(p, 4), "weighted_recall": round(r, 4),
        "report": classification_report(gold, pred, labels=present, digits=3, zero_division=0),
        "confusions": [f"{n:3}  {g} -> {pr}" for (g, pr), n in confusion.most_common(25)],
    }


def format_report(r: dict) -> str:
    return "\n".join([
        f"CASE-2021 Task 2: {r['snippets']} snippets, mode {r['mode']}",
        f"weighted F1 over ACLED sub-types: {r['weighted_f1']:.3f}  "
        f"(P {r['weighted_precision']:.3f}, R {r['weighted_recall']:.3f})",
        f"disaster snippets coded as conflict events: {r['disasters_coded_as_events']:.1%} of {r['disaster_snippets']}",
        f"non-ACLED snippets coded as events: {r['non_acled_coded_as_events']:.1%}",
        "", r["report"], "most frequent confusions (gold -> predicted):", *r["confusions"],
    ])
