"""Copy detection on real articles with injected edits.

Each of a set of real articles gets edited copies: sentences dropped, paragraphs moved, site junk
added, the headline replaced or several of these at once. Every text (originals and copies) goes
through :class:`StoryEngine` in a shuffled order; two texts are predicted copies when the engine puts
them in one copy group, and gold copies when one was made from the other (or both from one article).
Scores are over pairs: precision, recall and F1.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from storyline.evaluate.measures import f1
from storyline.stories.copies import COPY_CONTAINMENT, Signer
from storyline.stories.engine import StoryEngine
from storyline.stories.features import StoryInput

EDITS = ("drop", "reorder", "junk", "headline", "all")
# Site chrome of the kind scraped republications carry; invented here.
_JUNK = (
    "Subscribe to our newsletter for the day's top stories.",
    "Share this article on social media",
    "Advertisement",
    "Related: More from our politics desk",
    "Read more: The week in review",
    "Sign up for breaking news alerts",
    "Comments are closed.",
    "Home | World | Politics | Business | Sport | Weather",
    "Copyright all rights reserved. This material may not be republished without permission.",
    "Click here to download our app",
)
_HEADLINES = ("What we know so far", "Live updates: the latest", "Everything you need to know today",
              "The story everyone is talking about", "Five things to watch this week")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass(frozen=True, slots=True)
class CopyEvaluation:
    precision: float
    recall: float
    texts: int
    gold_pairs: int
    predicted_pairs: int
    seconds: float
    missed: tuple[tuple[str, str], ...]
    wrong: tuple[tuple[str, str], ...]

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def edited_copy(text: str, edit: str, rng: random.Random) -> str:
    """A copy of ``text`` with one kind of edit (``all``: every kind)."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if edit in ("drop", "all"):
        sentences = [(i, s) for i, p in enumerate(paragraphs) for s in _SENTENCE_END.split(p)]
        keep = [x for x in sentences if rng.random() > 0.15] or sentences[:1]
        rebuilt: dict[int, list[str]] = defaultdict(list)
        for i, s in keep:
            rebuilt[i].append(s)
        paragraphs = [" ".join(rebuilt[i]) for i in sorted(rebuilt)]
    if edit in ("reorder", "all") and len(paragraphs) > 2:
        for _ in range(max(1, len(paragraphs) // 4)):
            i, j = rng.sample(range(len(paragraphs)), 2)
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    if edit in ("junk", "all"):
        for _ in range(rng.randint(2, 5)):
            paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(_JUNK))
    if edit in ("headline", "all"):
        paragraphs[0] = rng.choice(_HEADLINES)
    return "\n\n".join(paragraphs)


def copy_test_set(texts: list[str], seed: int = 0, copied_share: float = 0.5) -> list[tuple[str, str, str]]:
    """(key, text, origin) triples: every text, and for a share of them one to three edited copies.

    Texts of the source corpus that already copy each other share an origin: exact containment of
    the smaller one's shingles in the larger one's of at least ``COPY_CONTAINMENT`` (in PolNeAR
    train, a column republished the next day under a new headline, for one).
    """
    rng = random.Random(seed)
    origin_of = real_copies(texts)
    items = []
    for n, text in enumerate(texts):
        origin = f"a{origin_of[n]}"
        items.append((f"a{n}", text, origin))
        if rng.random() < copied_share:
            for k, edit in enumerate(rng.sample(EDITS, rng.randint(1, 3))):
                items.append((f"a{n}-{edit}", edited_copy(text, edit, rng), origin))
    return items


def real_copies(texts: list[str]) -> list[int]:
    """For each text, the smallest index of a text it copies (exactly computed shingle containment),
    directly or through others; itself when it copies none."""
    signer = Signer()
    shingles = [set(signer.shingle_hashes(t).tolist()) for t in texts]
    holders: dict[int, list[int]] = defaultdict(list)
    for n, found in enumerate(shingles):
        for value in found:
            holders[value].append(n)
    parent = list(range(len(texts)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for n, found in enumerate(shingles):
        shared: Counter = Counter(m for value in found for m in holders[value] if m > n)
        for m, count in shared.items():
            if count >= COPY_CONTAINMENT * min(len(found), len(shingles[m])):
                a, b = root(n), root(m)
                parent[max(a, b)] = min(a, b)
    return [root(n) for n in range(len(texts))]


def evaluate_copies(items: list[tuple[str, str, str]], seed: int = 0) -> CopyEvaluation:
    """Feed every text to a fresh engine in a shuffled order; score the copy groups it forms."""
    order = list(items)
    random.Random(seed).shuffle(order)
    engine = StoryEngine()
    started = time.perf_counter()
    for key, text, _origin in order:
        engine.add(StoryInput(key, text, None, None, None, (), (), (), ()))
    seconds = time.perf_counter() - started
    origin = {key: o for key, _t, o in items}
    keys = [key for key, _t, _o in items]
    predicted = {(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if engine.group_of[a] == engine.group_of[b]}
    gold = {(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if origin[a] == origin[b]}
    right = predicted & gold
    return CopyEvaluation(
        precision=len(right) / len(predicted) if predicted else 1.0,
        recall=len(right) / len(gold) if gold else 1.0,
        texts=len(items), gold_pairs=len(gold), predicted_pairs=len(predicted), seconds=seconds,
        missed=tuple(sorted(gold - predicted)), wrong=tuple(sorted(predicted - gold)),
    )
