"""Clean article text: paragraphs in, body paragraphs and what was taken out of them, out.

The cleaner never rewrites a sentence. It decides, paragraph by paragraph, whether a paragraph is
body, a headline, a heading, a photo caption, a byline, an outlet credit or site junk; it splits a
heading glued onto the end of a paragraph; and it flags paragraphs that repeat an earlier one. Every
paragraph it drops is kept in ``removed`` so nothing is lost without a trace.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from storyline.clean import patterns as p
from storyline.records import Caption

# Characters that carry no text: zero-width spaces and joiners, soft hyphens, BOMs.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\w+")

# A paragraph this short (in words) may be chrome; longer ones are always body text.
_SHORT = 40
_HEADLINE_MAX_WORDS = 30
_REPEAT_MIN_WORDS = 6
_REPEAT_SHARE = 0.6
_REPEAT_WINDOW = 200  # paragraphs looked back over; keeps a huge input linear

_STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i in is it its of on or she "
    "that the their there they this to was we were which who will with would said says".split()
)


@dataclass(frozen=True, slots=True)
class CleanText:
    """What the cleaner found.

    ``paragraphs`` are the kept paragraphs in order (the headline first when ``title_in_text``).
    ``headings`` and ``repeated`` index ``paragraphs``; ``repeated`` pairs a paragraph with the
    earlier one it repeats.
    """

    paragraphs: tuple[str, ...]
    title: str | None = None
    title_in_text: bool = False
    captions: tuple[Caption, ...] = ()
    headings: tuple[int, ...] = ()
    repeated: tuple[tuple[int, int], ...] = ()
    removed: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    outlet_credits: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def normalise(text: str) -> str:
    """NFC, Unix line ends, no invisible characters, one space for any run of spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text.

    With blank lines between paragraphs, the lines of one block are joined when they look
    hard-wrapped (a line that does not end a sentence, followed by one that does not start a bullet);
    with no blank lines anywhere, each line is a paragraph (as scraped text often comes).
    """
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    paragraphs: list[str] = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line]
        current = ""
        for line in lines:
            if current and not p.BULLET.match(line) and not p.SENTENCE_END.search(current) and not _looks_like_heading(current):
                current += " " + line
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return len(words) <= 12 and not p.SENTENCE_END.search(line) and line[:1].isupper() and len(line) < 100


def clean_text(text: str, *, headline: bool = True) -> CleanText:
    """Clean plain article text.

    Args:
        text: the decoded input (or the text an HTML extractor produced).
        headline: whether the first paragraph may be the headline (False for HTML bodies,
            whose title comes from metadata).

    Returns:
        A :class:`CleanText`; its ``paragraphs`` are never empty when the input had body text.

    Example:
        >>> c = clean_text("Storm hits coast\\n\\nKI logo\\n\\nThe storm hit on Monday.\\n\\nSource link")
        >>> c.title, c.paragraphs
        ('Storm hits coast', ('Storm hits coast', 'The storm hit on Monday.'))
    """
    kept: list[str] = []
    headings: list[int] = []
    captions: list[Caption] = []
    removed: list[str] = []
    authors: list[str] = []
    credits: list[str] = []
    in_related_list = False

    for paragraph in split_paragraphs(normalise(text)):
        body = p.BULLET.sub("", paragraph, count=1)
        words = len(body.split())
        if in_related_list:
            if words <= 20 and not p.SENTENCE_END.search(body):
                removed.append(paragraph)
                continue
            in_related_list = False
        if words <= _SHORT:
            kind = _classify_short(body, captions, authors, credits)
            if kind == "related":
                in_related_list = True
            if kind is not None:
                removed.append(paragraph)
                continue
        if p.CONTRIBUTORS.fullmatch(body) and words <= 60:
            removed.append(paragraph)
            continue
        heading = _glued_heading(body)
        if heading is not None:
            kept.append(body[: -len(heading)].rstrip())
            body = heading
        if _looks_like_heading(body) and kept:
            headings.append(len(kept))
        kept.append(body)

    title, title_in_text = None, False
    if headline and kept and _is_headline(kept[0], kept[1:]):
        title, title_in_text = kept[0], True
        if 0 in headings:
            headings.remove(0)
    return CleanText(
        paragraphs=tuple(kept),
        title=title,
        title_in_text=title_in_text,
        captions=tuple(captions),
        headings=tuple(headings),
        repeated=find_repeats(kept),
        removed=tuple(removed),
        authors=tuple(authors),
        outlet_credits=tuple(credits),
    )


def _classify_short(body: str, captions: list[Caption], authors: list[str], credits: list[str]) -> str | None:
    """Say what a short paragraph is when it is not body text, recording what it carries."""
    if p.RELATED_HEADING.fullmatch(body):
        return "related"
    if p.JUNK.fullmatch(body):
        return "junk"
    credit = p.CREDIT.search(body)
    if credit is None and p.AGENCY_CREDIT.search(body) and len(body.split()) <= 25:
        credit = p.AGENCY_CREDIT.search(body)
    if credit is not None:
        caption = body[: credit.start()].strip(" -–—|([")
        captions.append(Caption(text=caption, credit=body[credit.start():].strip(" ()[]-–—|")))
        return "caption"
    outlet = p.OUTLET_CREDIT.fullmatch(body)
    if outlet is not None:
        credits.append((outlet.group("paren") or outlet.group("dash") or outlet.group("src")).strip())
        return "credit"
    byline = p.BYLINE.fullmatch(body)
    if byline is not None and len(body.split()) <= 12:
        names = re.split(r"\s*(?:,|\band\b|&)\s*", byline.group("names").strip())
        authors.extend(name.strip() for name in names if name.strip())
        if byline.group("outlet"):
            credits.append(byline.group("outlet").strip())
        return "byline"
    return None


def _glued_heading(paragraph: str) -> str | None:
    """The heading glued onto the end of a paragraph, if there is one.

    Scraped text loses the line break before a section heading: "... Parnell added. Trump
    disappointed with Putin". A trailing run of a few capitalised words after the paragraph's last
    full stop, itself with no sentence end, is such a heading.
    """
    if p.SENTENCE_END.search(paragraph):
        return None
    match = p.GLUED_HEADING.search(paragraph)
    if match is None:
        return None
    heading = match.group("heading") or match.group("heading2")
    before = paragraph[: match.start()].rstrip()
    if p.ABBREVIATION.search(before) or not 2 <= len(heading.split()) <= 12:
        return None
    return heading


def _is_headline(first: str, rest: list[str]) -> bool:
    """A first paragraph is the headline when it is short, has no closing full stop, and body follows."""
    if not rest or len(first.split()) > _HEADLINE_MAX_WORDS:
        return False
    return not first.endswith(".") or first.endswith("...")


def _stem_set(paragraph: str) -> set[str]:
    return {w[:5] for w in _WORD.findall(paragraph.casefold()) if len(w) > 2 and w not in _STOPWORDS}


def find_repeats(paragraphs: list[str] | tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Pairs ``(later, earlier)`` of paragraphs where the later one repeats the earlier one's content.

    Two paragraphs repeat when most (60%) of the shorter one's content words, cut to five letters so that
    "wants"/"wanted" and "Ukraine"/"Ukrainian" meet, appear in the other.
    """
    stems = [_stem_set(text) for text in paragraphs]
    pairs = []
    for later in range(1, len(paragraphs)):
        if len(stems[later]) < _REPEAT_MIN_WORDS:
            continue
        for earlier in range(max(0, later - _REPEAT_WINDOW), later):
            if len(stems[earlier]) < _REPEAT_MIN_WORDS:
                continue
            shared = len(stems[later] & stems[earlier])
            if shared / min(len(stems[later]), len(stems[earlier])) >= _REPEAT_SHARE:
                pairs.append((later, earlier))
                break
    return tuple(pairs)
