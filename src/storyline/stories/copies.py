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

import functools
import re
from array import array
from dataclasses import dataclass

import numpy as np

SCHEME = 2                # the shingle hashing signatures are made with (1: a CRC32 per word, before 2026-11)
NUM_PERM = 128
SHINGLE_WORDS = 5
BANDS, ROWS = 25, 5       # LSH: candidates from one equal band (about even odds at Jaccard 0.5)
COPY_CONTAINMENT = 0.8    # share of the smaller article's shingles found in the larger
COPY_JACCARD = 0.25       # and never two long articles that merely share a few paragraphs
_MASK32 = np.uint64(0xFFFFFFFF)
_WORD, _BREAK = 1, 2      # character classes: a word's character, a mark that ends a sentence
_BASE = np.uint64(0x100000001B3)                            # of the polynomial word hash
_BASE_INVERSE = np.uint64(pow(0x100000001B3, -1, 1 << 64))  # the base is odd, so invertible
_MIX = np.uint64(0x9E3779B97F4A7C15)
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
    """Computes signatures, a batch of texts at a time; holds the permutations, so make one and reuse it.

    The texts of a batch are read as one array of code points: words are runs of word characters
    (``\\w``), sentences end at ``.``, ``!``, ``?`` or a line break, and a word's hash is a polynomial
    hash of its code points taken from prefix sums, so that no step loops over words in Python.
    """

    def __init__(self, num_perm: int = NUM_PERM):
        generator = np.random.RandomState(_SEED)
        self.a = (generator.randint(0, 1 << 31, size=num_perm, dtype=np.uint32) << 1) | 1  # odd multipliers
        self.b = generator.randint(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32)
        self._powers = np.ones(0, dtype=np.uint64)    # _BASE ** i modulo 2**64
        self._inverse = np.ones(0, dtype=np.uint64)   # _BASE ** -i modulo 2**64

    def shingle_hashes(self, text: str) -> np.ndarray:
        """The distinct 32-bit hashes of the text's shingles: five-word windows inside one sentence
        (a shorter sentence is one shingle). Windows never span two sentences, so dropping or moving
        sentences and paragraphs leaves every other shingle intact."""
        hashes, _bounds = self.shingle_sets([text])
        return hashes

    def shingle_sets(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The shingle hashes of each text, as :meth:`shingle_hashes` gives them, in one array:
        text ``i``'s are ``hashes[bounds[i]:bounds[i + 1]]``."""
        lowered = [t.lower() for t in texts]
        points = np.frombuffer("\n".join(lowered).encode("utf-32-le"), dtype=np.uint32)
        text_starts = np.cumsum([0] + [len(t) + 1 for t in lowered[:-1]])
        kind = _char_classes()[np.minimum(points, 0xFFFF)]
        edges = np.flatnonzero(np.diff(kind == _WORD, prepend=False, append=False))
        starts, ends = edges[0::2], edges[1::2]
        if not len(starts):
            return np.zeros(0, dtype=np.uint32), np.zeros(len(texts) + 1, dtype=np.int64)
        powers, inverse = self._power_tables(len(points))
        prefix = np.zeros(len(points) + 1, dtype=np.uint64)
        np.cumsum(points * powers, out=prefix[1:])
        words = (prefix[ends] - prefix[starts]) * inverse[starts]
        text = np.searchsorted(text_starts, starts, side="right") - 1
        sentence = np.cumsum(kind == _BREAK)[starts]
        first = np.flatnonzero(np.diff(sentence, prepend=-1))
        lengths = np.diff(first, append=len(words))
        # Windows of SHINGLE_WORDS words that stay in one sentence.
        count = max(len(words) - SHINGLE_WORDS + 1, 0)
        windows = words[:count].copy()
        for offset in range(1, SHINGLE_WORDS):
            windows = (windows * _MULTIPLIER) ^ words[offset:offset + count]
        inside = sentence[:count] == sentence[SHINGLE_WORDS - 1:]
        hashes, owners = [windows[inside]], [text[:count][inside]]
        # A sentence shorter than that is one shingle: its words weighted by position.
        short = lengths < SHINGLE_WORDS
        if short.any():
            position = np.arange(len(words)) - np.repeat(first, lengths)
            weighted = words * (position.astype(np.uint64) * _MULTIPLIER + np.uint64(1))
            hashes.append(np.add.reduceat(weighted, first)[short])
            owners.append(text[first[short]])
        # The high half of a multiplicative hash (its best-mixed bits), tagged with the text's number.
        mixed = (np.concatenate(hashes) * _MIX) >> np.uint64(32)
        keys = np.sort(np.concatenate(owners).astype(np.uint64) << np.uint64(32) | mixed)
        keys = keys[np.diff(keys, prepend=~keys[:1]) != 0]
        return (keys & _MASK32).astype(np.uint32), np.searchsorted(keys >> np.uint64(32), np.arange(len(texts) + 1))

    def sign(self, text: str) -> Signature:
        return self.sign_many([text])[0]

    def sign_many(self, texts: list[str]) -> list[Signature]:
        """The signature of each text."""
        hashes, bounds = self.shingle_sets(texts)
        values = np.full((len(texts), len(self.a)), 0xFFFFFFFF, dtype=np.uint32)
        for i, (low, high) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist())):
            if high > low:  # a (shingles x permutations) matrix small enough to stay in cache, its column minima
                values[i] = (hashes[low:high, None] * self.a + self.b).min(axis=0)  # wraps modulo 2**32
        sizes = np.diff(bounds).tolist()
        return [Signature(values[i], sizes[i]) for i in range(len(texts))]

    def _power_tables(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        """The first ``size`` powers of the word-hash base and of its inverse."""
        if len(self._powers) < size:
            length = max(size, 2 * len(self._powers), 1 << 16)
            self._powers = np.cumprod(np.r_[np.uint64(1), np.full(length - 1, _BASE, dtype=np.uint64)])
            self._inverse = np.cumprod(np.r_[np.uint64(1), np.full(length - 1, _BASE_INVERSE, dtype=np.uint64)])
        return self._powers[:size], self._inverse[:size]


@functools.cache
def _char_classes() -> np.ndarray:
    """For each code point of the Basic Multilingual Plane: ``_WORD`` where ``\\w`` matches it,
    ``_BREAK`` for the marks that end a sentence, 0 otherwise (code points above it count as 0)."""
    plane = "".join(map(chr, range(0x10000)))
    kinds = np.zeros(0x10000, dtype=np.uint8)
    kinds[[m.start() for m in re.finditer(r"\w", plane)]] = _WORD
    kinds[[ord(c) for c in ".!?\n"]] = _BREAK
    return kinds


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
        self._add(key, signature, _band_keys(signature.values[None])[0])

    def copies_of(self, signature: Signature) -> list[tuple[float, str]]:
        """The stored articles this signature copies (or that copy it), best first, as (containment, key)."""
        return self._find(signature, _band_keys(signature.values[None])[0])

    def enter(self, entries: list[tuple[str, Signature]]) -> list[list[tuple[float, str]]]:
        """For each (key, signature) in order, :meth:`copies_of` it (earlier entries included), then
        :meth:`add` it; the bands of all are hashed at once."""
        if not entries:
            return []
        found = []
        for (key, signature), bands in zip(entries, _band_keys(np.stack([s.values for _k, s in entries]))):
            found.append(self._find(signature, bands))
            self._add(key, signature, bands)
        return found

    def _add(self, key: str, signature: Signature, bands: list[int]) -> None:
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
        for band_key in bands:
            held = table.get(band_key)
            if held is None:
                table[band_key] = number
            elif isinstance(held, int):
                table[band_key] = [held, number]
            else:
                held.append(number)

    def _find(self, signature: Signature, bands: list[int]) -> list[tuple[float, str]]:
        if not signature.shingles:
            return []
        candidates: set[int] = set()
        table = self._table
        for band_key in bands:
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


def _band_keys(values: np.ndarray) -> list[list[int]]:
    """For each row of signature values, one integer per band: the band's values hashed together,
    with the band's number mixed in."""
    bands = values[:, : BANDS * ROWS].reshape(len(values), BANDS, ROWS).astype(np.uint64)
    keys = np.broadcast_to(np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15), (len(values), BANDS))
    for row in range(ROWS):
        keys = (keys ^ bands[:, :, row]) * np.uint64(0x100000001B3)
    return keys.tolist()
