"""Where a reported content begins and ends, learned from annotated news.

The rules in :mod:`.find` find an attribution and a first guess at the extent of what it reports.
Where that extent ends is a matter of convention that the rules cannot settle: does ", which ..."
after the reported clause belong to it, or "that", or the words before a partial quote? PolNeAR's
annotators answer case by case, so the answer is learned from them.

Each edge is one choice among the token boundaries of its sentence, at most ``REACH`` tokens from
the rules' guess. A candidate is described by the
words on either side of it, their parse, how far it lies from the rules' guess and what it crosses
to get there; a linear model scores the candidates and the best one wins (a conditional logit, one
choice per edge, fitted by :func:`fit` on PolNeAR train with ``tools/train_quotes.py``). Three
things are never chosen: an edge inside a quotation, an extent that drops a quotation the guess
held, and one that runs into another attribution's content or over its own cue or source; and a quotation whose words end on a
comma inside its closing mark ends there.

On PolNeAR dev, exact content F1 went from 52.7 to 54.5 and quote F1 at 80% coverage from 89.6 to
90.5 (``storyline eval quotes --split dev``), for 7% of the parse's time with the rules (``make bench``).
The words at the edge themselves, besides their part of speech, took it from 58.2 to 58.6 (each edge
right for 92.5% of those the model can reach, from 91.9%).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources

import numpy as np

from storyline.analyse.quotes.find import Attribution, Sentences, token_at

_MARKS = frozenset("\"“”«»„‘’'`")
_KEPT_WORDS = frozenset("including according saying adding".split())
_BREAKS = frozenset(",;—–-:()")
REACH = 12  # tokens an edge may move from the rules' guess

Candidates = list[tuple[int, list[str]]]  # (token index, features) for each possible edge


@dataclass(frozen=True, slots=True)
class ContentEdges:
    """The learned weights of both edges' features: :meth:`load` reads the ones shipped with storyline."""

    right: dict[str, float]
    left: dict[str, float]

    @classmethod
    def load(cls) -> ContentEdges:
        weights = json.loads(resources.files("storyline.analyse.quotes").joinpath("edges.json").read_text(encoding="utf-8"))
        return cls(weights["right"], weights["left"])

    def refine(self, doc, attributions: list[Attribution], quotes: list[tuple[int, int]]) -> list[Attribution]:
        """Each attribution with a one-piece content, its content's edges chosen by the model.

        Args:
            doc: The parsed article.
            attributions: What the rules found in it.
            quotes: The quotation spans of its text (marks included).
        """
        out = list(attributions)  # in text order, each one kept clear of those refined before it
        layout = Layout.of(doc, quotes)
        for i, attribution in enumerate(attributions):
            choices = edge_choices(doc, attribution, out, layout)
            if choices is None:
                continue
            right, left = choices
            last = max(right, key=lambda c: _score(c[1], self.right))[0]
            first = max(left, key=lambda c: _score(c[1], self.left))[0]
            start, end = layout.starts[first], layout.ends[last]
            # (Not onto another's content: "told reporters that the divers had found [the old anchor]"
            # is two attributions, the stance inside the clause.)
            if start < end and not any(other.content == ((start, end),) for other in out):
                out[i] = replace(attribution, content=((start, end),))
        return out


def _score(features: list[str], weights: dict[str, float]) -> float:
    return sum(map(weights.get, features, itertools.repeat(0.0)))


