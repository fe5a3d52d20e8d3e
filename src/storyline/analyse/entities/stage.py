"""The entities stage: parse the article, find its named mentions, group them into identities."""

from __future__ import annotations

from storyline.analyse.entities.identity import resolve_identities
from storyline.analyse.entities.mentions import find_mentions
from storyline.records import Article


def entity_stage(article: Article, context) -> tuple[Article, dict[str, object]]:
    """The article's entities per the contract: canonical name, type, every mention's offsets."""
    doc = context.nlp(article.text)
    identities = resolve_identities(find_mentions(doc))
    return article, {"entities": [identity.as_dict() for identity in identities]}
