"""Train the article register model (news or background) from training/articles/*.jsonl.

    python training/train_register.py          # writes polemos/data/models/register.npz
    python training/train_register.py --cv     # also prints leave-one-region-out accuracy

Each line of an articles file is ``{"register": "report" | "background", "kind": ..., "text": ...}``:
articles we wrote ourselves, one file per world region, never evaluation data (../shared).
The features are ``polemos.detect.register.features`` over the same spaCy parse the
pipeline makes. The model is a standardised L2 logistic regression. It is deterministic:
the same articles give the same model.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from polemos import nlp as nlp_stage
from polemos.detect.register import BACKGROUND, MODEL_FILE, REPORT, feature_names, features

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "polemos" / "data" / "models" / MODEL_FILE
C = 0.1  # strong regularisation: a few hundred articles, some hundred features


def load(paths: list[Path]) -> tuple[list[str], list[int], list[str]]:
    """Texts, labels (1: background) and the file each came from."""
    texts, labels, groups = [], [], []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("register") not in (REPORT, BACKGROUND):
                raise SystemExit(f"{path}:{n}: register must be {REPORT!r} or {BACKGROUND!r}")
            texts.append(rec["text"])
            labels.append(int(rec["register"] == BACKGROUND))
            groups.append(path.stem.split("_")[0])  # one region per group: africa.jsonl, africa_2.jsonl
    return texts, labels, groups


def matrix(texts: list[str]) -> np.ndarray:
    nlp = nlp_stage.load()
    rows = []
    for doc in nlp.pipe(texts, batch_size=16):
        rows.append(features(doc, len(nlp_stage.doc_sents(doc))))
    return np.vstack(rows)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit((x - mean) / scale, y)
    return mean, scale, clf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true", help="print leave-one-region-out accuracy first")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    paths = sorted((HERE / "articles").glob("*.jsonl"))
    if not paths:
        raise SystemExit(f"no articles in {HERE / 'articles'}")
    texts, labels, groups = load(paths)
    x, y = matrix(texts), np.array(labels)
    print(f"{len(texts)} articles ({int(y.sum())} background) from {len(paths)} files, {x.shape[1]} features")
    if args.cv:
        g = np.array(groups)
        for held in sorted(set(groups)):
            train, test = g != held, g == held
            mean, scale, clf = fit(x[train], y[train])
            acc = (clf.predict((x[test] - mean) / scale) == y[test]).mean()
            print(f"  held out {held:<12} accuracy {acc:.3f} ({int(test.sum())} articles)")
    mean, scale, clf = fit(x, y)
    names = feature_names()
    order = np.argsort(clf.coef_[0])
    print("most news-like:", ", ".join(names[i] for i in order[:8]))
    print("most background-like:", ", ".join(names[i] for i in order[::-1][:8]))
    np.savez_compressed(args.out, names=np.array(names), mean=mean, scale=scale,
                        coef=clf.coef_[0], intercept=np.array(clf.intercept_[0]))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
