"""TimeML reading and TempEval-3-style scoring of the TIMEX3 tagger.

``read_timeml(path)`` gives the plain text inside ``<TEXT>``, the creation time (DCT, from the
TIMEX3 with functionInDocument="CREATION_TIME") and the gold TIMEX3 spans with character
offsets into that plain text. ``evaluate_timeml(paths)`` tags every document with
``polemos.resolve.when.tag`` and scores as TempEval-3 task A does:

- strict match: same start and end; relaxed match: the spans overlap (one-to-one);
- precision, recall and F1 for both;
- type and value accuracy over relaxed-matched pairs, and "value F1" = relaxed F1 x value
  accuracy (likewise "type F1").
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from polemos.model import Timex

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass
class TimeMLDoc:
    path: Path
    text: str
    dct: date | None
    timexes: list[Timex] = field(default_factory=list)


def _dct(markup: str) -> date | None:
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", markup):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            v = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", attrs.get("value", ""))
            if v:
                return date(int(v.group(1)), int(v.group(2)), int(v.group(3)))
    return None


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one ``.tml`` file (tolerant: a regex scan, not an XML parser)."""
    markup = path.read_text(encoding="utf-8", errors="replace")
    dct = _dct(markup)
    m = re.search(r"<TEXT>(.*?)</TEXT>", markup, re.S)
    body = m.group(1) if m else ""
    out: list[str] = []
    pos = 0
    n = 0  # length of plain text so far
    open_timex: list[tuple[int, dict[str, str]]] = []
    golds: list[Timex] = []
    for t in _TAG.finditer(body):
        chunk = body[pos : t.start()]
        out.append(chunk)
        n += len(chunk)
        pos = t.end()
        if t.group(0).startswith("&"):
            ch = html.unescape(t.group(0))
            out.append(ch)
            n += len(ch)
            continue
        closing, name, attrs, selfclose = t.group(1), t.group(2), t.group(3), t.group(4)
        if name != "TIMEX3":
            continue
        if closing:
            if open_timex:
                start, a = open_timex.pop()
                golds.append(Timex("", start, n, a.get("type", ""), a.get("value")))
        elif not selfclose:
            open_timex.append((n, dict(_ATTR.findall(attrs))))
    out.append(body[pos:])
    text = "".join(out)
    for g in golds:
        g.text = text[g.start : g.end]
    golds.sort(key=lambda g: g.start)
    return TimeMLDoc(path, text, dct, golds)


