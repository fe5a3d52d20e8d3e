"""Entity and quote analysis cost against the spaCy parse they run on: 84 PolNeAR dev texts, one core.

The parse (tokenizer, tagger, parser, NER, lemmatizer) and storyline's entity analysis (mention
corrections and identities) and quote extraction (attributions) are timed apart on the same
documents, best of three, in one run.

    python bench/entities_bench.py --shared ../shared --out bench/RESULTS.md
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest_bench import best_of, machine, shared_folder, write_section  # noqa: E402

from storyline.analyse import Context  # noqa: E402
from storyline.analyse.entities.identity import resolve_identities  # noqa: E402
from storyline.analyse.entities.mentions import find_mentions  # noqa: E402
from storyline.analyse.quotes.find import find_attributions  # noqa: E402
from storyline.clean.text import clean_text  # noqa: E402

TARGET = 0.10


def main() -> int:
    args, folder = shared_folder(__doc__, "eval", "quotes", "polnear", "data", "dev", "text")
    texts = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(folder.glob("*.txt"))]
    context = Context.current()
    nlp, edges, stances = context.nlp, context.quote_edges, context.quote_stances
    docs = list(nlp.pipe(texts))
    parse = best_of(3, lambda _: [nlp(t) for t in texts])
    entities = best_of(3, lambda _: [resolve_identities(find_mentions(d)) for d in docs])
    quotes = best_of(3, lambda _: [find_attributions(d, edges, stances) for d in docs])
    words = sum(len(d) for d in docs)
    share, quote_share = entities / parse, quotes / parse
    lines = [
        "## Entities and quotes: analysis cost against the spaCy parse",
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()} with `make bench` (`bench/entities_bench.py`),",
        f"{len(texts)} PolNeAR dev texts ({words:,} tokens), one core, best of three.",
        "",
        "| step | seconds | tokens/s |",
        "|---|---:|---:|",
        f"| spaCy parse (en_core_web_sm 3.8) | {parse:.2f} | {words / parse:,.0f} |",
        f"| storyline entity analysis (mentions + identities) | {entities:.3f} | {words / entities:,.0f} |",
        f"| storyline quote extraction (attributions, learned stances and content edges) | {quotes:.3f} | {words / quotes:,.0f} |",
        "",
        f"Entity analysis adds {share * 100:.1f}% and quote extraction {quote_share * 100:.1f}% to the parse"
        f" (target: at most {TARGET * 100:.0f}% each).",
    ]
    print("\n".join(lines))
    if args.out:
        write_section(Path(args.out), "## Entities", "\n".join(lines) + "\n")
    return 0 if share <= TARGET and quote_share <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
