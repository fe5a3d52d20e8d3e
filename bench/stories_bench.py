"""Story assignment at archive scale: dedupe + assignment of a generated stream of analysed articles, one core.

The stream is made from real ECB+ documents, analysed once by storyline (spaCy parse, entities,
lemmas). Each generated event mixes the sentences of two or three documents and renames their
people, places and organisations with invented names (so that events stay distinct), then
publishes one to six articles about it: each about half of the event's sentences (and as many of
its lemmas), and now and then an edited copy of one of them (site junk added, headline replaced,
a sentence dropped).
The stream is shuffled within windows of 2,000 articles, as a feed would mix them.

Articles go to the engine in batches of ``SAVE_EVERY``, as ingest hands them over. Measured (the time
inside ``StoryEngine.add_many`` and its second look only, not the making of the stream): articles per
second over the first 10,000 articles and over the last 10,000 (when the engine holds 90,000), each
from the median time of its batches (a shared machine slows some batches by half), so
the cost per article at 10k and at 100k; the memory the engine holds; the process's peak memory.

    python bench/stories_bench.py --shared ../shared --out bench/RESULTS.md [--articles 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import os
import random
import re
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest_bench import machine, write_section  # noqa: E402

from storyline.stories.assign import SAVE_EVERY  # noqa: E402
from storyline.stories.engine import StoryEngine  # noqa: E402
from storyline.stories.features import StoryInput, story_input  # noqa: E402

POOL = 300
WINDOW = 10_000
TARGET_RATE = 2000
_SYLLABLES = "ka lo mi ra ten vu sor bel an dri pe ko las mun ti za rel vor ed gan".split()
_JUNK = ("Advertisement", "Share this article", "Sign up for our newsletter", "Related coverage")


def analysed_pool(shared: Path, size: int) -> list[StoryInput]:
    from storyline.evaluate.ecbplus import analyse_documents, read_corpus

    documents = read_corpus(shared / "eval" / "stories" / "ecbplus" / "ECB+")
    random.Random(7).shuffle(documents)
    return [story_input(article, results) for article, results in analyse_documents(documents[:size])]


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def event_of(pool: list[StoryInput], rng: random.Random, event: int) -> StoryInput:
    """A new event of the kind the pool describes: the sentences and lemmas of two or three pool
    documents mixed, and every name word replaced by an invented one."""
    sources = rng.sample(pool, rng.randint(2, 3))
    sentences = [s for source in sources for s in re.split(r"(?<=[.!?])\s+", source.text)]
    rng.shuffle(sentences)
    names = sorted({n for source in sources for n in source.names if len(n) > 2}, key=len, reverse=True)
    mapping = {n: invented_name(rng) for n in names}
    text = " ".join(sentences)
    if mapping:
        pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in mapping) + r")\b", re.IGNORECASE)
        text = pattern.sub(lambda m: mapping[m[0].lower()].capitalize(), text)

    def swap(words):
        return tuple(mapping.get(w, w) for source in sources for w in getattr(source, words))

    numbers = tuple(str(int(n) + rng.randint(1, 99)) if n.isdigit() else n for source in sources for n in source.numbers)
    persons = tuple((mapping.get(s, s), c) for source in sources for s, c in source.persons)
    return replace(sources[0], id=f"e{event}", text=text, title=None, terms=swap("terms"), names=swap("names"),
                   lead=swap("lead"), numbers=numbers, persons=persons)


def article_of(event: StoryInput, rng: random.Random, key: str) -> StoryInput:
    """One outlet's report of the event: about half of its sentences, and as many of its lemmas."""
    sentences = re.split(r"(?<=[.!?])\s+", event.text)
    kept = [s for s in sentences if rng.random() < 0.5] or sentences[:1]
    share = len(kept) / len(sentences)
    terms = tuple(t for t in event.terms if rng.random() < share)
    return replace(event, id=key, text=" ".join(kept), terms=terms)


def edited_copy(source: StoryInput, rng: random.Random, key: str) -> StoryInput:
    """A republication: site junk around the text, a sentence dropped, a new headline."""
    sentences = re.split(r"(?<=[.!?])\s+", source.text)
    if len(sentences) > 3:
        sentences.pop(rng.randrange(len(sentences)))
    text = rng.choice(_JUNK) + "\n\n" + " ".join(sentences) + "\n\n" + rng.choice(_JUNK)
    return replace(source, id=key, text=text, title="Latest: " + (source.title or ""))