@dataclass(frozen=True, slots=True)
class Layout:
    """What every edge of an article looks up, worked out once in one pass over its tokens (``doc.text``,
    ``Token.sent`` and each ``doc[i]`` cost a walk or an object each time): its text, its quotation
    spans, its sentences, and for each token its character
    offsets, how an edge sees it (:func:`_word`), its text, dependency label, head and whether it is a verb."""

    text: str
    quotes: list[tuple[int, int]]
    sentences: Sentences
    starts: list[int]
    ends: list[int]
    words: list[str]
    texts: list[str]
    deps: list[str]
    heads: list[int]
    verbs: list[bool]
    spaces: list[bool]
    lowers: list[str]  # each token's lower-case text

    @classmethod
    def of(cls, doc, quotes: list[tuple[int, int]]) -> Layout:
        tokens = list(doc)
        return cls(doc.text, quotes, Sentences(doc),
                   [t.idx for t in tokens], [t.idx + len(t.text) for t in tokens], [_word(t) for t in tokens],
                   [t.text for t in tokens], [t.dep_ for t in tokens], [t.head.i for t in tokens],
                   [t.pos_ in ("VERB", "AUX") for t in tokens], [t.is_space for t in tokens], [t.lower_ for t in tokens])

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else "<none>"

    def head_of(self, first: int, last: int) -> int | None:
        """The token of ``first`` to ``last`` whose head lies outside them (or is itself)."""
        return next((i for i in range(first, last + 1) if not first <= self.heads[i] <= last or self.heads[i] == i), None)

    def governs(self, ancestor: int, i: int) -> bool:
        """Whether token ``ancestor`` is ``i`` or one of its ancestors."""
        while True:
            if i == ancestor:
                return True
            if self.heads[i] == i:
                return False
            i = self.heads[i]


@dataclass(frozen=True, slots=True)
class _Frame:
    """One attribution's guess and the parse around it, as its edges' features read them."""

    guess: int                        # the token the rules' edge is at
    kind: str
    cue: tuple[int, int] | None
    head: int | None                  # the content's head token
    head_edges: tuple[int, int]       # its subtree's first and last tokens
    child_ends: dict[int, list[str]]  # last token of a child's subtree after the head -> the child's labels
    child_starts: dict[int, list[str]]
    child_at: dict[int, str]          # a child of the head -> its label
    cue_head: int | None
    cue_children: frozenset[int]


def _frame(guess: int, head, kind: str, cue: tuple[int, int] | None, cue_head) -> _Frame:
    if head is None:
        return _Frame(guess, kind, cue, None, (-1, -1), {}, {}, {}, None, frozenset())
    children = list(head.children)
    ends: dict[int, list[str]] = {}
    starts: dict[int, list[str]] = {}
    for child in children:
        if child.i > head.i:
            ends.setdefault(child.right_edge.i, []).append(child.dep_)
        if child.i < head.i:
            starts.setdefault(child.left_edge.i, []).append(child.dep_)
    return _Frame(guess, kind, cue, head.i, (head.left_edge.i, head.right_edge.i), ends, starts, {c.i: c.dep_ for c in children},
                  cue_head.i if cue_head is not None else None,
                  frozenset(c.i for c in cue_head.children) if cue_head is not None else frozenset())


def edge_choices(doc, attribution: Attribution, others: list[Attribution],
                 layout: Layout) -> tuple[Candidates, Candidates] | None:
    """The possible right and left edges of an attribution's content, with their features; None for a
    content in several pieces (the rules' pieces stand).

    Args:
        doc: The parsed article.
        attribution: The attribution, as the rules found it.
        others: Every attribution of the article (this one among them), as they stand.
        layout: The article's :class:`Layout`.
    """
    if len(attribution.content) != 1:
        return None
    (start, end), = attribution.content
    quotes = layout.quotes
    cue = attribution.cue
    # Never into another attribution's content or over its own cue ("[an hour,] was confirmed by the
    # Kremlin [to have focused on ...]"), never cutting a quotation or dropping one it holds.
    spans = [span for other in others if other is not attribution for span in other.content]
    spans += [cue] if cue and not (cue[0] < end and start < cue[1]) else []
    first, last = token_at(doc, start), token_at(doc, end - 1)
    if last < first:
        return None
    head = layout.head_of(first, last)
    cue_head = layout.head_of(token_at(doc, cue[0]), token_at(doc, cue[1] - 1)) if cue is not None else None
    kind = ("D" if attribution.direct else "I") + ("-" if cue is None else "pre" if end <= cue[0] else "post")
    right_frame = _frame(last, doc[head] if head is not None else None, kind, cue,
                         doc[cue_head] if cue_head is not None else None)
    left_frame = replace(right_frame, guess=first)
    ceiling = min([s for s, _e in spans if s >= end], default=len(layout.text))
    floor = max([e for _s, e in spans if e <= start], default=0)
    held = [(s, e) for s, e in quotes if start <= s and e <= end]
    latest_start = min([s for s, _e in held], default=end)
    earliest_end = max([e for _s, e in held], default=start)

    def inside_quote(char: int) -> bool:
        i = bisect.bisect_left(quotes, (char, char)) - 1  # the last quotation opening before char
        return i >= 0 and quotes[i][0] < char < quotes[i][1]

    start_sentence, end_sentence = layout.sentences.of(doc[first]), layout.sentences.of(doc[last])
    right = []
    # A quote whose words end on a comma inside the closing mark ends there: what follows is the
    # writer's ("Trump says Putin ‘wants to keep killing people,’ signals US may send ...").
    closed = re.search(r",\W?$", layout.text[start:end]) and layout.text[end - 1] in _MARKS
    for k in ([last] if closed else range(max(first, end_sentence.start, last - REACH), min(end_sentence.end, last + REACH + 1))):
        char = layout.ends[k]
        if not layout.spaces[k] and earliest_end <= char <= ceiling and not inside_quote(char):
            right.append((k, right_features(layout, k, right_frame, end_sentence.end)))
    left = []
    for k in range(max(start_sentence.start, first - REACH), min(last, start_sentence.end - 1, first + REACH) + 1):
        char = layout.starts[k]
        if not layout.spaces[k] and floor <= char <= latest_start and not inside_quote(char):
            left.append((k, left_features(layout, k, left_frame, start_sentence.start)))
    if not right or not left:
        return None
    return right, left


