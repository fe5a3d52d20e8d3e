"""Clean article text: paragraphs in, body paragraphs and what was taken out of them, out.

The cleaner never rewrites a sentence. It decides, paragraph by paragraph, whether a paragraph is
body, a headline, a heading, a photo caption, a byline, an outlet credit or site junk; it splits a
heading glued onto the end of a paragraph; and it flags paragraphs that repeat an earlier one. Every
paragraph it drops is kept in ``removed`` so nothing is lost without a trace.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from itertools import chain
from dataclasses import dataclass

from storyline.clean import patterns as p
from storyline.records import Caption

# Characters that carry no text: zero-width spaces and joiners, soft hyphens, BOMs.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\u00ad\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_OTHER_SPACES = "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Runs of spaces, or any other space character: a lone " " is left alone (matching it costs time).
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*| {2,}")
_LINE_EDGE_SPACE = re.compile(r" ?\n ?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Stems are the first five letters of each word of three or more, a crude stem: "Ukrainian" and
# "Ukraine" both give "ukrai" (four letters made too many unrelated paragraphs look alike on PolNeAR).
_ASCII_PUNCTUATION = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_STEM_TABLE = bytes.maketrans(
    _ASCII_PUNCTUATION + b"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    b" " * len(_ASCII_PUNCTUATION) + b"abcdefghijklmnopqrstuvwxyz",
)

# A paragraph this short (in words) may be chrome; longer ones are always body text.
_SHORT = 40
_BULLET_STARTS = frozenset("-–•*·▪●◦0123456789")
_HEADLINE_MAX_WORDS = 25
_INNER_SENTENCE_END = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])[a-z0-9]{2}[.!?][\"”’]?\s+[A-Z“\"]")
_REPEAT_MIN_WORDS = 6
_REPEAT_SHARE = 0.6
_RARE_IN = 4  # a word in at most this many paragraphs is distinctive enough to pair them on

_FIRST_FIVE = operator.itemgetter(slice(0, 5))
_STOPWORDS = frozenset(  # five-letter stems of function words
    b"a an as at be by do he i if in is it me my no of on or so to up us we s t "
    b"and are but for from had has have her his its not she that the their there they this was were which who will "
    b"with would said says about after also been into more other over than them then these what when while".split()
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
    # Each rewrite runs only when its characters are present: most text needs none of them, and a
    # substring test costs a fraction of a regex pass.
    text = unicodedata.normalize("NFC", text)
    if any(ch in text for ch in _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    if "\r" in text or "\f" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if "  " in text or any(ch in text for ch in _OTHER_SPACES):
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGE_SPACE.sub("\n", text)
    return text.strip(" ")


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
            wrapped = not p.SENTENCE_END.search(current) and (line[:1].islower() or not _looks_like_heading(current))
            if current and wrapped and not p.BULLET.match(line):
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

    stems: list[set[bytes]] = []
    for paragraph in split_paragraphs(normalise(text)):
        body = p.BULLET.sub("", paragraph, count=1) if paragraph[0] in _BULLET_STARTS else paragraph
        words = body.count(" ") + 1
        if in_related_list:
            if words <= 20 and not p.SENTENCE_END.search(body):
                removed.append(paragraph)
                continue
            in_related_list = False
        if words <= 60 and p.CONTRIBUTORS.fullmatch(body):
            removed.append(paragraph)
            continue
        tokens = _words(body)
        if words <= _SHORT:
            kind = _classify_short(body, words, tokens, captions, authors, credits)
            if kind == "related":
                in_related_list = True
            if kind is not None:
                removed.append(paragraph)
                continue
        heading = _glued_heading(body)
        if heading is not None:
            body = body[: -len(heading)].rstrip()
            kept.append(body)
            stems.append(_stems(_words(body)))
            body, tokens = heading, _words(heading)
        if kept and _looks_like_heading(body):
            headings.append(len(kept))
        kept.append(body)
        stems.append(_stems(tokens))

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
        repeated=tuple((a + title_in_text, b + title_in_text) for a, b in _repeats(stems[title_in_text:])),
        removed=tuple(removed),
        authors=tuple(authors),
        outlet_credits=tuple(credits),
    )


def _classify_short(body: str, words: int, tokens: list[bytes], captions: list[Caption], authors: list[str],
                    credits: list[str]) -> str | None:
    """Say what a short paragraph is when it is not body text, recording what it carries."""
    if words <= 8 and p.RELATED_HEADING.fullmatch(body):
        return "related"
    if p.JUNK.fullmatch(body):
        return "junk"
    credit = None
    if not p.CREDIT_WORDS.isdisjoint(tokens):
        credit = p.CREDIT.search(body)
        if credit is None and words <= 25:
            credit = p.AGENCY_CREDIT.search(body)
    if credit is not None:
        caption = body[: credit.start()].strip(" -–—|([")
        captions.append(Caption(text=caption, credit=body[credit.start():].strip(" ()[]-–—|")))
        return "caption"
    outlet = p.OUTLET_CREDIT.fullmatch(body) if words <= 6 else None
    if outlet is not None:
        credits.append((outlet.group("paren") or outlet.group("dash") or outlet.group("src")).strip())
        return "credit"
    byline = p.BYLINE.fullmatch(body) if words <= 12 else None
    if byline is not None:
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
    """A first paragraph is the headline when it is short, one sentence at most, and longer body follows.

    Many outlets end headlines with a full stop ("Union to vote on pay deal."), so the stop alone
    does not rule one out; a second sentence does.
    """
    words = first.split()
    if not rest or len(words) > _HEADLINE_MAX_WORDS:
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if long_words and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words):
        return True  # Title Case: a headline whatever its punctuation
    if _INNER_SENTENCE_END.search(first):
        return False
    return not first.endswith(".") or len(rest[0].split()) > len(words)


def _words(paragraph: str) -> list[bytes]:
    """A paragraph's words as lower-case UTF-8 bytes, split at spaces and ASCII punctuation.

    One translate table over the bytes (punctuation to spaces, ASCII to lower case) is several
    times cheaper than a regex over the text, which mattered for ingest throughput.
    """
    return paragraph.encode("utf-8").translate(_STEM_TABLE).split()


def _stems(words: list[bytes]) -> set[bytes]:
    """Five-letter stems of a paragraph's words, less function words (short ones included)."""
    return set(map(_FIRST_FIVE, words)) - _STOPWORDS


