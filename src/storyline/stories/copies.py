"""Near-duplicate articles: MinHash signatures over word shingles, candidates from LSH, verified by containment.

A copy is a syndicated or republished article: the same text with sentences dropped or moved, a new
headline or site chrome around it. Two articles are copies when most of the shorter one's shingles
(five-word windows) are in the longer one. MinHash estimates the Jaccard similarity of the two shingle
sets; with both set sizes that gives the containment of the smaller in the larger, which stays high
when one side is a trimmed or padded version of the other (Jaccard does not).

Signatures are computed with numpy (128 odd-multiplier affine permutations of mixed 32-bit shingle
hashes, like datasketch's ``affine32`` scheme), and banded LSH indexes them, both here rather than
with datasketch: its per-value Python loop cost more than the whole rest of story assignment, and
its LSH tables three times the memory of :class:`CopyIndex`.
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
BANDS, ROWS = 25, 5       # LSH: candidates from one equal band (about even odds at Jaccard 0.5)
COPY_CONTAINMENT = 0.8    # share of the smaller article's shingles found in the larger
COPY_JACCARD = 0.25       # and never two long articles that merely share a few paragraphs
_MASK32 = np.uint64(0xFFFFFFFF)
_TOKEN = re.compile(r"\w+|[.!?\n]")  # words, and the marks that end a sentence (a stray break only cuts a window)
_BREAKS = {".": 0, "!": 0, "?": 0, "\n": 0}
_MULTIPLIER = np.uint64(1_000_003)
_SEED = 20240611


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's MinHash values and the size of its shingle set."""

    values: np.ndarray  # NUM_PERM uint32
    shingles: int

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Signature:
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32), shingles)


class Signer:
    """Computes signatures; holds the permutations and a word-hash cache, so make one and reuse it."""

    def __init__(self, num_perm: int = NUM_PERM):
        generator = np.random.RandomState(_SEED)
        self.a = (generator.randint(0, 1 << 31, size=num_perm, dtype=np.uint32) << 1) | 1  # odd multipliers
        self.b = generator.randint(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32)
        self._words: dict[str, int] = dict(_BREAKS)

    def shingle_hashes(self, text: str) -> np.ndarray:
        """The distinct 32-bit hashes of the text's shingles: five-word windows inside one sentence
        (a shorter sentence is one shingle). Windows never span two sentences, so dropping or moving
        sentences and paragraphs leaves every other shingle intact."""
        cache = self._words
        tokens = _TOKEN.findall(text.lower())
        hashes = list(map(cache.get, tokens))
        if None in hashes:
            if len(cache) > 1_000_000:
                cache.clear()
                cache.update(_BREAKS)
            for i, token in enumerate(tokens):
                if hashes[i] is None:
                    hashes[i] = cache[token] = zlib.crc32(token.encode("utf-8")) + 1  # 0 marks a break
        values = np.array(hashes, dtype=np.uint64)
        breaks = values == 0
        sentence = np.cumsum(breaks)[~breaks]
        words = values[~breaks]
        if not len(words):
            return np.zeros(0, dtype=np.uint32)
        starts = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
        lengths = np.diff(np.r_[starts, len(words)])
        position = np.arange(len(words)) - np.repeat(starts, lengths)
        # Windows of SHINGLE_WORDS words that stay in one sentence.
        count = max(len(words) - SHINGLE_WORDS + 1, 0)
        windows = words[:count].copy()
        for offset in range(1, SHINGLE_WORDS):
            windows = (windows * _MULTIPLIER) ^ words[offset:offset + count]
        windows = windows[sentence[:count] == sentence[SHINGLE_WORDS - 1:]]
        # A sentence shorter than that is one shingle: its words weighted by position.
        short = lengths < SHINGLE_WORDS
        whole = np.zeros(0, dtype=np.uint64)
        if short.any():
            weighted = words * (position.astype(np.uint64) * _MULTIPLIER + np.uint64(1))
            whole = np.add.reduceat(weighted, starts)[short]
        return _mix32(np.unique(np.concatenate([windows, whole]) & _MASK32).astype(np.uint32))

    def sign(self, text: str) -> Signature:
        hashes = self.shingle_hashes(text)
        if len(hashes) == 0:
            return Signature(np.full(len(self.a), 0xFFFFFFFF, dtype=np.uint32), 0)
        permuted = hashes[:, None] * self.a[None, :] + self.b[None, :]  # wraps modulo 2**32
        return Signature(permuted.min(axis=0), len(hashes))