def right_features(layout: Layout, k: int, frame: _Frame, stop: int) -> list[str]:
    """What describes a content ending after token ``k``; ``stop`` ends the sentence."""
    guess, word = frame.guess, layout.word
    after = k + 1 if k + 1 < stop else None
    after_word = word(after) if after is not None else "<none>"
    after2_word = word(k + 2) if k + 2 < stop else "<none>"
    features = ["bias", "off=" + _distance(k - guess), "last=" + word(k), "next=" + after_word,
                "next2=" + after_word + "_" + after2_word, "lastdep=" + layout.deps[k],
                "nextdep=" + (layout.deps[after] if after is not None else "<eos>"), "around=" + word(k) + "_" + after_word]
    if k == guess:
        features.append("guess")
    # (The words themselves too, where POS hides them: "since", "which", "when"; rare ones do not get a weight.)
    features += ["lastw=" + layout.lowers[k], "nextw=" + (layout.lowers[after] if after is not None else "<eos>")]
    if after is None:
        features.append("sentence_end")
    elif frame.cue is not None and frame.cue[0] <= layout.starts[after] < frame.cue[1]:
        features.append("next_is_cue")
    if frame.head is not None:
        if k == frame.head_edges[1]:
            features.append("head_subtree_end")
        if layout.heads[k] == frame.head or k == frame.head:
            features.append("attached_to_head")
        features += ["child_end:" + dep for dep in frame.child_ends.get(k, ())]
        if after is not None and after in frame.child_at and after != frame.head:
            features.append("next_child:" + frame.child_at[after])
        if after is not None and not layout.governs(frame.head, after):
            features.append("next_outside_head")
    if k > guess:
        crossed = range(guess + 1, k + 1)
        features += ["cross_commas=%d" % min(3, sum(1 for t in crossed if layout.texts[t] == ",")),
                     "cross_verb" if any(layout.verbs[t] for t in crossed) else "cross_no_verb"]
        features += ["crossed=" + layout.texts[t] + "_" + word(t + 1) for t in crossed if layout.texts[t] in _BREAKS]
    elif k < guess:
        cut = range(k + 1, guess + 1)
        features += ["cut_verb" if any(layout.verbs[t] for t in cut) else "cut_no_verb", "cut_first=" + word(k + 1)]
    features += _cue_words(layout, range(guess + 1, k + 1), frame, "cross")
    return _with_kind(features, frame.kind)