def find_repeats(paragraphs: list[str] | tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Pairs ``(later, earlier)`` of paragraphs where the later one repeats the earlier one's content.

    Two paragraphs repeat when most (60%) of the shorter one's content words, cut to five letters so that
    "Ukraine"/"Ukrainian" meet, appear in the other. Only pairs that share two distinctive words (each
    in at most ``_RARE_IN`` paragraphs of the article) are compared: a restated fact shares its
    specific words ("escalating" and "attacks" in both of the seed's call paragraphs), and this keeps
    the work linear.
    """
    return _repeats([_stems(_words(text)) for text in paragraphs])


def _repeats(stems: list[set[bytes]]) -> tuple[tuple[int, int], ...]:
    # Words in one paragraph only cannot pair two; words in many are not distinctive.
    linking = {word for word, count in Counter(chain.from_iterable(stems)).items() if 1 < count <= _RARE_IN}
    sizes = [len(words) for words in stems]
    index: dict[bytes, list[int]] = {}
    pairs = []
    for later, mine in enumerate(stems):
        if sizes[later] < _REPEAT_MIN_WORDS:
            continue
        rare = mine & linking
        if len(rare) < 2:
            continue
        shared = Counter(chain.from_iterable(index.get(word, ()) for word in rare))
        for earlier in sorted(e for e, count in shared.items() if count >= 2):
            if len(mine & stems[earlier]) >= _REPEAT_SHARE * min(sizes[later], sizes[earlier]):
                pairs.append((later, earlier))
                break
        for word in rare:
            index.setdefault(word, []).append(later)
    return tuple(pairs)
