"""Train the sentence classifier over ACLED sub-event types from training/sentences/*.jsonl.

    python training/train_classifier.py            # writes polemos/data/models/event_type.npz
    python training/train_classifier.py --cv 5     # also prints cross-validated scores

Two heads, as ``polemos/detect/classifier.py`` reads them: logistic regression over TF-IDF
features, and logistic regression over the sentence encoder's embeddings (cached in
``training/.cache/`` because encoding every sentence takes a minute). Deterministic: same
sentences, same model. Never trained on evaluation data (../shared).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from polemos.detect.classifier import MODEL_FILE, NONE, features
from polemos.model import EVENT_TYPE_OF

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "polemos" / "data" / "models" / MODEL_FILE
CACHE = HERE / ".cache"
# Training sentences are encoded whole (the shipped model was fitted so); at run time the
# pipeline truncates at encoder.MAX_TOKENS for speed, which changes few sentences.
TRAIN_MAX_TOKENS = 128


def load(paths: list[Path]) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            label = rec["label"]
            if label != NONE and label not in EVENT_TYPE_OF:
                raise SystemExit(f"{path}:{n}: unknown label {label!r}")
            texts.append(rec["text"])
            labels.append(label)
    return texts, labels


def make(min_df: int, max_features: int, c: float):
    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=min_df, max_features=max_features,
                          dtype=np.float32)
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    return vec, clf


def embeddings(texts: list[str]) -> np.ndarray:
    """Sentence embeddings of ``texts``, from the cache when these exact texts were encoded before."""
    from polemos.detect.encoder import MODEL_SHA256, SentenceEncoder

    key = hashlib.sha256("\n".join([MODEL_SHA256, str(TRAIN_MAX_TOKENS), *texts]).encode()).hexdigest()[:16]
    path = CACHE / f"embeddings-{key}.npy"
    if path.exists():
        return np.load(path)
    print(f"encoding {len(texts)} sentences (cached in {path.parent}) ...", flush=True)
    vectors = SentenceEncoder.load(TRAIN_MAX_TOKENS).encode(texts)
    CACHE.mkdir(exist_ok=True)
    np.save(path, vectors)
    return vectors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, nargs="*", default=sorted((HERE / "sentences").glob("*.jsonl")))
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--max-features", type=int, default=20000)
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--emb-C", type=float, default=1.0, help="regularisation of the embedding head")
    ap.add_argument("--emb-weight", type=float, default=0.5,
                    help="share of the embedding head in the averaged probabilities (0: TF-IDF only)")
    ap.add_argument("--cv", type=int, default=0, help="folds for a cross-validated report (0: none)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    texts, labels = load(args.data)
    print(f"{len(texts)} sentences, {len(set(labels))} labels: {Counter(labels).most_common()}")
    if args.cv:
        vec, clf = make(args.min_df, args.max_features, args.C)
        from sklearn.pipeline import make_pipeline

        pred = cross_val_predict(make_pipeline(vec, clf), texts, labels,
                                 cv=StratifiedKFold(args.cv, shuffle=True, random_state=0))
        print(classification_report(labels, pred, digits=3, zero_division=0))
    vec, clf = make(args.min_df, args.max_features, args.C)
    x = vec.fit_transform(texts)
    clf.fit(x, labels)
    vocab = vec.get_feature_names_out()
    heads = {}
    if args.emb_weight > 0:
        emb = LogisticRegression(C=args.emb_C, max_iter=3000, class_weight="balanced")
        emb.fit(embeddings(texts), labels)
        assert list(emb.classes_) == list(clf.classes_)
        heads = dict(emb_coef=emb.coef_.astype(np.float16), emb_intercept=emb.intercept_.astype(np.float32),
                     emb_weight=np.float32(args.emb_weight))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, vocab=np.array(vocab, dtype=str), idf=vec.idf_.astype(np.float32),
                        coef=clf.coef_.astype(np.float16), intercept=clf.intercept_.astype(np.float32),
                        classes=np.array(clf.classes_, dtype=str), **heads)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(vocab)} features)")


if __name__ == "__main__":
    main()
