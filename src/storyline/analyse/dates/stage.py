"""The dates stage: infer a missing publication date, then find and resolve every time expression."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from storyline.analyse.dates.infer import infer_publication_date
from storyline.analyse.dates.tagger import find_timexes
from storyline.records import Article


def date_stage(article: Article, context) -> tuple[Article, list[dict[str, object]]]:
    """Anchor the article in time and return its time expressions (contract ``timexes``).

    A date the user gave or metadata carried is the anchor; without one, the date inferred from
    the text (and its photo captions) is stored with ``published_source: "inferred"`` and used.
    """
    if article.published is None:
        captions = " ".join(c.text for c in article.captions if c.text)
        inferred = infer_publication_date(article.text, context.now, captions)
        if inferred is not None:
            article = replace(article, published=inferred.value.isoformat(), published_source="inferred",
                              published_confidence=inferred.confidence)
    anchor = date.fromisoformat(article.published) if article.published else None
    return article, [timex.as_dict() for timex in find_timexes(article.text, anchor)]
