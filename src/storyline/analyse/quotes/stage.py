"""The language stage: one parse, then entities and quotes from it."""

from __future__ import annotations

from storyline.analyse.entities.identity import resolve_identities
from storyline.analyse.entities.mentions import find_mentions
from storyline.analyse.entities.stage import link_descriptions
from storyline.analyse.quotes.find import find_attributions
from storyline.analyse.quotes.speakers import resolve_speakers
from storyline.records import Article


def language_stage(article: Article, context) -> tuple[Article, dict[str, object]]:
    """Entities and quotes of an article, from one spaCy parse (contract ``entities`` and ``quotes``)."""
    text = article.text
    doc = context.nlp(text)
    identities = link_descriptions(text, resolve_identities(find_mentions(doc)))
    attributions = find_attributions(doc)
    subjects = frozenset(t.idx for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    names = resolve_speakers(text, attributions, identities, subjects)
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
    return article, {"entities": [i.as_dict() for i in identities], "quotes": quotes, "terms": content_terms(doc)}


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