def left_features(layout: Layout, k: int, frame: _Frame, begin: int) -> list[str]:
    """What describes a content starting at token ``k``; ``begin`` opens the sentence."""
    guess, word = frame.guess, layout.word
    before = k - 1 if k - 1 >= begin else None
    before_word = word(before) if before is not None else "<none>"
    before2_word = word(k - 2) if k - 2 >= begin else "<none>"
    features = ["bias", "off=" + _distance(k - guess), "first=" + word(k), "prev=" + before_word,
                "prev2=" + before2_word + "_" + before_word, "around=" + before_word + "_" + word(k),
                "firstdep=" + layout.deps[k], "prevdep=" + (layout.deps[before] if before is not None else "<sos>")]
    if k == guess:
        features.append("guess")
    features += ["firstw=" + layout.lowers[k], "prevw=" + (layout.lowers[before] if before is not None else "<sos>")]
    if before is None:
        features.append("sentence_start")
    if frame.head is not None:
        if layout.heads[k] == frame.head or k == frame.head:
            features.append("attached_to_head")
        if k == frame.head_edges[0]:
            features.append("head_subtree_start")
        features += ["child_start:" + dep for dep in frame.child_starts.get(k, ())]
    if frame.cue is not None and before is not None:
        if frame.cue[0] <= layout.starts[before] < frame.cue[1]:
            features.append("after_cue")
        if layout.ends[before] <= frame.cue[0] <= layout.starts[k]:
            features.append("at_cue")
    if k < guess:
        crossed = range(k, guess)
        features.append("widen_verb" if any(layout.verbs[t] for t in crossed) else "widen_no_verb")
        features.append("widen_by=" + _distance(len(crossed)))
        features += _cue_words(layout, crossed, frame, "widen")
    return _with_kind(features, frame.kind)


def _cue_words(layout: Layout, tokens: range, frame: _Frame, how: str) -> list[str]:
    """The words of the cue's own clause a wider content would take in ("Trump says Putin ‘...’,
    signals ...": "signals" is the cue's, not the quote's)."""
    if frame.cue_head is None:
        return []
    return sorted({f"{how}_cue_{layout.deps[t]}" for t in tokens if t in frame.cue_children} |
                  ({f"{how}_cue"} if frame.cue_head in tokens else set()))


def _with_kind(features: list[str], kind: str) -> list[str]:
    """Every feature twice: on its own, and for this kind of attribution (direct or not, content before
    or after its cue), whose conventions differ."""
    return features + [kind + "|" + feature for feature in features]


def _word(token) -> str:
    """A token as an edge sees it: punctuation, marks and function words as themselves, others by part of speech."""
    if token.is_punct or token.is_stop or token.text in _MARKS or token.lower_ in _KEPT_WORDS:
        return token.lower_
    return token.pos_


def _distance(tokens: int) -> str:
    size = abs(tokens)
    sign = "-" if tokens < 0 else "+"
    if size <= 3:
        return str(tokens)
    return sign + ("4-6" if size <= 6 else "7-10" if size <= 10 else "11+")


def fit(groups: list[list[list[str]]], chosen: list[int], l2: float = 3.0, min_count: int = 50) -> dict[str, float]:
    """Fit a conditional logit: for each group of candidates, the probability of the chosen one.

    Args:
        groups: Each edge's candidates, as lists of features.
        chosen: For each group, the index of the right candidate.
        l2: Weight of the L2 penalty.
        min_count: Features seen in fewer candidates are left out.

    Returns:
        Each feature's weight (the ones left at zero omitted).
    """
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts = Counter(feature for group in groups for candidate in group for feature in set(candidate))
    index = {feature: i for i, feature in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows, columns, starts = [], [], []
    row = 0
    for group in groups:
        starts.append(row)
        for candidate in group:
            for feature in candidate:
                if feature in index:
                    rows.append(row)
                    columns.append(index[feature])
            row += 1
    matrix = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(row, len(index)))
    first = np.array(starts)
    group_of = np.repeat(np.arange(len(groups)), [len(group) for group in groups])
    right = first + np.array(chosen)

    def loss_and_gradient(w):
        z = matrix @ w
        top = np.maximum.reduceat(z, first)
        e = np.exp(z - top[group_of])
        total = np.add.reduceat(e, first)
        p = e / total[group_of]
        loss = -(z[right] - top - np.log(total)).sum() + 0.5 * l2 * w @ w
        gradient = matrix.T @ p - np.asarray(matrix[right].sum(axis=0)).ravel() + l2 * w
        return loss, gradient

    result = minimize(loss_and_gradient, np.zeros(len(index)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    weights = np.round(result.x, 3)
    return {feature: float(weights[i]) for feature, i in index.items() if weights[i] != 0}
