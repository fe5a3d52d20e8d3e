"""How well a missing publication date is inferred: articles whose date is known, dated from their
text alone as if ingested some days after they came out."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from storyline.analyse.dates.infer import infer_publication_date
from storyline.evaluate.quotes import polnear_metadata
from storyline.evaluate.timex import read_corpus

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


@dataclass(frozen=True, slots=True)
class DatedText:
    name: str
    text: str
    published: date


@dataclass(frozen=True, slots=True)
class PublishedScore:
    articles: int
    answered: int     # articles given a date (the rest hold no day-month date to go by)
    exact: int
    within_week: int  # at most 7 days off
    right_year: int
    seconds: float


def tbaq_articles(directory: Path) -> list[DatedText]:
    """TimeML documents with their creation time as the true date."""
    return [DatedText(d.name, d.text, date.fromisoformat(d.dct[:10])) for d in read_corpus(directory)]


def polnear_articles(root: Path) -> list[DatedText]:
    """PolNeAR articles of every split with the publication date their metadata gives."""
    articles = []
    for row in polnear_metadata(root):
        path = root / "data" / row["compartment"] / "text" / f"{row['filename']}.txt"
        if _DAY.match(row["publication_date"]) and path.is_file():
            articles.append(DatedText(row["filename"], path.read_text(encoding="utf-8"), date.fromisoformat(row["publication_date"])))
    return articles


def evaluate_published(articles: list[DatedText], lag_days: int) -> PublishedScore:
    """Infer each article's date from its text, ingested ``lag_days`` after it came out, and count."""
    answered = exact = within_week = right_year = 0
    started = time.perf_counter()
    for article in articles:
        inferred = infer_publication_date(article.text, article.published + timedelta(days=lag_days))
        if inferred is None:
            continue
        off = abs((inferred.value - article.published).days)
        answered += 1
        exact += off == 0
        within_week += off <= 7
        right_year += inferred.value.year == article.published.year
    return PublishedScore(len(articles), answered, exact, within_week, right_year, time.perf_counter() - started)
