"""What story clustering reads of an analysed article, and the weighted vector it compares.

An article's vector joins four views of it, each normalised and given the same weight, so that the
cosine of two vectors is the mean of four cosines:

- ``a``: every content lemma and name word (what the article is about);
- ``n``: the words of its people, organisations and places (who and where: two rehab check-ins
  differ here, not in their verbs);
- ``l``: the headline and the first three sentences, where news says what happened;
- ``#``: the numbers it gives ("23 pirates" against "26 pirates"), years left out.

Words are weighted by TF-IDF; document frequencies come from the articles seen so far, smoothed
towards general English word frequencies (``wordfreq``) so that the first articles of a store are
weighted sensibly too. On ECB+ (train topics) each view added measurably to the B³ F1 of the
others; static embeddings (wordllama) did not, and are not used.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.records import Article

VIEWS = ("a", "n", "l", "#")
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"})
VECTOR_SIZE = 120          # features kept per article: the heaviest
PRIOR_DOCUMENTS = 200      # how many articles' worth of weight the general-English prior carries
_WORDS_PER_ARTICLE = 400   # turns a word's frequency in English into the share of articles using it
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class StoryInput:
    """One article as story assignment sees it."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    published: date | None      # only a date from the article's metadata or the user, never an inferred one
    terms: tuple[str, ...]      # content lemmas and name words, for document frequencies and view ``a``
    names: tuple[str, ...]      # name words, once per mention
    lead: tuple[str, ...]       # headline words and the first sentences' lemmas
    numbers: tuple[str, ...]
    persons: tuple[tuple[str, int], ...] = ()   # people's surnames (lower case) and mention counts

    @property
    def main_persons(self) -> frozenset[str]:
        """The surnames of the people the article names most (twice or more)."""
        most = max((n for _s, n in self.persons), default=0)
        return frozenset(s for s, n in self.persons if n == most and n >= 2)


def story_input(article: Article, analysis: dict[str, object]) -> StoryInput:
    """Build the :class:`StoryInput` of an analysed article (``terms`` and ``entities`` outputs)."""
    terms = analysis.get("terms") or {"lemmas": [], "lead": 0}
    lemmas = list(terms.get("lemmas", []))
    names, persons = [], Counter()
    for entity in analysis.get("entities") or []:
        if entity.get("type") in NAME_TYPES:
            words = _NAME_WORD.findall(entity["name"].lower())
            names.extend(words * len(entity.get("mentions") or [None]))
            if entity["type"] == "PERSON" and words:
                persons[words[-1]] += len(entity.get("mentions") or [None])
    title = [w for w in _TITLE_WORD.findall((article.title or "").lower()) if w not in STOP_WORDS]
    published = None
    # An inferred date can be a whole weekday cycle off ("Friday, November 11" fits 2011 and 2022):
    # on ECB+ 61 of 772 articles got confident but wrong years, and split their stories.
    if article.published and article.published_source in ("given", "metadata"):
        published = date.fromisoformat(article.published)
    numbers = tuple(n.replace(",", "") for n in _NUMBER.findall(article.text) if not _YEAR.match(n.replace(",", "")))
    return StoryInput(
        id=article.id, text=article.text, title=article.title, outlet=article.outlet, published=published,
        terms=tuple(lemmas + names), names=tuple(names), lead=tuple(title + lemmas[: int(terms.get("lead", 0))]),
        numbers=numbers, persons=tuple(sorted(persons.items())),
    )


class Weights:
    """Document frequencies of terms over the articles seen, and the IDF they give."""

    def __init__(self, frequencies: dict[str, int] | None = None, documents: int = 0):
        self.df: Counter = Counter(frequencies or {})
        self.documents = documents
        self.added: Counter = Counter()   # counts since the last save
        self._prior: dict[str, float] = {}

    def count(self, item: StoryInput) -> None:
        """Count an article's distinct terms into the document frequencies."""
        distinct = set(item.terms)
        self.df.update(distinct)
        self.added.update(distinct)
        self.documents += 1

    def idf(self, term: str) -> float:
        return self.idfs((term,))[term]

    def idfs(self, terms) -> dict[str, float]:
        """The IDF of each term: its document frequency, smoothed by ``PRIOR_DOCUMENTS`` articles'
        worth of its share in English."""
        prior, df, log = self._prior, self.df, math.log
        total = self.documents + PRIOR_DOCUMENTS + 1
        out = {}
        for term in terms:
            share = prior.get(term)
            if share is None:
                share = prior[term] = _english_share(term)
            out[term] = log(total / (df.get(term, 0) + PRIOR_DOCUMENTS * share + 0.5))
        return out

    def vector(self, item: StoryInput) -> dict[str, float]:
        """The article's four views, each TF-IDF weighted and normalised, scaled to one half each
        (so the full vector has norm 1 when all four are present), keeping the heaviest features."""
        counts = Counter(item.terms)
        idf = self.idfs(counts.keys() | set(item.names) | set(item.lead))
        log = math.log
        views = (
            ("a:", {w: (1 + log(c)) * idf[w] for w, c in counts.items()}),
            ("n:", {w: (1 + log(c)) * idf[w] for w, c in Counter(item.names).items()}),
            ("l:", {w: (1 + log(c)) * idf[w] for w, c in Counter(item.lead).items()}),
            ("#:", dict.fromkeys(item.numbers, 1.0)),
        )
        vector = {}
        scale = 1 / math.sqrt(len(VIEWS))
        for prefix, weights in views:
            norm = math.sqrt(sum(w * w for w in weights.values()))
            if norm:
                factor = scale / norm
                for key, w in weights.items():
                    vector[prefix + key] = w * factor
        if len(vector) > VECTOR_SIZE:
            vector = dict(sorted(vector.items(), key=lambda kv: -kv[1])[:VECTOR_SIZE])
        return vector


@functools.lru_cache(maxsize=1 << 20)
def _english_share(term: str) -> float:
    """Roughly the share of news articles that use a word, from its frequency in English."""
    from wordfreq import word_frequency

    if term.isdigit():
        return 0.05
    return min(1.0, word_frequency(term, "en") * _WORDS_PER_ARTICLE)
