"""A story's dossier as Markdown or as one HTML page: summary, timeline, quotes, claims and sources, each line cited."""

from __future__ import annotations

import re
from pathlib import Path


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
        for entry in dossier["timeline"]:
            lines.append(f"- **{entry['date']}** {_plain(entry['text'])} {cite(entry['sources'])}")
            lines += [f"  - also: {_plain(v['text'])} {cite([v['article']])}" for v in entry.get("variants", [])]
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
                for claim in claims:
                    lines.append(f"- {_plain(claim['text'])} {cite(claim['sources'])}")
                    lines += [f"  - {_disagreement(c, lambda ids: ' ' + cite(ids))}" for c in claim.get("conflicts", [])]
                    lines += [f"  - also: {_plain(v['text'])} {cite([v['article']])}" for v in claim.get("variants", [])]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def _plain(text: str) -> str:
    """Text as Markdown shows it literally: one line, Markdown's own marks escaped."""
    text = " ".join(text.split())
    for mark in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        text = text.replace(mark, "\\" + mark)
    return text


_ON = {"number": "the number of {}", "who": "who did it ({})", "place": "where ({})", "date": "when ({})"}


def _disagreement(conflict: dict, cite, text=_plain, value=_plain) -> str:
    """The line under a claim in conflict: "disagree on the number of passenger: 212 passengers [1] [2];
    230 passengers [3]" (``text`` and ``value`` make words and values safe for the output format)."""
    values = "; ".join(f"{value(v['value'])}{cite(v['sources'])}" for v in conflict["values"])
    return f"disagree on {text(_ON.get(conflict['on'], '{}').format(conflict['about']))}: {values}"


_STYLE = """
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fdfcf9}
h1{font-size:1.7rem;line-height:1.25;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.cite{font-size:.8rem;color:#555;white-space:nowrap}
.cite a{color:#2a5db0;text-decoration:none}.date{font-family:ui-monospace,monospace;font-size:.85rem;color:#333;
background:#eef2f7;padding:0 .3rem;border-radius:3px;margin-right:.4rem}
.status{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;padding:0 .35rem;border-radius:3px;margin-right:.4rem}
.corroborated{background:#dff3e4;color:#1b5e20}.single-source{background:#f1f1f1;color:#555}.conflict{background:#fde2e1;color:#a31515}
blockquote{margin:.4rem 0 .8rem;padding-left:.8rem;border-left:3px solid #c9d3e3}li{margin:.3rem 0}
ol.sources li{font-size:.92rem}.copy{color:#888}
details{font-size:.9rem;color:#444}.conflicts{font-size:.9rem;color:#a31515;margin:.2rem 0}summary{cursor:pointer;color:#2a5db0}
"""


def render_html(record: dict) -> str:
    """The dossier as one self-contained HTML page (no script, no outside resource). Every piece of
    article text is escaped, so markup inside an article shows as text and never runs."""
    from html import escape

    number = {a["id"]: n for n, a in enumerate(record["articles"], 1)}
    dossier = record["dossier"]

    def cite(ids) -> str:
        links = " ".join(f'<a href="#source-{number[i]}">[{number[i]}]</a>' for i in ids if i in number)
        return f' <span class="cite">{links}</span>'

    def conflicts(claim: dict) -> str:
        """What the sources disagree on, each value with its sources."""
        items = "".join(f"<li>{_disagreement(c, cite, escape, lambda v: f'<b>{escape(v)}</b>')}</li>"
                        for c in claim.get("conflicts", []))
        return f'<ul class="conflicts">{items}</ul>' if items else ""

    def wording(entry: dict) -> str:
        """The entry's other statements, folded (a details element: no script needed)."""
        variants = entry.get("variants") or []
        if not variants:
            return ""
        items = "".join(f"<li>{escape(v['text'])}{cite([v['article']])}</li>" for v in variants)
        return f"<details><summary>as {len(variants)} more statement{'s' * (len(variants) > 1)} put it</summary><ul>{items}</ul></details>"

    def link(article: dict) -> str:
        """A link to the article: its URL, or its file when that file is here."""
        target = article.get("path") or ""
        if re.match(r"https?://", target):
            return f'<a href="{escape(target, quote=True)}">{escape(target)}</a>'
        local = Path(target)
        if target and local.is_file():
            return f'<a href="{escape(local.resolve().as_uri(), quote=True)}"><code>{escape(target)}</code></a>'
        return f"<code>{escape(target)}</code>"

    title = escape(record["title"] or "Untitled story")
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{escape(record["id"])} · {escape(record["dates"] or "undated")} · {len(record["articles"])} articles · '
        f'{record["sources"]} independent sources</p>',
    ]
    if dossier["summary"]:
        parts.append("<h2>Summary</h2><ul>")
        parts += [f"<li>{escape(s['text'])}{cite(s['sources'])}</li>" for s in dossier["summary"]]
        parts.append("</ul>")
    if dossier["timeline"]:
        parts.append("<h2>Timeline</h2><ul>")
        parts += [f'<li><span class="date">{escape(e["date"])}</span>{escape(e["text"])}{cite(e["sources"])}{wording(e)}</li>'
                  for e in dossier["timeline"]]
        parts.append("</ul>")
    if dossier["quotes"]:
        parts.append("<h2>Quotes</h2>")
        speaker = object()
        for quote in dossier["quotes"]:
            if quote["speaker"] != speaker:
                speaker = quote["speaker"]
                parts.append(f"<h3>{escape(speaker or 'Speaker unknown')}</h3>")
            variants = "".join(f"<br><span class=\"meta\">also: “{escape(v)}”</span>" for v in quote.get("variants", []))
            parts.append(f"<blockquote>“{escape(quote['text'])}”{cite(quote['sources'])}{variants}</blockquote>")
    if dossier["claims"]:
        parts.append("<h2>Claims</h2><ul>")
        parts += [f'<li><span class="status {c["status"]}">{c["status"]}</span>{escape(c["text"])}{cite(c["sources"])}'
                  f'{conflicts(c)}{wording(c)}</li>' for c in dossier["claims"]]
        parts.append("</ul>")
    parts.append('<h2>Sources</h2><ol class="sources">')
    for article in record["articles"]:
        copy = (f' <span class="copy">(copy of [{number[article["copy_of"]]}])</span>'
                if article.get("copy_of") in number else "")
        parts.append(f'<li id="source-{number[article["id"]]}"><b>{escape(article["outlet"] or "unknown outlet")}</b>, '
                     f'{escape(article["published"] or "undated")}: {escape(article["title"] or article["id"][:12])}{copy}<br>{link(article)}</li>')
    parts.append("</ol></body></html>")
    return "\n".join(parts) + "\n"
