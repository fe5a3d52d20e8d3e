"""A story's dossier as Markdown: sources, summary, timeline, quotes and claims, each line cited."""

from __future__ import annotations


def render_markdown(record: dict) -> str:
    """The dossier of a story record (:func:`storyline.store.serialise.story_record`) as Markdown.

    Sources are numbered in the order the story lists them (earliest first); every entry cites them
    as [1], [2] ...
    """
    number = {a["id"]: n for n, a in enumerate(record["articles"], 1)}
    dossier = record["dossier"]

    def cite(ids) -> str:
        return " ".join(f"[{number[i]}]" for i in ids if i in number)

    lines = [f"# {_plain(record['title'] or 'Untitled story')}", ""]
    lines.append(f"{record['id']} · {record['dates'] or 'undated'} · {len(record['articles'])} articles · "
                 f"{record['sources']} independent sources")
    lines += ["", "## Sources", ""]
    for article in record["articles"]:
        copy = f" (copy of [{number[article['copy_of']]}])" if article.get("copy_of") in number else ""
        lines.append(f"{number[article['id']]}. {_plain(article['outlet'] or 'unknown outlet')}, "
                     f"{article['published'] or 'undated'}: {_plain(article['title'] or article['id'][:12])}{copy} — `{article['path']}`")
    if dossier["summary"]:
        lines += ["", "## Summary", ""]
        lines += [f"- {_plain(s['text'])} {cite(s['sources'])}" for s in dossier["summary"]]
    if dossier["timeline"]:
        lines += ["", "## Timeline", ""]
        lines += [f"- **{e['date']}** {_plain(e['text'])} {cite(e['sources'])}" for e in dossier["timeline"]]
    if dossier["quotes"]:
        lines += ["", "## Quotes", ""]
        speaker = object()
        for quote in dossier["quotes"]:
            if quote["speaker"] != speaker:
                speaker = quote["speaker"]
                lines += ["", f"### {_plain(speaker or 'Speaker unknown')}", ""]
            lines.append(f"- “{_plain(quote['text'])}” {cite(quote['sources'])}")
            lines += [f"  - also: “{_plain(v)}”" for v in quote.get("variants", [])]
    if dossier["claims"]:
        lines += ["", "## Claims", ""]
        for status in ("corroborated", "conflict", "single-source"):
            claims = [c for c in dossier["claims"] if c["status"] == status]
            if claims:
                lines += ["", f"### {status.capitalize()} ({len(claims)})", ""]
                lines += [f"- {_plain(c['text'])} {cite(c['sources'])}" for c in claims]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def _plain(text: str) -> str:
    """Text as Markdown shows it literally: one line, Markdown's own marks escaped."""
    text = " ".join(text.split())
    for mark in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        text = text.replace(mark, "\\" + mark)
    return text