def stream(pool: list[StoryInput], total: int, seed: int = 1):
    """Yield ``total`` articles, shuffled within windows of 2,000 (made lazily: memory stays flat)."""
    rng = random.Random(seed)
    event = made = 0
    window: list[StoryInput] = []
    while made < total:
        event += 1
        base = event_of(pool, rng, event)
        published: list[StoryInput] = []
        for n in range(rng.randint(1, 6)):
            key = f"{event:06d}-{n}"
            if published and rng.random() < 0.3:
                published.append(edited_copy(rng.choice(published), rng, key))
            else:
                published.append(article_of(base, rng, key))
        for item in published[: total - made]:
            window.append(item)
            made += 1
        if len(window) >= 2000 or made >= total:
            rng.shuffle(window)
            yield from window
            window = []


def resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default=None)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    if not (Path(args.shared) / "eval" / "stories" / "ecbplus" / "ECB+").is_dir():
        print(f"error: {args.shared}/eval/stories/ecbplus/ECB+ is not there; give --shared", file=sys.stderr)
        return 2
    os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    started = time.perf_counter()
    pool = analysed_pool(Path(args.shared), POOL)
    prepared = time.perf_counter() - started
    gc.collect()
    before_mb = resident_mb()
    engine = StoryEngine()
    rates, copies, batches, events = [], 0, [], {}
    articles = stream(pool, args.articles)
    n = 0
    while batch := list(itertools.islice(articles, SAVE_EVERY)):
        started = time.perf_counter()
        results = engine.add_many(batch)
        engine.second_look()  # as ingest does after each batch
        batches.append(time.perf_counter() - started)
        for item, (assignment, _signature, _vector) in zip(batch, results):
            copies += assignment.copy_group != item.id
            events[item.id] = item.id.split("-")[0]
        n += len(batch)
        if n % WINDOW == 0:
            # The median batch of the window: the machines are shared, and a neighbour's burst
            # slows a few batches by half or more.
            rates.append(SAVE_EVERY / statistics.median(batches))
            print(f"{n:>7,} articles: {rates[-1]:,.0f}/s over the last {WINDOW:,} (median batch; mean {len(batches) * SAVE_EVERY / sum(batches):,.0f}/s)",
                  file=sys.stderr)
            batches = []
    from storyline.evaluate.stories import b_cubed

    precision, recall = b_cubed([engine.story(a) for a in events], list(events.values()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    engine_mb = resident_mb() - before_mb
    first, last = rates[0], rates[-1]
    ratio = first / last
    lines = [
        "## Stories: dedupe and assignment at archive scale",
        "",
        f"{dt.date.today().isoformat()}, {machine()}, one core (`make bench-stories`, `bench/stories_bench.py`).",
        f"Stream: {n:,} generated articles from {POOL} analysed ECB+ documents (renamed events of 1–6 articles,"
        f" 30% of later articles edited copies), made as they are consumed; the pool's analysis took {prepared:.0f} s (not timed).",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| articles/s, first {WINDOW:,} (median batch of {SAVE_EVERY}) | {first:,.0f} | ≥ {TARGET_RATE:,} |",
        f"| articles/s, last {WINDOW:,} (engine holding {n - WINDOW:,}) | {last:,.0f} | |",
        f"| cost per article at 100k / at 10k | {ratio:.2f}× | ≤ 1.5× |",
        f"| memory the engine holds at the end (resident growth) | {engine_mb:,.0f} MB | ≤ 1,024 MB |",
        f"| peak memory of the whole process (spaCy model and analysis pool included) | {peak_mb:,.0f} MB | |",
        f"| stories / copies found | {len(engine.stories):,} / {copies:,} | |",
        f"| B³ of stories against the generated events: P / R | {precision:.3f} / {recall:.3f} | |",
        "",
    ]
    section = "\n".join(lines)
    print(section)
    if args.out:
        write_section(Path(args.out), "## Stories: dedupe and assignment", section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
