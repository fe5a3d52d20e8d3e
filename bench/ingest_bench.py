"""Ingest throughput and peak memory: read + clean + store + copies and stories, no analysis stages,
on one core.

Each case runs in its own process pinned to one CPU, so its peak resident memory is its own:
  - the 840 PolNeAR train texts (a directory of .txt files);
  - generated JSON Lines of 10,000 and 100,000 articles (paragraphs of the PolNeAR texts shuffled,
    dropped and re-joined with a fixed seed), to show memory does not grow with the article count.

    python bench/ingest_bench.py --shared ../shared --out bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_PER_SECOND = 500


def generate_jsonl(texts: list[str], count: int, path: Path, seed: int = 7) -> None:
    """Write ``count`` articles made of 3-8 paragraphs drawn from ``texts``, deterministically."""
    rng = random.Random(seed)
    paragraphs = [p for text in texts for p in text.split("\n\n") if len(p) > 60]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            body = "\n\n".join(rng.sample(paragraphs, rng.randint(3, 8)))
            record = {"text": f"Generated report {n}\n\n{body}", "outlet": f"Outlet {n % 97}", "url": f"https://bench.example/{n}"}
            if n % 3 == 0:
                record["published"] = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
            handle.write(json.dumps(record) + "\n")


def run_case(source: str, db: str) -> dict[str, float]:
    """One ingest, in this process; returns its figures."""
    os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    from storyline.clean.metadata import detect_language
    from storyline.ingest.run import ingest
    from storyline.store.base import open_store

    detect_language("load the language model before the clock starts, please")
    with open_store(db) as store:
        start = time.perf_counter()
        report = ingest([source], store, stages=())
        seconds = time.perf_counter() - start
    articles = sum(report.counts.values()) + report.failed
    return {
        "articles": articles,
        "new": report.counts["new"],
        "failed": report.failed,
        "seconds": seconds,
        "per_second": articles / seconds,
        "stored_per_second": articles / report.seconds["articles"],
        "stories_seconds": report.seconds["stories"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "db_mb": os.path.getsize(db) / 1e6,
    }


def in_subprocess(source: str, db: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--case", source, "--db", db], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default=None, help="Markdown file to write the results section into")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="10000,100000", help="generated JSONL sizes")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.db)))
        return 0

    polnear = Path(args.shared) / "eval" / "quotes" / "polnear" / "data" / "train" / "text"
    if not polnear.is_dir():
        print(f"error: {polnear} is not there; give --shared", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in sorted(polnear.glob("*.txt"))]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(("PolNeAR train (840 .txt files)", in_subprocess(str(polnear), f"{tmp}/polnear.db")))
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = Path(tmp) / f"gen-{size}.jsonl"
            generate_jsonl(texts, size, corpus)
            print(f"generated {size:,} articles ({corpus.stat().st_size / 1e6:.0f} MB); ingesting...", file=sys.stderr)
            rows.append((f"generated JSONL, {size:,} articles", in_subprocess(str(corpus), f"{tmp}/gen-{size}.db")))
            corpus.unlink()

    lines = [
        "## Ingest: read + clean + store, then copies and stories (no analysis stages), one core",
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()} with `make bench` (`bench/ingest_bench.py`).",
        f"Target: at least {TARGET_PER_SECOND} articles/s for read + clean + store (the first rate column). Every ingest then",
        "places its articles in stories (copies folded), timed on its own: that step loads its word lists once",
        "(most of its time on the 840 files) and holds the story engine's state, so peak memory grows with",
        "the store (the engine's own target at 100,000 articles is 1 GB: see Stories below).",
        "",
        "| corpus | articles | read+clean+store /s | stories (s) | whole ingest /s | peak RSS (MB) | store (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in rows:
        lines.append(f"| {name} | {row['articles']:,} | {row['stored_per_second']:,.0f} | {row['stories_seconds']:,.1f} "
                     f"| {row['per_second']:,.0f} | {row['peak_rss_mb']:,.0f} | {row['db_mb']:,.0f} |")
    print("\n".join(lines))
    if args.out:
        write_section(Path(args.out), "## Ingest", "\n".join(lines) + "\n")
    return 0


def best_of(runs: int, work, prepare=lambda: None) -> float:
    """Seconds of the fastest of ``runs`` calls of ``work(prepare())``; the preparation (and its
    garbage) is not timed."""
    import gc

    times = []
    for _ in range(runs):
        state = prepare()
        gc.collect()
        started = time.perf_counter()
        work(state)
        times.append(time.perf_counter() - started)
    return min(times)


def shared_folder(description: str, *parts: str) -> tuple[argparse.Namespace, Path]:
    """The usual options (--shared, --out) and a folder below ../shared the benchmark reads;
    exits with a message when it is not there. The run is pinned to one core."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    folder = Path(args.shared).joinpath(*parts)
    if not folder.is_dir():
        sys.exit(f"error: {folder} is not there; give --shared")
    os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    return args, folder


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace the section starting with ``heading`` in a Markdown file (or append it)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n"
    start = text.find(heading)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + section.rstrip("\n") + "\n" + ("\n" + text[end + 1 :] if end != -1 else "")
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