def _mix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser: spreads the bits so the affine permutations act like random ones."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def jaccard(a: Signature, b: Signature) -> float:
    """MinHash estimate of the Jaccard similarity of two shingle sets."""
    return float(np.count_nonzero(a.values == b.values)) / len(a.values)


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller set's shingles that are in the larger set."""
    if not a.shingles or not b.shingles:
        return 0.0
    j = jaccard(a, b)
    shared = j * (a.shingles + b.shingles) / (1 + j)
    return min(1.0, shared / min(a.shingles, b.shingles))


def is_copy(a: Signature, b: Signature) -> bool:
    return a.shingles >= SHINGLE_WORDS and b.shingles >= SHINGLE_WORDS and jaccard(a, b) >= COPY_JACCARD \
        and containment(a, b) >= COPY_CONTAINMENT


class CopyIndex:
    """Signatures of every article seen, and LSH over them to find an article's copies.

    LSH: the first ``BANDS`` × ``ROWS`` values of a signature cut into bands; two articles are
    candidates when one band is equal (probability 1 - (1 - J**5)**25 for Jaccard J: 0.55 at J = 0.5,
    0.99 at J = 0.7). Each band hashes to one integer key in one dict; signatures live in one growing
    array. (datasketch's MinHashLSH held 6.5 KB per article in its band tables; this holds about
    2 KB, which keeps 100,000 articles under the memory ceiling.)
    """

    def __init__(self):
        self._table: dict[int, int | list[int]] = {}
        self._values = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._shingles = array("i")
        self._keys: list[str] = []
        self._number: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: str) -> bool:
        return key in self._number

    def signature(self, key: str) -> Signature:
        number = self._number[key]
        return Signature(self._values[number].copy(), self._shingles[number])

    def add(self, key: str, signature: Signature) -> None:
        if key in self._number:
            return
        number = len(self._keys)
        if number == len(self._values):
            self._values = np.concatenate([self._values, np.zeros_like(self._values)])
        self._values[number] = signature.values
        self._shingles.append(signature.shingles)
        self._keys.append(key)
        self._number[key] = number
        if not signature.shingles:
            return
        table = self._table
        for band_key in _band_keys(signature.values):
            held = table.get(band_key)
            if held is None:
                table[band_key] = number
            elif isinstance(held, int):
                table[band_key] = [held, number]
            else:
                held.append(number)

    def copies_of(self, signature: Signature) -> list[tuple[float, str]]:
        """The stored articles this signature copies (or that copy it), best first, as (containment, key)."""
        if not signature.shingles:
            return []
        candidates: set[int] = set()
        table = self._table
        for band_key in _band_keys(signature.values):
            held = table.get(band_key)
            if held is None:
                continue
            if isinstance(held, int):
                candidates.add(held)
            else:
                candidates.update(held)
        found = []
        for number in candidates:
            other = Signature(self._values[number], self._shingles[number])
            if is_copy(signature, other):
                found.append((containment(signature, other), self._keys[number]))
        return sorted(found, key=lambda x: (-x[0], x[1]))


def _band_keys(values: np.ndarray) -> list[int]:
    """One integer per band: the band's values hashed together, with the band's number mixed in."""
    bands = values[: BANDS * ROWS].reshape(BANDS, ROWS).astype(np.uint64)
    keys = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    for row in range(ROWS):
        keys = (keys ^ bands[:, row]) * np.uint64(0x100000001B3)
    return keys.tolist()
