"""Which verbs report someone's stance, learned from annotated news.

The rules in :mod:`.find` take speech: quotes, "X said (that) ...", "according to X". News annotation
counts far more as attribution: what someone wants, hopes, supports, opposes, knows, is critical of,
or seems to think. Whether a verb does depends on the verb and its use ("she wants to triple the
program" is one, "she wants a sandwich" rarely; a verb inside someone's quote is seldom annotated), so
it is learned: a logistic model over the verb and its parse keeps the verbs the rules left
(:func:`.find.stance_verbs`) that are more likely than not to report a stance, with the extent their
parse gives them (:func:`.find.stance_extent`). It is fitted on PolNeAR train with
``tools/train_quotes.py`` (the labels: an annotated attribution whose cue holds the verb and whose
content overlaps the extent).

On PolNeAR dev (``storyline eval quotes --split dev``), replacing the list of stance verbs the rules
had (with the content edges refitted), exact source F1 went from 70.5 to 74.7, cue from 67.3 to 71.2
and content from 54.5 to 57.6; quote F1 at 80% coverage from 90.5 to 91.1. Weighing passives and "as"
asides too took source F1 to 75.0 and content F1 to 57.9 (75.9 and 58.0 with the source rules of the same session).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from storyline.analyse.quotes.find import SPEECH_VERBS, Attribution, inside_any, stance_extent, stance_verbs

_FILE = "stances.json"


@dataclass(frozen=True, slots=True)
class StanceModel:
    """The learned weights (:meth:`load` reads the ones shipped with storyline)."""

    weights: dict[str, float]

    @classmethod
    def load(cls) -> StanceModel:
        text = resources.files("storyline.analyse.quotes").joinpath(_FILE).read_text(encoding="utf-8")
        return cls(json.loads(text))

    def probability(self, features: list[str]) -> float:
        score = sum(self.weights.get(feature, 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-score))

    def find(self, doc, found: list[Attribution], quotes: list[tuple[int, int]]) -> list[Attribution]:
        """The stances in ``doc`` the model keeps, besides the attributions the rules ``found``. (A verb
        is weighed before its extent is built: most are dropped without one.)"""
        kept: dict[int, tuple[float, Attribution]] = {}  # for each verb, the likeliest of its kinds
        for verb, kind, described in described_verbs(doc, found, quotes):
            p = self.probability(described)
            if p > 0.5 and p > kept.get(verb.i, (0.0, None))[0]:
                attribution = stance_extent(verb, kind, quotes)
                if attribution is not None:
                    kept[verb.i] = (p, attribution)
        return [attribution for _p, attribution in kept.values()]


def described_verbs(doc, found: list[Attribution], quotes: list[tuple[int, int]]) -> Iterator[tuple[object, str, list[str]]]:
    """Each verb the rules left (:func:`.find.stance_verbs`) with its kind of extent and its features."""
    contents, quoted = covered(a.content for a in found), covered([quotes])
    for verb, kind in stance_verbs(doc, found):
        yield verb, kind, features(verb, kind, contents, quoted)


def covered(groups: Iterable[Iterable[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The characters some groups of spans cover, as sorted spans that do not overlap."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for group in groups for span in group):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def features(verb, kind: str, contents: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[str]:
    """What the model knows of one verb: its lemma alone and with its kind of extent, dependency, tag,
    subject and children, and whether it stands inside a quote or another attribution's content
    (``quoted`` and ``contents``, as :func:`covered` gives them)."""
    lemma = verb.lemma_.lower()
    subject = _subject_kind(verb)
    described = [f"kind={kind}", f"dep={verb.dep_}", f"tag={verb.tag_}", f"subject={subject}"]
    for child in verb.children:
        described.append(f"child={child.dep_}")
        if child.dep_ == "prep":
            described.append(f"prep={child.lower_}")
        elif child.dep_ == "xcomp":
            described.append(f"xcomp={child.lemma_.lower()}")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            described.append("modal")
        elif child.dep_ == "neg":
            described.append("negated")
    if kind == "copula":
        complement = next(c for c in verb.children if c.dep_ in ("acomp", "attr"))
        described.append(f"complement={complement.lemma_.lower()}")
        described.extend(f"complement={complement.lemma_.lower()}|{c.lower_}" for c in complement.children if c.dep_ == "prep")
    if inside_any(verb.idx, quoted):
        described.append("in_quote")
    if inside_any(verb.idx, contents):
        described.append("in_content")
    if kind == "as":  # "as he said" leaves out what was said; "as she tries to draw ..." does not
        taken = any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.children)
        described.append("as_taking" if taken else "as_gap")
    speech = "speech" if lemma in SPEECH_VERBS else "other"
    out = ["bias", f"lemma={lemma}", speech, f"{speech}|kind={kind}"]
    # (Each feature once, in a fixed order: a set's order changes with the hash seed, and with it the
    # order of the float sum that puts a verb either side of 0.5.)
    described = list(dict.fromkeys(described))
    out.extend(described)
    out.extend(f"{lemma}|{d}" for d in described if not d.startswith(("xcomp=", "complement=")))
    if verb.head.i != verb.i:
        out.append(f"head={verb.head.lemma_.lower()}|{verb.dep_}")
    return out


def _subject_kind(verb) -> str:
    """The subject's entity type or part of speech, plural marked ("PERSON", "NOUN_pl"), or "none";
    an infinitive's or conjunct's is its head verb's."""
    head = verb
    while True:
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            break
        head = head.head
    if subject is None:
        return "none"
    return (subject.ent_type_ or subject.pos_) + ("_pl" if subject.tag_ in ("NNS", "NNPS") else "")
