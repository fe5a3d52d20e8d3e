"""The language stage: one parse, then entities and quotes from it."""

from __future__ import annotations

from storyline.analyse.entities.identity import resolve_identities
from storyline.analyse.entities.mentions import find_mentions
from storyline.analyse.entities.stage import link_descriptions
from storyline.analyse.quotes.find import SPEECH_VERBS, find_attributions
from storyline.analyse.quotes.speakers import resolve_speakers
from storyline.records import Article


def language_stage(article: Article, context) -> tuple[Article, dict[str, object]]:
    """Entities and quotes of an article, from one spaCy parse (contract ``entities`` and ``quotes``)."""
    text = article.text
    doc = context.nlp(text)
    identities = link_descriptions(text, resolve_identities(find_mentions(doc)))
    attributions = find_attributions(doc, context.quote_edges, context.quote_stances)
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    names = resolve_speakers(text, attributions, identities, frozenset(t.idx for t in subjects),
                             frozenset(t.idx for t in subjects if _in_main_clause(t)))
    quotes = []
    for group, (attribution, name) in enumerate(zip(attributions, names)):
        speaker = None
        if attribution.source or name:
            s, e = attribution.source or (None, None)
            speaker = {"mention": text[s:e] if s is not None else None, "start": s, "end": e, "name": name}
        cue = {"text": text[attribution.cue[0]:attribution.cue[1]], "start": attribution.cue[0], "end": attribution.cue[1]} if attribution.cue else None
        for start, end in attribution.content:
            record = {"text": text[start:end], "start": start, "end": end, "direct": attribution.direct,
                      "speaker": speaker, "cue": cue, "group": group}
            if attribution.addressee:
                a, b = attribution.addressee
                record["addressee"] = text[a:b]
            quotes.append(record)
    return article, {"entities": [i.as_dict() for i in identities], "quotes": quotes, "terms": content_terms(doc),
                     "predicates": predicates(doc)}


def _in_main_clause(token) -> bool:
    """Whether a subject's verb heads its sentence, alone or joined by "and" to the verb that does."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_LEAD_SENTENCES = 3


def content_terms(doc) -> dict[str, object]:
    """The article's content words as lower-case lemmas, in text order, for story clustering:
    nouns, names, verbs, adjectives and numbers, without stop words. ``lead`` counts the lemmas
    of the first three sentences, where news puts who, what and where."""
    lemmas, lead = [], 0
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            if token.like_num or (token.pos_ in _CONTENT_POS and token.is_alpha and not token.is_stop):
                lemmas.append(token.lemma_.lower())
        if number < _LEAD_SENTENCES:
            lead = len(lemmas)
    return {"lemmas": lemmas, "lead": lead}


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset("in at near on off outside inside into from".split())


def predicates(doc) -> list[dict[str, object]]:
    """Who did what where, for the dossier to tell when aligned statements disagree: each verb that
    is not a speech verb and names its doer or its place by name, as ``at`` (the verb's offset),
    ``lemma``, ``agent`` (the named subject, or the "by" agent of a passive) and ``place`` (a named
    place after "in", "at", "near" ..., or as the object: "struck Padang"), each a [start, end] span
    or None."""
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in SPEECH_VERBS:
            continue
        agent = place = None
        # "arrested Brell in Lisbon": the parser often hangs the place on the object.
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for child in [*verb.children, *(c for o in objects for c in o.children if c.dep_ == "prep")]:
            if child.dep_ == "nsubj" or (child.dep_ == "agent" and any(c.dep_ == "pobj" for c in child.children)):
                doer = child if child.dep_ == "nsubj" else next(c for c in child.children if c.dep_ == "pobj")
                agent = _named(doer, doc) or agent
            elif child.dep_ == "dobj" and child.ent_type_ in _PLACE_LABELS:  # "struck Padang"
                place = _named(child, doc) or place
            elif child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS:
                for target in child.children:
                    if target.dep_ == "pobj" and target.ent_type_ in _PLACE_LABELS:
                        place = _named(target, doc) or place
        if agent or place:
            out.append({"at": verb.idx, "lemma": verb.lemma_.lower(), "agent": agent, "place": place})
    return out


def _named(token, doc) -> list[int] | None:
    """The span of the name a token is part of (a named entity, or a run of proper nouns), or None."""
    if token.ent_type_ and token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"):
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if entity is not None:
            return [entity.start_char, entity.end_char]
    if token.pos_ == "PROPN":
        words = [t for t in token.subtree if t.pos_ == "PROPN" and t.dep_ in ("compound", "flat") or t.i == token.i]
        return [min(t.idx for t in words), max(t.idx + len(t) for t in words)]
    return None