def timeml_files(paths: Iterable[Path]) -> list[Path]:
    """``.tml`` files among ``paths`` (directories are searched recursively), sorted."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(p.rglob("*.tml")))
        else:
            files.append(p)
    return files


def _match(gold: list[Any], sys: list[Any], strict: bool) -> list[tuple[Any, Any]]:
    """One-to-one matching: exact spans, or overlapping spans (largest overlap first)."""
    if strict:
        by = {(s.start, s.end): s for s in sys}
        return [(g, by[(g.start, g.end)]) for g in gold if (g.start, g.end) in by]
    pairs = []
    for g in gold:
        for s in sys:
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((ov, g, s))
    pairs.sort(key=lambda p: -p[0])
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, g, s in pairs:
        if id(g) in used_g or id(s) in used_s:
            continue
        used_g.add(id(g))
        used_s.add(id(s))
        out.append((g, s))
    return out


_WEEK = re.compile(r"-W(\d)(?!\d)")
_HOUR = re.compile(r"T(\d\d)$")
_PAD = re.compile(r"(?:-XX)+$")


def canonical_value(v: str | None) -> str:
    """A TIMEX3 value in one spelling of several equivalent ones: "2000-W7" = "2000-W07",
    "T17" = "T17:00", "1997-XX-XX" = "1997", "199" = "199X" (the 1990s)."""
    v = (v or "").strip()
    v = _WEEK.sub(r"-W0\1", v)
    v = _HOUR.sub(r"T\1:00", v)
    v = _PAD.sub("", v)
    if re.fullmatch(r"\d{3}", v):
        v += "X"
    return v


def _prf(matched: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = matched / n_sys if n_sys else 0.0
    r = matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def evaluate_timeml(
    paths: list[Path],
    tagger: Callable[[str, date | None], list[Timex]] | None = None,
    worst: int = 25,
) -> dict[str, Any]:
    """Tag the TimeML files (or directories) in ``paths`` and score against their TIMEX3.

    Returns counts, ``strict``/``relaxed`` P/R/F1, ``type_accuracy``, ``value_accuracy``,
    ``type_f1``, ``value_f1``, and for developers ``missed``, ``spurious`` and
    ``wrong_value`` (the most frequent errors, by lower-cased text).
    """
    if tagger is None:
        from polemos.resolve.when import tag as tagger
    n_gold = n_sys = n_strict = n_relaxed = n_type = n_value = n_value_canon = 0
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    wrong: Counter[tuple[str, str, str]] = Counter()
    files = timeml_files(paths)
    for f in files:
        doc = read_timeml(f)
        sys = tagger(doc.text, doc.dct)
        n_gold += len(doc.timexes)
        n_sys += len(sys)
        n_strict += len(_match(doc.timexes, sys, strict=True))
        pairs = _match(doc.timexes, sys, strict=False)
        n_relaxed += len(pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g, s in pairs:
            n_type += g.type == s.type
            if canonical_value(g.value) == canonical_value(s.value):
                n_value_canon += 1
            if (g.value or "") == (s.value or ""):
                n_value += 1
            else:
                wrong[(g.text.lower(), str(g.value), str(s.value))] += 1
        for g in doc.timexes:
            if id(g) not in matched_g:
                missed[f"{g.text.lower()} [{g.type} {g.value}]"] += 1
        for s in sys:
            if id(s) not in matched_s:
                spurious[f"{s.text.lower()} [{s.type} {s.value}]"] += 1
    strict = _prf(n_strict, n_sys, n_gold)
    relaxed = _prf(n_relaxed, n_sys, n_gold)
    type_acc = n_type / n_relaxed if n_relaxed else 0.0
    value_acc = n_value / n_relaxed if n_relaxed else 0.0
    value_acc_canon = n_value_canon / n_relaxed if n_relaxed else 0.0
    return {
        "documents": len(files),
        "gold": n_gold,
        "system": n_sys,
        "strict": strict,
        "relaxed": relaxed,
        "type_accuracy": type_acc,
        "value_accuracy": value_acc,
        "type_f1": relaxed["f1"] * type_acc,
        "value_f1": relaxed["f1"] * value_acc,
        "value_accuracy_canonical": value_acc_canon,
        "value_f1_canonical": relaxed["f1"] * value_acc_canon,
        "missed": missed.most_common(worst),
        "spurious": spurious.most_common(worst),
        "wrong_value": [((t, gv, sv), c) for (t, gv, sv), c in wrong.most_common(worst)],
    }


def format_report(r: dict[str, Any], details: bool = True) -> str:
    """A readable table of ``evaluate_timeml``'s result."""
    lines = [
        f"TimeML evaluation: {r['documents']} documents, {r['gold']} gold TIMEX3, {r['system']} tagged",
        "",
        f"{'span':<10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for k in ("strict", "relaxed"):
        s = r[k]
        lines.append(f"{k:<10}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    lines += [
        "",
        f"{'type accuracy':<18}{r['type_accuracy']:>8.3f}   type F1  {r['type_f1']:.3f}",
        f"{'value accuracy':<18}{r['value_accuracy']:>8.3f}   value F1 {r['value_f1']:.3f}   (exact string match)",
        f"{'value accuracy':<18}{r['value_accuracy_canonical']:>8.3f}   value F1 {r['value_f1_canonical']:.3f}"
        "   (equivalent spellings equal: W7=W07, 1997-XX=1997)",
    ]
    if details:
        lines += ["", "Most frequent misses (gold not found):"]
        lines += [f"  {c:>4}  {t}" for t, c in r["missed"]]
        lines += ["", "Most frequent spurious (tagged, not in gold):"]
        lines += [f"  {c:>4}  {t}" for t, c in r["spurious"]]
        lines += ["", "Most frequent wrong values (text: gold -> ours):"]
        lines += [f"  {c:>4}  {t}: {gv} -> {sv}" for (t, gv, sv), c in r["wrong_value"]]
    return "\n".join(lines)
