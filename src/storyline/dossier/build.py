"""A story's dossier: timeline, quotes and claims aligned across its articles, and a short summary.

Every entry keeps its sources (article IDs, earliest first) and, for each, the span of that
article's text that supports it.

- **timeline**: the articles' dated events (the sentence and the calendar date the dates stage gave
  it). Events on the same day merge when their sentences share an entity or a content word beyond the
  story's commonest (weighted by how rare each is in the story); coarser dates (a month, a week) need
  a closer match.
- **quotes**: the same words carried by several outlets are one quote, under one speaker.
- **claims**: what the sentences state outside quotations, grouped by what they report (rare words,
  entities and meaning shared; see :func:`_claims`): ``corroborated`` when two or more independent
  sources carry it (copies count once), ``conflict`` when they give different numbers for the same
  thing, ``single-source`` otherwise.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz

from storyline.analyse.dates.stage import sentence_spans
from storyline.analyse.entities.linking import link_entities

TIMELINE_MATCH = 0.05      # same day: one shared entity or rare word is enough
COARSE_TIMELINE_MATCH = 0.35
CLAIM_MATCH = 0.3          # mean similarity of two groups of statements that report one thing
LEXICAL_SHARE = 0.5        # of a statements' similarity: shared rare words; the rest, their meaning
ENTITY_WEIGHT = 1.0        # a shared entity (its name's words count too)
QUOTE_MATCH = 80           # rapidfuzz token-set ratio of two quotes' words
_COMMON_WEIGHT = 0.15      # a feature of (nearly) every article: finds no candidates
SUMMARY_SENTENCES = 4
SUMMARY_MIN_WORDS = 10
_STOP = frozenset("""a an the and or but if of in on at to for from by with about as into over after before than
then that this these those it its it's is are was were be been being has have had do does did will would shall
should can could may might must not no so such he she they we you i him her them us his their our your my me
said says say told tell also just very more most some any all one two who whom which what when where why how
there here up out off per mr ms mrs""".split())
_WORD = re.compile(r"[^\W\d_][\w'’]*|\d[\d,.]*\d|\d")
_NUMBER = re.compile(r"^\d[\d,.]*$")


@dataclass(frozen=True, slots=True)
class Source:
    """One article of the story as the dossier reads it."""

    id: str
    outlet: str | None
    published: str | None
    copy_group: str
    text: str
    analysis: dict


@dataclass(slots=True)
class _Sentence:
    article: str
    group: str
    order: int
    start: int
    end: int
    text: str
    words: frozenset[str]                      # crude stems of the content words
    surface: dict[str, str]                    # stem -> a word as written, lower case
    quantities: frozenset[tuple[str, str]]     # (number, the stem of the word after it)
    entities: frozenset[str]


def build_dossier(sources: list[Source]) -> dict[str, list]:
    """The dossier of a story whose articles are ``sources`` (earliest first).

    Returns:
        ``timeline``, ``quotes``, ``claims`` and ``summary`` per ../shared/CONTRACT.md.
    """
    order = {s.id: n for n, s in enumerate(sources)}
    entity_keys, entity_names = _entity_keys(sources)
    sentences = [s for source in sources for s in _sentences(source, order[source.id], entity_keys)]
    weight = _weights(sentences)
    timeline = _timeline(sources, order, sentences, weight)
    quotes = _quotes(sources, order, entity_names)
    claims = _claims(sentences)
    return {"timeline": timeline, "quotes": quotes, "claims": claims, "summary": _summary(claims)}


def _entity_keys(sources: list[Source]) -> tuple[dict[tuple[str, int], str], dict[tuple[str, str], str]]:
    """(article, mention start) -> the story-wide entity the mention belongs to; and (article, the
    article's name for an identity) -> the entity's story-wide name ("Trump" -> "Donald Trump")."""
    keys, names = {}, {}
    for entity in link_entities((s.id, s.analysis.get("entities") or []) for s in sources):
        for article, identity in entity.members:
            names[(article, identity["name"])] = entity.name
            for mention in identity.get("mentions", []):
                keys[(article, mention["start"])] = entity.key
    return keys, names


def _normal(word: str) -> str:
    """A crude stem, lower case: enough for "shipments" to meet "shipment" and "paused" "pause"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix, keep in (("ies", 3), ("ing", 4), ("ed", 3), ("es", 4), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word.removesuffix("e") if len(word) > 4 else word


def _sentences(source: Source, order: int, entity_keys: dict) -> list[_Sentence]:
    text = source.text
    aside = _aside(source)
    mention_starts = sorted(start for (article, start) in entity_keys if article == source.id)
    out = []
    for start, end in sentence_spans(text):
        chunk = text[start:end]
        stated = _blank(chunk, start, aside)
        tokens = _WORD.findall(stated)
        surface = {_normal(t): t.lower() for t in tokens if not _NUMBER.match(t) and t.lower() not in _STOP and len(t) > 1}
        quantities = frozenset((t.replace(",", ""), _normal(after)) for t, after in zip(tokens, tokens[1:])
                               if _NUMBER.match(t) and not _NUMBER.match(after) and after.lower() not in _STOP)
        entities = frozenset(entity_keys[(source.id, m)] for m in mention_starts
                             if start <= m < end and not any(a <= m < b for a, b in aside))
        out.append(_Sentence(source.id, source.copy_group, order, start, end, chunk, frozenset(surface), surface,
                             quantities, entities))
    return out


def _blank(chunk: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """``chunk`` (which starts at ``offset``) with the parts inside ``spans`` blanked out."""
    pieces, at = [], 0
    for a, b in sorted((max(a - offset, 0), min(b - offset, len(chunk))) for a, b in spans if a < offset + len(chunk) and b > offset):
        if a > at:
            pieces.append(chunk[at:a])
        at = max(at, b)
        pieces.append(" ")
    pieces.append(chunk[at:])
    return "".join(pieces)


def _aside(source: Source) -> list[tuple[int, int]]:
    """Spans that are not the article's own statement of fact: direct quotes with their speaker,
    cue and addressee (the quotes list carries those), and time expressions (the timeline does)."""
    text, spans = source.text, []
    for quote in source.analysis.get("quotes") or []:
        if not quote.get("direct"):
            continue
        spans.append((quote["start"], quote["end"]))
        for part in (quote.get("speaker"), quote.get("cue")):
            if part and part.get("start") is not None:
                spans.append((part["start"], part["end"]))
        if quote.get("addressee") and quote.get("cue"):
            at = text.find(quote["addressee"], quote["cue"]["end"], quote["cue"]["end"] + len(quote["addressee"]) + 8)
            if at != -1:
                spans.append((at, at + len(quote["addressee"])))
    spans.extend((t["start"], t["end"]) for t in source.analysis.get("timexes") or [])
    return spans


def _weights(sentences: list[_Sentence]) -> dict[str, float]:
    """IDF over the story's articles: a feature in every article weighs nothing."""
    articles: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        articles[s.article].update(s.words)
        articles[s.article].update("@" + e for e in s.entities)
    documents = len(articles)
    frequency = Counter(f for features in articles.values() for f in features)
    return {f: math.log((documents + 1) / n) + 0.1 for f, n in frequency.items()}


def _features(s: _Sentence) -> frozenset[str]:
    return s.words | {"@" + e for e in s.entities}


class _Profile:
    """A sentence's features and their total weight, computed once for many comparisons."""

    __slots__ = ("sentence", "features", "mass")

    def __init__(self, sentence: _Sentence, weight: dict[str, float]):
        self.sentence = sentence
        self.features = _features(sentence)
        self.mass = sum(weight.get(f, 0.0) for f in self.features)

    def similarity(self, other: _Profile, weight: dict[str, float]) -> float:
        """Weighted overlap of two sentences' words and entities: the weight they share over the
        geometric mean of their weights (so a short sentence matches nothing by sharing one word)."""
        if not self.mass or not other.mass:
            return 0.0
        shared = sum(weight.get(f, 0.0) for f in self.features & other.features)
        return shared / math.sqrt(self.mass * other.mass)


def _timeline(sources, order, sentences, weight) -> list[dict]:
    sentence_at = {(s.article, s.start): n for n, s in enumerate(sentences)}
    events = []
    for source in sources:
        for event in source.analysis.get("events") or []:
            n = sentence_at.get((source.id, event["start"]))
            if n is None:
                continue
            sentence = sentences[n]
            # "the July 3 phone call between the two leaders": who they are, the sentence before says.
            before = sentences[n - 1] if n and sentences[n - 1].article == source.id else None
            if before is not None:
                sentence = replace(sentence, entities=sentence.entities | before.entities)
            events.append((event["date"], _Profile(sentence, weight)))
    entries: list[tuple[str, list[_Profile]]] = []
    for value, event in sorted(events, key=lambda e: (_date_key(e[0]), e[1].sentence.order, e[1].sentence.start)):
        needed = TIMELINE_MATCH if re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", value) else COARSE_TIMELINE_MATCH
        for entry_value, members in entries:
            if entry_value == value and any(event.similarity(m, weight) >= needed for m in members):
                members.append(event)
                break
        else:
            entries.append((value, [event]))
    return [{"date": value, **_cited([m.sentence for m in members])} for value, members in entries]


def _date_key(value: str) -> str:
    """Sort key of a TIMEX3 value: its first day ("2025-W27" sorts with the days of that week)."""
    week = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if week:
        from datetime import date

        return date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
    return value


def _quotes(sources, order, entity_names) -> list[dict]:
    pieces: dict[tuple[str, int], dict] = {}
    for source in sources:
        for quote in source.analysis.get("quotes") or []:
            if not quote.get("direct"):
                continue
            key = (source.id, quote.get("group", quote["start"]))
            speaker = (quote.get("speaker") or {}).get("name")
            speaker = entity_names.get((source.id, speaker), speaker)
            if key not in pieces:
                pieces[key] = {"article": source.id, "order": order[source.id], "speaker": speaker, "parts": [],
                               "start": quote["start"], "end": quote["end"]}
            piece = pieces[key]
            piece["parts"].append(quote["text"].strip("“”\"' "))
            piece["end"] = quote["end"]
    entries: list[list[dict]] = []
    for piece in sorted(pieces.values(), key=lambda p: (p["order"], p["start"])):
        piece["text"] = " … ".join(piece["parts"])
        for entry in entries:
            head = entry[0]
            same_speaker = not piece["speaker"] or not head["speaker"] or piece["speaker"] == head["speaker"]
            if same_speaker and piece["article"] not in {p["article"] for p in entry} \
                    and fuzz.token_set_ratio(piece["text"], head["text"]) >= QUOTE_MATCH:
                entry.append(piece)
                break
        else:
            entries.append([piece])
    out = []
    for entry in entries:
        speaker = next((p["speaker"] for p in entry if p["speaker"]), None)
        out.append({
            "speaker": speaker,
            "text": entry[0]["text"],
            "sources": list(dict.fromkeys(p["article"] for p in entry)),
            "variants": sorted({p["text"] for p in entry[1:] if p["text"] != entry[0]["text"]}),
            "evidence": [{"article": p["article"], "start": p["start"], "end": p["end"]} for p in entry],
        })
    out.sort(key=lambda q: (q["speaker"] is None, q["speaker"] or ""))
    return out


def _claims(sentences: list[_Sentence]) -> list[dict]:
    """Statements (what sentences say outside quotation marks) grouped by what they report.

    Statements are compared by the words and entities they share, each weighted by its rarity in
    English (:func:`_rarity`): "earthquake", "rehab" or a person count; "said" or "country" hardly.
    Story-wide rarity would be wrong here: the words that name the story's central event are in every
    article, and they are what tells that two sentences report it. Their meaning counts as much
    (:func:`_similarities`). Groups form by average linkage: two groups join while the mean
    similarity of their statements is ``CLAIM_MATCH`` or more, so a claim does not chain through
    one shared word. On ECB+ dev this merges sentences that report one gold event at F1 0.74, where
    story-wide weights and greedy one-by-one joining reached 0.25.
    """
    statements = [s for s in sentences if len(s.words) >= 3]
    groups = _average_linkage(_similarities(statements), CLAIM_MATCH)
    out = []
    for members in ([statements[i] for i in group] for group in groups):
        independent = {m.group for m in members}
        if len(independent) >= 2 and _disagree(members):
            status = "conflict"
        elif len(independent) >= 2:
            status = "corroborated"
        else:
            status = "single-source"
        out.append({"status": status, **_cited(members)})
    out.sort(key=lambda c: ({"corroborated": 0, "conflict": 1, "single-source": 2}[c["status"]], -len(c["sources"]),
                            c["evidence"][0]["start"]))
    return out


def _rare_features(s: _Sentence) -> dict[str, float]:
    features = {w: _rarity(w, s.surface.get(w, w)) for w in s.words}
    features.update(("@" + e, ENTITY_WEIGHT) for e in s.entities)
    return features


@functools.lru_cache(maxsize=1 << 16)
def _rarity(stem: str, surface: str) -> float:
    """How much sharing a word tells: 7 minus its Zipf frequency in English ("the" 7.7, "said" 6.0,
    "killed" 5.2, "earthquake" 4.2), at least a token weight."""
    from wordfreq import zipf_frequency

    return max(_COMMON_WEIGHT, 7.0 - zipf_frequency(surface, "en"))


def _similarities(statements: list[_Sentence]) -> np.ndarray:
    """Pairwise similarity of statements: the cosine of their rarity-weighted words and entities
    (``LEXICAL_SHARE`` of it) and of their content words' static embeddings (the rest), which
    sees that "fell to his death" and "was killed after falling" say one thing."""
    if not statements:
        return np.zeros((0, 0))
    from scipy.sparse import csr_matrix

    index: dict[str, int] = {}
    rows, columns, values = [], [], []
    for row, statement in enumerate(statements):
        features = _rare_features(statement)
        norm = math.sqrt(sum(w * w for w in features.values())) or 1.0
        for feature, w in features.items():
            rows.append(row)
            columns.append(index.setdefault(feature, len(index)))
            values.append(w / norm)
    vectors = csr_matrix((values, (rows, columns)), shape=(len(statements), max(1, len(index))), dtype=np.float32)
    lexical = (vectors @ vectors.T).toarray()
    meaning = _embed([" ".join(s.surface.values()) for s in statements])
    return LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * (meaning @ meaning.T)


def _embed(texts: list[str]) -> np.ndarray:
    """Unit-length static embeddings (wordllama's weights ship inside the package: nothing is fetched)."""
    return _wordllama().embed(texts, norm=True).astype(np.float32)


@functools.lru_cache(maxsize=1)
def _wordllama():
    from pathlib import Path

    import wordllama

    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def _average_linkage(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of items (indices) whose mean pairwise similarity is at least ``threshold``, by
    average-linkage agglomerative clustering, in order of their first item."""
    if len(similarity) < 2:
        return [[i] for i in range(len(similarity))]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - similarity.astype(np.float64), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(linkage(squareform(distance, checks=False), "average"), 1.0 - threshold, "distance")
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    return list(groups.values())


def _disagree(members: list[_Sentence]) -> bool:
    """Whether statements of different sources give different numbers for the same thing: "killed 5
    people" beside "killed 7 people" (a number and the word after it)."""
    said: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in members:
        for number, unit in m.quantities:
            said[unit][m.group].add(number)
    for by_source in said.values():
        values = list(by_source.values())
        if len(values) >= 2 and not frozenset.intersection(*map(frozenset, values)):
            return True
    return False


def _cited(members: list[_Sentence]) -> dict:
    """An entry's text (its earliest statement), sources, evidence spans, and how the others put it."""
    members = sorted(members, key=lambda m: (m.order, m.start))
    head = " ".join(members[0].text.split())
    variants = {}
    for m in members[1:]:
        text = " ".join(m.text.split())
        if text != head:
            variants.setdefault(text, m.article)
    return {
        "text": members[0].text,
        "sources": list(dict.fromkeys(m.article for m in members)),
        "evidence": [{"article": m.article, "start": m.start, "end": m.end} for m in members],
        "variants": [{"article": article, "text": text} for text, article in variants.items()],
    }


def _summary(claims: list[dict]) -> list[dict]:
    """The story in a few sentences: its claims with the most independent sources, whole
    statements first (ten words or more), in the order of the earliest article."""
    def words(claim: dict) -> int:
        return len(claim["text"].split())

    ranked = sorted(claims, key=lambda c: (-len(c["sources"]), words(c) < SUMMARY_MIN_WORDS, c["evidence"][0]["start"]))
    return [{"text": c["text"], "sources": c["sources"]} for c in ranked[:SUMMARY_SENTENCES]]
