"""Dossier cost for a story of 100 articles: built at once, and updated when one more arrives. One core.

The articles are the first 100 PolNeAR train texts (real news of 2016, about 800 words each),
cleaned and analysed as ingest would, all given to one story (each its own source). Timed, best
of three:
- build: :func:`build_dossier` on the 100 articles (what ``storyline story`` and ``export`` do);
- update: a :class:`Dossier` holding 99 of them (and having given their dossier) reads the 100th
  and gives the dossier again (``Dossier.add`` + ``Dossier.result``), as a process that keeps
  dossiers open does.

    python bench/dossier_bench.py --shared ../shared --out bench/RESULTS.md
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest_bench import best_of, machine, shared_folder, write_section  # noqa: E402

from storyline.dossier.build import Dossier, Source, build_dossier  # noqa: E402

ARTICLES = 100
TARGET_MS = 50.0


def analysed(folder: Path, count: int) -> list[Source]:
    from storyline.analyse import Context, analyse, default_stages
    from storyline.clean.article import build_article
    from storyline.records import RawDocument

    context, stages, sources = Context.current(), default_stages(), []
    for path in sorted(folder.glob("*.txt"))[:count]:
        article, outputs = analyse(build_article(RawDocument(path.name, path.read_bytes(), "text/plain")), stages, context)
        sources.append(Source(article.id, None, None, article.id, article.text, outputs))
    return sources


def main() -> int:
    args, folder = shared_folder(__doc__, "eval", "quotes", "polnear", "data", "train", "text")
    sources = analysed(folder, ARTICLES)
    build_dossier(sources[:3])  # load the embeddings once, outside the timings

    def holding(n: int):
        def prepare() -> Dossier:
            dossier = Dossier()
            dossier.extend(sources[:n])
            dossier.result()  # the dossier as it was shown before the new article
            return dossier
        return prepare

    def update(dossier: Dossier) -> None:
        dossier.add(sources[-1])
        dossier.result()

    build = best_of(3, lambda _: build_dossier(sources))
    updated = best_of(3, update, holding(ARTICLES - 1))
    small = best_of(3, lambda d: (d.add(sources[19]), d.result()), holding(19))
    result = build_dossier(sources)
    statements = sum(len(c["evidence"]) for c in result["claims"])
    lines = [
        "## Dossier: build and update for a story of 100 articles",
        "",
        f"Machine: {machine()}; one core. Date: {dt.date.today().isoformat()}.",
        f"Data: the first {ARTICLES} PolNeAR train texts as one story ({sum(len(s.text) for s in sources):,} characters, "
        f"{statements:,} statements in {len(result['claims']):,} claims, {len(result['quotes'])} quotes, "
        f"{len(result['timeline'])} timeline entries). Best of three.",
        "",
        "| measure | ms | target |",
        "|---|---:|---|",
        f"| build at once, 100 articles | {build * 1000:.0f} | |",
        f"| update: the 100th article into a dossier of 99 | {updated * 1000:.0f} | < {TARGET_MS:.0f} ms: "
        f"{'met' if updated * 1000 < TARGET_MS else 'NOT met'} |",
        f"| update: the 20th article into a dossier of 19 | {small * 1000:.0f} | |",
        "",
        "Command: `python bench/dossier_bench.py --shared ../shared --out bench/RESULTS.md` (part of `make bench`).",
        "",
    ]
    section = "\n".join(lines)
    print(section)
    if args.out:
        write_section(Path(args.out), lines[0], section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
