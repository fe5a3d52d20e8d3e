"""A story's dossier: timeline, quotes and claims aligned across its articles, and a short summary.

Every entry keeps its sources (article IDs, earliest first) and, for each, the span of that
article's text that supports it. Sentences are compared by the content words and the entities they
share, weighted by how rare each is in the story (a word every article uses tells nothing):

- **timeline**: the articles' dated events (the sentence and the calendar date the dates stage gave
  it). Events on the same day merge when their sentences share an entity or a content word beyond the
  story's commonest; coarser dates (a month, a week) need a closer match.
- **quotes**: the same words carried by several outlets are one quote, under one speaker.
- **claims**: every other statement, aligned across independent articles (copies count once):
  ``corroborated`` when two or more independent sources carry it, ``conflict`` when aligned
  sentences give different numbers, ``single-source`` otherwise.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from storyline.analyse.dates.stage import sentence_spans
from storyline.analyse.entities.linking import link_entities

TIMELINE_MATCH = 0.05      # same day: one shared entity or rare word is enough
COARSE_TIMELINE_MATCH = 0.35
CLAIM_MATCH = 0.25
COPY_MATCH = 0.8           # a copy's sentence and its original's: the same statement
QUOTE_MATCH = 80           # rapidfuzz token-set ratio of two quotes' words
_COMMON_WEIGHT = 0.15      # a feature of (nearly) every article: finds no candidates
_COMPARED = 4              # a claim's first statements from other sources that a new one is compared with
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
    words: frozenset[str]
    numbers: frozenset[str]
    entities: frozenset[str]
    quoted: bool = False


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
    claims = _claims(sentences, weight)
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
    quoted_spans = [(q["start"], q["end"]) for q in source.analysis.get("quotes") or [] if q.get("direct")]
    mention_starts = sorted(start for (article, start) in entity_keys if article == source.id)
    out = []
    for start, end in sentence_spans(text):
        chunk = text[start:end]
        tokens = _WORD.findall(chunk)
        words = frozenset(_normal(t) for t in tokens if not _NUMBER.match(t) and t.lower() not in _STOP and len(t) > 1)
        numbers = frozenset(t.replace(",", "") for t in tokens if _NUMBER.match(t))
        entities = frozenset(entity_keys[(source.id, m)] for m in mention_starts if start <= m < end)
        inside = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted_spans)
        out.append(_Sentence(source.id, source.copy_group, order, start, end, chunk, words, numbers, entities,
                             quoted=inside > 0.6 * (end - start)))
    return out


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


def _claims(sentences, weight) -> list[dict]:
    """Statements (sentences that are not mostly quotation) aligned across independent articles.

    In article order, a statement joins the claim whose statements from other sources it matches
    best on average, when that is ``CLAIM_MATCH`` or more; otherwise it starts a claim. (Joining on
    any one match chained half the seed story into one claim.)
    """
    statements = [_Profile(s, weight) for s in sentences if not s.quoted and len(s.words) >= 3]
    claims: list[list[_Profile]] = []
    holders: dict[str, set[int]] = defaultdict(set)
    for statement in sorted(statements, key=lambda p: (p.sentence.order, p.sentence.start)):
        # Only features that tell articles apart find candidates (one in every article weighs 0.1).
        telling = [f for f in statement.features if weight.get(f, 0.0) > _COMMON_WEIGHT]
        candidates = {c for f in telling for c in holders[f]}
        best, best_score = None, CLAIM_MATCH
        for c in candidates:
            members = claims[c]
            others = [m for m in members if m.sentence.group != statement.sentence.group][:_COMPARED]
            if others:
                score = sum(statement.similarity(m, weight) for m in others) / len(others)
            elif all(m.sentence.article != statement.sentence.article for m in members):
                # A copy's sentence joins its original's claim when it repeats it.
                score = max(statement.similarity(m, weight) for m in members)
                score = score if score >= COPY_MATCH else 0.0
            else:
                continue
            if score >= best_score:
                best, best_score = c, score
        if best is None:
            claims.append([statement])
            best = len(claims) - 1
        else:
            claims[best].append(statement)
        for f in telling:
            holders[f].add(best)
    out = []
    for profiles in claims:
        members = [p.sentence for p in profiles]
        independent = {m.group for m in members}
        numbered = [m.numbers for m in members if m.numbers]
        if len(independent) >= 2 and len(numbered) >= 2 and not frozenset.intersection(*numbered):
            status = "conflict"
        elif len(independent) >= 2:
            status = "corroborated"
        else:
            status = "single-source"
        out.append({"status": status, **_cited(members)})
    out.sort(key=lambda c: ({"corroborated": 0, "conflict": 1, "single-source": 2}[c["status"]], -len(c["sources"])))
    return out


def _cited(members: list[_Sentence]) -> dict:
    members = sorted(members, key=lambda m: (m.order, m.start))
    return {
        "text": members[0].text,
        "sources": list(dict.fromkeys(m.article for m in members)),
        "evidence": [{"article": m.article, "start": m.start, "end": m.end} for m in members],
    }


def _summary(claims: list[dict]) -> list[dict]:
    """The story in a few sentences: its claims with the most independent sources, whole
    statements first (ten words or more), in the order of the earliest article."""
    def words(claim: dict) -> int:
        return len(claim["text"].split())

    ranked = sorted(claims, key=lambda c: (-len(c["sources"]), words(c) < SUMMARY_MIN_WORDS, c["evidence"][0]["start"]))
    return [{"text": c["text"], "sources": c["sources"]} for c in ranked[:SUMMARY_SENTENCES]]
