"""Who said what: direct and reported speech with its cue and its source, from a parsed article.

Direct quotes are found from the quotation marks (straight, curly, single in headlines, guillemets),
with the repairs news text needs: a quote whose opening mark is missing ("We’re going to send some
more weapons, we have to,” Trump told reporters) runs from the start of its paragraph, and a
paragraph that opens a quote without closing it continues into the next one that opens again.
Titles in running prose ("told NBC's “Meet the Press”") are not quotes. Each quote's cue is the
speech verb of its sentence outside the marks and its source the verb's subject (a passive verb's
agent); a quote with no cue in its sentence continues the attribution before it, and one inside a
phrase with no speech verb around it is the subject's of the verb that takes the phrase. Reported
speech is a speech verb's clause, after it or around it ("X said (that) ...", "..., X said"), what
follows "X said:" to the end of its paragraph, a speech noun's clause ("X's claim that ..."),
"according to X", and a paragraph credited with a name and a colon ("WALLACE: ..."). Which other
verbs report a stance ("X vowed to ...", "X is critical of ...") is a learned model's choice
(:mod:`.stances`, over :func:`stance_verbs`), when one is given.

Contents are spans of the text (a direct quote keeps its marks); a quote split by its attribution
("“...,” he said. “...”") is one attribution with two pieces of content, and so is a sentence a cue is
set into ("Many were tired, she said, and “...”"). Where a one-piece content
begins and ends is then the learned model's choice (:mod:`.edges`), when one is given.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storyline.clean.metadata import dateline_end

if TYPE_CHECKING:
    from storyline.analyse.quotes.edges import ContentEdges
    from storyline.analyse.quotes.stances import StanceModel

# Verbs that report speech only with a quote or a clause they govern ("find", "show" are too often
# not speech; "branded North Korea an “outlaw nation”" is).
_CLAUSE_ONLY = frozenset("believe think find learn show call brand label dub attack criticize criticise blast slam praise hail "
                         "characterize term".split())
SPEECH_VERBS = _CLAUSE_ONLY | frozenset(
    "say tell add write state note explain ask reply respond insist warn claim argue declare announce comment report "
    "acknowledge admit tweet post stress recall suggest confirm deny urge vow promise predict conclude "
    "testify caution complain concede contend assert maintain emphasize emphasise observe point describe "
    "agree charge accuse quip joke recount reiterate shout yell tout boast brag lament mourn "
    "question wonder counter retort disclose reveal allege estimate forecast sing chant scold rule".split()
)
_STANCE_PREPOSITIONS = frozenset("for of as to against about on".split())
# Verbs whose clauses are reported speech; what someone "thinks" is theirs only in quotes.
_REPORTING = SPEECH_VERBS - {"think"}
_OPENING = "“«„"
# "According to Limbaugh, “...”": searched in the text just before the opening mark.
_ACCORDING = re.compile(r"[Aa]ccording to (?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}),\s*$")
# The name ends at the line: a caption's credit line ("Getty Images") follows it.
_DASH_CREDIT = re.compile(r"\s*(?P<dash>[―—])\s*(?P<name>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})")
_CLOSING = "”»"
# Typewriter pairs some archives write for quote marks: ``...'' and ''...''.
_DOUBLED = ("``", "''")
_MARK_TOKENS = frozenset(_OPENING + _CLOSING + '"') | frozenset(_DOUBLED)
_AUX = frozenset({"aux", "auxpass", "neg"})
_SOURCE_CUT = frozenset({"punct", "advcl"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: content pieces (character spans), cue span, source span, and whether direct."""

    content: tuple[tuple[int, int], ...]
    direct: bool
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    addressee: tuple[int, int] | None = None
    continued: bool = False  # no cue of its own: the previous speaker goes on
    refers: tuple[int, int] | None = None  # the noun phrase a relative pronoun source stands for

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


_ATTRIBUTE = re.compile(r"\b[\w-]+=\"[^\"\n]*\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the direct quotes in ``text``, marks included, in order.

    One pass per paragraph: curly and angle marks pair by direction, straight double quotes by
    alternation; a closing mark with no opening one starts the quote at the paragraph's start (or,
    right at the start and before a word, opens one: ”Mr. Trump ...”); an
    unclosed quote ends at its paragraph's end, or runs on when the next paragraph opens a quote.
    Single curly quotes count only when they enclose several words and the closing one is not an
    apostrophe ("‘wants to keep killing people,’"). A typewriter pair is one mark: `` opens, ''
    pairs like a straight double quote (or closes ``).
    """
    spans: list[tuple[int, int]] = []
    carried: int | None = None
    offset = 0
    # Markup left in a text (an embedded tweet's author="..." timestamp="...") quotes no one.
    text = _ATTRIBUTE.sub(lambda m: " " * len(m.group()), text)
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            offset += len(paragraph) + 1
            continue
        start_of_paragraph = offset
        lead = len(paragraph) - len(paragraph.lstrip("-–•* \t"))
        opened: int | None = None
        straight_open: int | None = None
        if carried is not None and not _opens_quote(paragraph.lstrip("-–•* \t")):
            spans.append((carried, max(start_of_paragraph - 1, carried)))
            carried = None
        index = -1
        while (index := index + 1) < len(paragraph):
            char, position = paragraph[index], offset + index
            if paragraph[index : index + 2] in _DOUBLED:
                # A mark of two characters: what it closes ends after both.
                char = "“" if char == "`" else ("”" if opened is not None else '"')
                index += 1
            after = offset + index + 1
            if char in _OPENING or (char in _CLOSING and opened is None and index == lead and paragraph[index + 1 : index + 2].isalnum()):
                # (A closing mark that opens a paragraph before a word opens a quote: some sites use ” for both.)
                if opened is None:
                    opened = carried if carried is not None else position
                    carried = None
            elif char in _CLOSING:
                if opened is not None:
                    spans.append((opened, after))
                    opened = None
                elif straight_open is not None:  # "...”: a straight mark closed by a curly one
                    spans.append((straight_open, after))
                    straight_open = None
                elif not spans or spans[-1][1] <= start_of_paragraph:
                    spans.append((start_of_paragraph + lead, after))  # the opening mark is missing
            elif char == '"' and opened is not None and not any(c in _CLOSING for c in paragraph[index:]):
                spans.append((opened, after))  # “...": a curly quote closed by a straight mark
                opened = None
            elif char == '"':
                if straight_open is None:
                    if position and text[position - 1].isdigit():
                        continue  # an inch or a second mark: 6'3", 12"
                    straight_open = position
                else:
                    spans.append((straight_open, after))
                    straight_open = None
        if opened is not None or straight_open is not None:
            carried = opened if opened is not None else straight_open
        offset += len(paragraph) + 1
    if carried is not None:
        spans.append((carried, len(text.rstrip())))
    spans.extend(_single_quotes(text, spans))
    return sorted(s for s in spans if s[1] - s[0] > 2)


_SINGLE = re.compile(r"(?<![\w’'])‘(?P<body>[^‘’\n]{3,300}?)’(?![\w])")


def _opens_quote(text: str) -> bool:
    """Whether ``text`` starts with a quote mark that can open a quote."""
    return text[:1] in _OPENING + '"' or text[:2] in _DOUBLED


def _marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The widths of the opening and closing marks of the quote ``start``-``end`` (1, or 2 for a
    typewriter pair)."""
    return 1 + (text[start : start + 2] in _DOUBLED), 1 + (text[end - 2 : end] in _DOUBLED)


def _single_quotes(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for match in _SINGLE.finditer(text):
        if len(match.group("body").split()) >= 2 and not any(s <= match.start() < e for s, e in taken):
            found.append((match.start(), match.end()))
    return found


def _verb_group(verb) -> list:
    """The verb with its auxiliaries, negation and particle ("has not learned", "called off"), the
    adverbs just before it ("also said", "almost immediately disclosed"; not "when asked") and the
    verb whose infinitive it is ("declined to comment", "continued to say")."""
    group = [verb] + [c for c in verb.children if c.dep_ in _AUX or c.dep_ == "prt"]
    first = min(t.i for t in group)
    for child in sorted((c for c in verb.children if c.dep_ == "advmod" and c.i < first), key=lambda c: -c.i):
        adverb = list(child.subtree)
        if adverb[-1].i != first - 1 or any(t.tag_ == "WRB" for t in adverb):
            break
        group.extend(adverb)
        first = adverb[0].i
    head = verb.head
    if verb.dep_ == "xcomp" and head.i < first and all(t.lower_ == "to" for t in verb.doc[head.i + 1 : first]):
        group = _verb_group(head) + group
    return group


def _cue_of(verb) -> tuple[int, int]:
    """The cue: the verb group (:func:`_verb_group`) and the adverbs and times that follow it ("said
    Friday", "said in an interview")."""
    tokens = _verb_group(verb)
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    doc = verb.doc
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        span = list(child.subtree)
        if span[0].i == last + 1 and (child.dep_ in ("advmod", "npadvmod") or (
                child.dep_ == "prep" and child.lower_ in ("in", "during") and any(g.lemma_ in _SETTINGS for g in span))):
            last = span[-1].i  # "said Friday", "said in an emailed statement"
    if last + 1 < len(doc) and doc[last + 1].text == ":":
        last += 1  # "He said: ..."
    return _chars(doc[first], doc[last])


_SETTINGS = frozenset("interview statement briefing conference call rally speech appearance post tweet email".split())


def _between(doc, end: int, verb) -> tuple[int, int] | None:
    """The words between a quote and its cue ("“...,” Rep. Elijah Cummings said"), as the source."""
    tokens = [t for t in doc[token_at(doc, end) : verb.i] if t.idx >= end and not t.is_punct and not t.is_space]
    if not tokens or len(tokens) > 10:
        return None
    return _chars(tokens[0], tokens[-1])


def _source_of(verb, quote: tuple[int, int] = (0, 0)) -> tuple[int, int] | None:
    """The subject noun phrase of a speech verb with its appositions and relative clauses ("Rendell, a
    Clinton surrogate,"), as PolNeAR marks sources; never a subject inside the quote (character span
    ``quote``), which the parser sometimes gives the verb beside the real one ("“... Full panic mode,”
    said Leslie Wimes")."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        head = verb.head  # "footage of Hillary Clinton asking, “...”": the noun the participle hangs on
        return _chars(head.left_edge if head.left_edge.i >= head.i - 3 else head, head)
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and verb.head.i > verb.i:
        head = verb.head  # "Said Ellis: “...”", which the parser reads as one name
        return _chars(verb.doc[verb.i + 1], head)
    # A passive verb's speaker is its agent ("was confirmed by the Kremlin"), not its subject.
    agents = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    subjects = agents or [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not quote[0] <= c.idx < quote[1]]
    if not subjects and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and not quote[0] <= c.idx < quote[1]]
    if not subjects:
        return None
    # A dateline the parser took for a subject is not one; when it is the only one, it stands for the
    # name the parser set beside it ("WASHINGTON -- President Obama ... said"). ("a designer who ...
    # said": the source is "who", as PolNeAR marks it; :func:`_referent` gives the noun it stands for.)
    text = _text_of(verb.doc)
    outside = [s for s in subjects if not _in_dateline(text, s.idx)] or \
        [a for s in subjects for a in s.children if a.dep_ == "appos" and not _in_dateline(text, a.idx)]
    return _noun_phrase((outside or subjects)[0], verb)


def _in_dateline(text: str, position: int) -> bool:
    end = dateline_end(text, position)
    return end is not None and position < end


def _noun_phrase(head, verb) -> tuple[int, int]:
    """A source's noun phrase around its ``head`` word, without ``verb``'s own clause."""
    apposed = _apposed_phrase(head)
    # The noun phrase with its appositions and relative clauses ("Rendell, a Clinton surrogate", "an
    # economist who served in the Bush administration"), except the speech verb's own clause.
    keep = [head] + [t for c in head.children if not _cut_from_source(c)
                     and c != verb and c not in apposed for t in c.subtree]
    doc = head.doc
    indices = {t.i for t in keep}
    indices |= {i for i in range(min(indices), max(indices) + 1) if doc[i].text in (",", "(", ")")}
    # Keep the contiguous run around the head: a cut child must not leave a gap inside the phrase.
    left, right = head.i, head.i
    while left - 1 in indices:
        left -= 1
    while right + 1 in indices:
        right += 1
    while left < head.i and "\n" in doc[left : head.i].text:
        left += 1  # a subject does not reach back over a paragraph break
    while right > head.i and ("\n" in doc[head.i : right + 1].text or doc[right].is_space or doc[right].text == "."):
        right -= 1  # nor forward over one (a caption's name, then the photo credit), nor ends on a space or stop
    if right + 1 < len(doc) and doc[right + 1].text == ")" and doc[left : right + 1].text.count("(") > doc[left : right + 1].text.count(")"):
        right += 1  # "Sen. Lindsey Graham (R-S.C.)": the bracket opened in the phrase closes in it
    return _chars(doc[left], doc[right])


def _apposed_phrase(head) -> list:
    """The words of a phrase in apposition to the sentence before, misparsed into the subject: "a move"
    in "..., a move critics say contrasts with ..." (a singular article and noun before a plural head)."""
    children = list(head.children)
    nouns = [c for c in children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.tag_ == "NN"]
    articles = [c for c in children + [t for n in nouns for t in n.children]
                if c.dep_ == "det" and c.lower_ in ("a", "an")]
    return nouns + articles if head.tag_ == "NNS" and nouns and articles else []


def _outer_source(verb, start: int, end: int, sentences: Sentences) -> tuple[int, int] | None:
    """The speaker of a verb with no subject of its own ("Sanders said, suggesting ..., “...”",
    "Sanders said, going on to say that ..."): the subject of the nearest verb above it outside the
    quote, or else of the nearest speech verb before it in its sentence (where the parser hung the
    participle elsewhere)."""
    above = (t for t in verb.ancestors if t.pos_ in ("VERB", "AUX"))
    sentence = sentences.of(verb)
    before = (t for t in reversed(sentence[: verb.i - sentence.start]) if _is_speech(t))
    for other in itertools.chain(above, before):
        if start <= other.idx < end:
            continue
        source = _source_of(other, (start, end))
        if source is not None and not (source[0] < end and start < source[1]):
            return source
    return None


class Sentences:
    """A doc's sentences, looked up by token. (spaCy's ``Token.sent`` walks the doc's sentences from
    the first each time: called for every token of every quote, it cost nine tenths of the time.)"""

    def __init__(self, doc):
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]

    def of(self, token):
        return self.spans[bisect.bisect_right(self.starts, token.i) - 1]

    def over(self, first, last) -> list:
        """The sentences from ``first``'s to ``last``'s."""
        return self.spans[bisect.bisect_right(self.starts, first.i) - 1 : bisect.bisect_right(self.starts, last.i)]


def _cut_from_source(child) -> bool:
    """Whether a child of a source's head word falls outside the source as PolNeAR marks it: its
    punctuation (but the hyphen of "Holtz-Eakin"), an adverbial clause, a participle other than a
    restrictive past one ("Trump, [speaking to veterans,] said"; kept: "a poll [released Monday]")
    and "even" ("[even] China")."""
    if child.dep_ in _SOURCE_CUT:
        return not _joins_word(child)
    if child.dep_ == "acl":
        first = child.left_edge.i
        return child.tag_ != "VBN" or (first > 0 and child.doc[first - 1].text == ",")
    return child.dep_ == "advmod" and child.lower_ == "even"


def _joins_word(token) -> bool:
    """A hyphen inside a word ("Holtz-Eakin"): punctuation that belongs to the name."""
    return token.text in ("-", "–") and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def find_attributions(doc, edges: ContentEdges | None = None, stances: StanceModel | None = None) -> list[Attribution]:
    """Every attribution of a parsed article, in text order.

    Args:
        doc: The parsed article.
        edges: The learned model of where contents begin and end (:meth:`.ContentEdges.load`); without
            it, contents keep the extent the rules give them.
        stances: The learned model of which other verbs report a stance (:meth:`.StanceModel.load`);
            without it, only speech is found.
    """
    text = _text_of(doc)
    sentences = Sentences(doc)
    credits = _colon_credits(doc)
    # A transcript's paragraph opening with a mark and "NAME:" is the credit's, not a quote's.
    credited = {a.source[0] - 1 for a in credits}
    marked = quote_spans(text)
    quotes = [q for q in marked if q[0] not in credited and not _is_title(doc, q, sentences)]
    attributions: list[Attribution] = []
    previous: Attribution | None = None
    used_cues: set[int] = set()
    for start, end in quotes:
        sentence_tokens = [t for t in doc[token_at(doc, start) : token_at(doc, end - 1) + 1]]
        span_sents = sentences.over(sentence_tokens[0], sentence_tokens[-1])
        first, last = span_sents[0], span_sents[-1]
        # The sentence after a quote that ends its own sentence often carries the cue: "“...,” he said."
        inside_first = next((t for t in sentence_tokens if start < t.idx < end), None)
        candidates = [t for s in span_sents for t in s if not inside_any(t.idx, quotes) and (
            _is_speech(t) or (inside_first is not None and _governs(t, inside_first)))]
        if not candidates and re.search(r"[,?!]\W?$", text[start:end]):
            # "“...,” she continued.": any verb of a short tail with its subject introduces the quote.
            tail = [t for t in last if t.idx >= end and not t.is_punct and not t.is_space]
            candidates = [t for t in tail if len(tail) <= 6 and t.pos_ == "VERB" and
                          any(c.dep_ == "nsubj" and c.idx >= end for c in t.children)][:1]
        if not candidates and last.end < len(doc):
            following = sentences.of(doc[last.end])
            gap = text[end : following.start_char]
            if not _opens_quote(following.text.strip()) and gap.strip() == "" and "\n" not in gap:
                speech = [t for t in following if _is_speech(t)][:1]
                # "“...,” he said." or "“...,” said James Acton, a physicist who ...": a short sentence,
                # or one that opens with its speech verb.
                opens = bool(speech) and speech[0].i == next(t.i for t in following if not t.is_punct and not t.is_space)
                candidates = speech if len(following) <= 12 or opens else []
        if not candidates and text[max(0, first.start_char) : start].strip() == "" and first.start > 0:
            index = first.start - 1
            while index > 0 and doc[index].is_space:
                index -= 1
            before = sentences.of(doc[index])
            if text[: start].rstrip().endswith(":"):  # "He said:" closing the paragraph before the quote
                candidates = [t for t in before if t.pos_ in ("VERB", "AUX") and t.i < index]
        if not candidates:
            # "She continued, “...”" / "he wrote: “...”": a verb right before the opening mark speaks it.
            lead = token_at(doc, start) - 1
            while lead > 0 and (doc[lead].is_punct or doc[lead].is_space) and doc[lead].text in (",", ":", " "):
                lead -= 1
            if 0 <= lead < token_at(doc, start) - 1 and doc[lead].pos_ == "VERB":
                candidates = [doc[lead]]
        if not candidates and inside_first is not None and re.search(r"\w[\s(]*$", text[max(0, start - 3) : start]):
            # A quote inside a phrase with no speech verb around it is what the subject of the verb taking
            # the phrase says: "Gingrich dismissed Estonia as being in the “suburbs of St. Petersburg”". A
            # short one only when it names what someone is called ("admires Putin as a “strong leader”").
            taker = next((t for t in inside_first.ancestors if t.pos_ == "VERB" and not start <= t.idx < end), None)
            path = itertools.takewhile(lambda t: t != taker, inside_first.ancestors)
            naming = any(t.lower_ == "as" or t.dep_ == "oprd" for t in [inside_first, *path])
            if taker is not None and any(c.dep_ == "nsubj" for c in taker.children) and taker.i < inside_first.i and \
                    (naming or not _is_scare_quote(text, start, end)):
                candidates = [taker]
        credit = _DASH_CREDIT.match(text, end)
        if credit:  # "“...” ― Sonya Herridge": a quote credited with a dash
            name_end = credit.end("name") - bool(re.search(r"\w{3}\.$", credit.group("name")))  # the full stop after it
            attribution = Attribution(((start, end),), True, (credit.start("dash"), credit.end("dash")),
                                      (credit.start("name"), name_end))
            attributions.append(attribution)
            previous = attribution
            continue
        inside = [t for t in sentence_tokens if start < t.idx < end]
        # The verb whose clause holds the quote ("Parnell said ... that “...”") before a nearer one.
        according = _ACCORDING.search(text, max(first.start_char, start - 120), start)
        if according and not candidates:
            attribution = Attribution(((start, end),), True, (according.start(), according.start() + 12),
                                      (according.start("name"), according.end("name")))
            attributions.append(attribution)
            previous = attribution
            continue
        verb = min(candidates, key=lambda t: (not (inside and (t == inside[0] or t.is_ancestor(inside[0]))),
                                              min(abs(t.idx - start), abs(t.idx - end)))) if candidates else None
        # A verb whose clause a speech verb reports gives way to it ("Trump said he thought that drugs
        # were a “very big factor”", "DuVernay said she felt ... because “...”": they said it).
        while verb is not None and verb.dep_ == "ccomp" and _is_speech(verb.head) and not start <= verb.head.idx < end:
            verb = verb.head
        if verb is not None:
            source = _source_of(verb, (start, end))
            if source is not None and source[0] < end and start < source[1]:
                source = _between(doc, end, verb)  # the parser took the quote for the subject
            if source is None and verb.idx >= end:
                source = _between(doc, end, verb)  # "“...,” Tulsa police Chief Chuck Jordan said", misparsed
            if source is None:
                source = _outer_source(verb, start, end, sentences)
            cue = _cue_of(verb)
            pieces = tuple(_with_quotes(piece, quotes) for piece in _interrupted(verb) or ())
            # (Words after the cue without a quote are the writer's when the quote came before it:
            # "“...,” they said, under Article 21 ...".)
            if not (pieces and pieces[0][0] <= start and end <= pieces[-1][1]) or \
                    any(s > verb.idx and not _overlaps_any((s, e), quotes) for s, e in pieces):
                content = _mixed_clause(doc, verb, start, end) or _phrase_around(doc, verb, source, start, end, sentences) or (start, end)
                if cue[0] <= content[0] < cue[1] < start:
                    content = _trimmed(text, (cue[1], content[1]))  # the cue's own words are not what was said
                pieces = (content,)
            attribution = Attribution(pieces, True, cue, source, _addressee(verb))
            if previous is not None and previous.direct and previous.cue == attribution.cue:
                attribution = Attribution(_joined(previous.content, (start, end)), True, previous.cue, previous.source,
                                          previous.addressee)
                attributions.pop()
            used_cues.add(verb.i)
        elif _is_scare_quote(text, start, end):
            continue
        elif previous is not None and previous.direct and _same_or_next_paragraph(text, previous.end, start):
            # "“...,” he said. “...”", in the same paragraph or the next: a piece of the same attribution.
            attribution = Attribution(_joined(previous.content, (start, end)), True, previous.cue, previous.source,
                                      previous.addressee)
            attributions.pop()
        else:
            attribution = Attribution(((start, end),), True, None, None)
        attributions.append(attribution)
        previous = attribution
    attributions.extend(_reported(doc, quotes, used_cues, sentences))
    taken = [span for a in attributions for span in a.content]
    for credit in credits:
        if not _overlaps_any((credit.start, credit.end), taken):
            attributions.append(credit)
            continue
        # A quote with no cue in a credited line is the credit's: "Kasich: ‘We Are Going All The Way’".
        attributions = [replace(a, cue=credit.cue, source=credit.source) if a.direct and a.cue is None and a.source is None
                        and credit.start <= a.start and a.end <= credit.end + 1 else a for a in attributions]
    if stances is not None:
        attributions.extend(stances.find(doc, attributions, quotes))
    found = [_referent(doc, _closed_apposition(text, _after_dateline(text, a)))
             for a in _continuations(text, sorted(attributions, key=lambda a: a.start))]
    if edges is not None:
        found = edges.refine(doc, found, marked)
    return [_cue_through_preposition(doc, a) for a in found]


def _cue_through_preposition(doc, attribution: Attribution) -> Attribution:
    """A cue runs on to its content over the few words that lead to it ending in a preposition, as
    PolNeAR marks it: "[have expressed misgivings about] the plan", "[is being criticized as] weak"."""
    if attribution.cue is None or attribution.content[0][0] < attribution.cue[1]:
        return attribution
    start, end = attribution.cue[1], attribution.content[0][0]
    words = [t for t in doc[token_at(doc, start) : token_at(doc, end)] if start <= t.idx < end and not t.is_space]
    if not 0 < len(words) <= 4 or words[-1].pos_ != "ADP" or words[-1].lower_ == "that" or \
            any(t.is_punct for t in words) or "\n" in _text_of(doc)[start:end]:
        return attribution
    return replace(attribution, cue=(attribution.cue[0], words[-1].idx + len(words[-1])))


_RELATIVES = frozenset({"who", "which", "that"})


def _referent(doc, attribution: Attribution) -> Attribution:
    """A relative pronoun as source ("Mr. Obama, [who] said ...") with the noun phrase it stands for."""
    if attribution.source is None:
        return attribution
    token = doc[token_at(doc, attribution.source[0])]
    clause = token.head
    if token.lower_ not in _RELATIVES or attribution.source[1] != token.idx + len(token) or clause.dep_ != "relcl":
        return attribution
    return replace(attribution, refers=_noun_phrase(clause.head, clause))


def _after_dateline(text: str, attribution: Attribution) -> Attribution:
    """A source or content that takes in its paragraph's dateline starts after it: the place and agency
    are the writer's, not what was said or who said it ("BRUSSELS - [European leaders] gathered ...")."""
    def cut(span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        dateline = dateline_end(text, start)
        return (dateline, end) if dateline is not None and start < dateline < end else span
    source = attribution.source and cut(attribution.source)
    content = (cut(attribution.content[0]), *attribution.content[1:])
    if source == attribution.source and content == attribution.content:
        return attribution
    return replace(attribution, source=source, content=content)


def _closed_apposition(text: str, attribution: Attribution) -> Attribution:
    """A source set off by a pair of commas ends with the second one, whichever way it was found, as
    PolNeAR marks it ("[Douglas Holtz-Eakin, an economist,] said": 922 of 1,028 such train sources)."""
    source = attribution.source
    if source and "," in text[source[0] : source[1]] and text[source[1] : source[1] + 1] == ",":
        return replace(attribution, source=(source[0], source[1] + 1))
    return attribution


def _continuations(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """A quote with neither cue nor speaker goes on with the attribution just before it, also a reported
    one: a piece of it in the same paragraph ("Cummings called him a master at deals. “He showed ...”"),
    the same speaker in the next."""
    out: list[Attribution] = []
    for attribution in attributions:
        before = next((a for a in reversed(out) if a.end <= attribution.start), None)
        if attribution.direct and attribution.cue is None and attribution.source is None and before is not None \
                and before.source is not None and _same_or_next_paragraph(text, before.end, attribution.start):
            if "\n" in text[before.end : attribution.start]:
                attribution = Attribution(attribution.content, True, None, before.source, before.addressee, continued=True)
            else:
                out.remove(before)
                attribution = Attribution(_joined(before.content, attribution.content[0]), True, before.cue,
                                          before.source, before.addressee)
        out.append(attribution)
    return out


_COLON_CREDIT = re.compile(r"(?m)^[\"“]?(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?P<body>\S[^\n]*)$")
# Labels that open a paragraph with a colon and name nobody ("The Latest: Trump urges ...").
_NOT_SPEAKERS = frozenset({"q", "a", "correction", "clarification", "source", "update", "updated", "note", "editor's note", "photo",
                           "watch", "read", "related", "the latest", "breaking", "breaking news", "live"})


def _colon_credits(doc) -> list[Attribution]:
    """A paragraph opened by a speaker's name and a colon: a transcript ("WALLACE: Let's start ...")
    or a headline ("Pence: Flowers won't be at debate"). The name must be a proper name or an entity
    to the parser, or written in capitals as transcripts do."""
    text = _text_of(doc)
    named = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP")}
    found = []
    for m in _COLON_CREDIT.finditer(text):
        name = m.group("name")
        tokens = doc.char_span(m.start("name"), m.end("name"))
        proper = tokens is not None and all(t.pos_ == "PROPN" for t in tokens)
        if name.lower() in _NOT_SPEAKERS or not ((m.start("name"), m.end("name")) in named or proper or name.isupper()):
            continue
        body = _trimmed(text, (m.start("body"), m.end("body")))
        if len(text[body[0] : body[1]].split()) >= 3:
            found.append(Attribution((body,), False, (m.end("name"), m.end("name") + 1), (m.start("name"), m.end("name"))))
    return found


def _joined(pieces: tuple[tuple[int, int], ...], piece: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """Content pieces with one more; a piece that overlaps the last (a second quote inside the clause
    the first came with: "called Trump a “liar” who is “amoral”") widens it instead."""
    start, end = pieces[-1]
    if piece[0] < end:
        return pieces[:-1] + ((start, max(end, piece[1])),)
    return pieces + (piece,)


def _mixed_clause(doc, verb, start: int, end: int) -> tuple[int, int] | None:
    """The reported clause around a partial quote: "reiterated [that he was “very unhappy” with the
    call]". None when the quote is the whole complement (a plain direct quote)."""
    text = _text_of(doc)
    # (A clause opening with "that" is reported speech even where the parser calls it adverbial:
    # "Trump tweeted that Machado was “disgusting”".)
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj") or (
            c.dep_ == "advcl" and c.left_edge.lower_ == "that" and c.left_edge.i > verb.i)):
        # A coordinated clause is part of what is reported ("the videos were “inconclusive” and that the
        # footage ... did not show ..."), unless it reports something else ("... and said she would ...").
        speeches = [c for c in clause.children if c.dep_ == "conj" and _is_speech(c)]
        coordinated = {t.i for c in speeches for t in c.subtree} | {
            c.i for c in clause.children if c.dep_ == "cc" and speeches and c.i < speeches[0].i}
        tokens = [t for t in clause.subtree if t.i not in coordinated and "\n" not in t.text]
        if not tokens:
            continue
        first = tokens[0]
        if first.i > 0 and doc[first.i - 1].lower_ == "that" and doc[first.i - 1].head == verb:
            first = doc[first.i - 1]
        span = _chars(first, tokens[-1])
        if "\n" in text[span[0] : span[1]]:
            continue  # a clause does not run across a paragraph break
        tail = text[span[1] : end]
        if span[0] <= start and (end <= span[1] or not tail.strip(" .,;!?”’\"")) and (span[0] < start - 1 or span[1] > end + 1):
            if any(t.lower_ in ("said", "says", "told") for t in tokens if not start <= t.idx < end):
                return None
            if span[1] <= end and clause.dep_ == "ccomp":
                # The parse ends the clause in the quote, the sentence goes on: "there was “no evidence” yet
                # that it was an act of terrorism". The rest is the clause's unless it reports or quotes more.
                after = token_at(doc, end - 1) + 1
                stop = verb.sent.end
                if stop <= after < len(doc) and doc[after].text[:1].islower():
                    stop = doc[after].sent.end  # the parse ended the sentence at the closing mark
                rest = [t for t in doc[after:stop] if "\n" not in t.text]
                if rest and not any(_is_speech(t) or t.text in _MARK_TOKENS for t in rest):
                    span = (span[0], _extent(rest)[1])
            elif text[end - 1 - _marks(text, start, end)[1]] == ",":  # "...people,’ signals ...": the comma closes the clause
                span = (span[0], end)
            return _trimmed(text, (span[0], max(span[1], end)))
    return None


def _phrase_around(doc, verb, source, start: int, end: int, sentences: Sentences) -> tuple[int, int] | None:
    """The phrase a quote is embedded in, when words of that phrase come before the opening mark
    or after the closing one ("urged [Republicans to “vote your conscience”]", "called it [the
    “phony system”]", "[“Christian” as their religion]"): the quote's head's phrase up to the verb
    that takes it. None for a quote that stands alone (after "said," or a colon, or as a sentence)."""
    text = _text_of(doc)
    before = text[:start].rstrip(" ")
    if not before or not (before[-1].isalnum() or before[-1] in "'’"):
        if not re.match(r"\s*[^\W\d_]", text[end:]) or sentences.of(doc[token_at(doc, end)]) != sentences.of(doc[token_at(doc, start)]):
            return None
    closing = end - _marks(text, start, end)[1]
    inside = [t for t in doc[token_at(doc, start) : token_at(doc, end - 1) + 1] if start < t.idx < closing]
    # (Punctuation closing the quote often hangs on the sentence's verb: it is not a root of the quote.)
    roots = [t for t in inside if not t.is_punct and (not start < t.head.idx < closing or t.head == t)]
    if len(roots) != 1:
        return None
    phrase = roots[0]
    while phrase.head != phrase and phrase.head != verb and phrase.head.pos_ not in ("VERB", "AUX") and phrase.head.dep_ != "ROOT":
        phrase = phrase.head
    if phrase.head == verb or phrase.head.pos_ in ("VERB", "AUX"):
        taker = phrase.head
        if taker != verb and verb.is_ancestor(taker) and verb.i < taker.i:
            taker = verb  # "urged [his supporters to visit polling places to make sure all is “on the up and up”]"
        # All the verb's complements: "urged [Republicans] [to “vote ...”]", "cited [the remarks] [as ...]".
        parts = [c for c in taker.children if c.i > taker.i and c.dep_ in _COMPLEMENTS]
        if taker != verb and taker.dep_ in ("ccomp", "xcomp") and taker.i < token_at(doc, start):
            parts = [taker]  # a clause the speaker is reported as saying: the whole of it
        tokens = [t for c in parts or [phrase] for t in c.subtree]
    else:
        tokens = list(phrase.subtree)
    tokens = [t for t in tokens if t != verb and not t.is_space]
    if not tokens:
        return None
    first, last = _extent(tokens)
    span = (min(first, start), max(last, end))
    cue = _chars(verb, verb)
    if "\n" in text[span[0]:span[1]] or span[0] < cue[1] <= span[1] or (source and span[0] < source[1] and source[0] < span[1]):
        return None
    return _trimmed(text, span) if span != (start, end) else None


_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "oprd", "attr", "acomp", "prep", "dative"})


def _text_of(doc) -> str:
    """The doc's text (``Doc.text`` joins every token's text anew at each call)."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return text


def _chars(first, last) -> tuple[int, int]:
    """The characters from the start of token ``first`` to the end of token ``last``."""
    return first.idx, last.idx + len(last.text)


def _extent(tokens) -> tuple[int, int]:
    """The characters from the first to the last of some tokens, in any order."""
    return _chars(min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i))


def token_at(doc, char: int) -> int:
    """The index of the token holding a character (binary search over token offsets)."""
    starts = doc.user_data.get("storyline_token_starts")
    if starts is None:
        starts = doc.user_data["storyline_token_starts"] = [t.idx for t in doc]
    return max(0, bisect.bisect_right(starts, char) - 1)


def _governs(token, inside) -> bool:
    """A reporting verb that needs a quote or clause ("call", "believe") counts when it governs one:
    "Obama called the holiday “a celebration ...”"."""
    return token.pos_ == "VERB" and token.lemma_.lower() in _CLAUSE_ONLY and token.is_ancestor(inside)


def _is_speech(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS and token.lemma_.lower() not in _CLAUSE_ONLY


def _addressee(verb) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and verb.lemma_.lower() == "tell":
            return _chars(child, child)
    return None


def _same_or_next_paragraph(text: str, previous_end: int, start: int) -> bool:
    """Two quotes close enough for the second to continue the first speaker: the same or the next paragraph."""
    return len(re.findall(r"\n+", text[previous_end:start])) <= 1


def _is_scare_quote(text: str, start: int, end: int) -> bool:
    """A short quoted phrase with no speech around it is a title or a scare quote, not speech: one
    without closing punctuation, or one inside a sentence that runs into it ("placed in a separate
    “liquidating trust.”", a nickname: Marcia “Cia” Price), whose full stop is the sentence's."""
    opening, closing = _marks(text, start, end)
    inner = text[start + opening : end - closing].strip()
    if len(inner.split()) > 3:
        return False
    return not re.search(r"[.!?,]$", inner) or bool(re.search(r"[^\W\d_][ \t]*$", text[max(0, start - 2) : start]))


_MINOR_WORDS = frozenset("a an the and or of in on at to for with by from as vs".split())


def _is_title(doc, quote: tuple[int, int], sentences: Sentences) -> bool:
    """A title in running prose: its words capitalised while the sentence around it is not ("told NBC's
    “Meet the Press,”", "his documentary “13th”"). Headlines, capitalised throughout, keep their quotes."""
    text, (start, end) = _text_of(doc), quote
    first, last = sentences.of(doc[token_at(doc, start)]), sentences.of(doc[token_at(doc, end - 1)])
    opening, closing = _marks(text, start, end)
    words = re.findall(r"[\w'’-]+", text[start + opening : end - closing])
    if not words or len(words) > 8 or not all(w[0].isupper() or w[0].isdigit() or w.lower() in _MINOR_WORDS for w in words):
        return False
    around = text[first.start_char : start] + " " + text[end : last.end_char]
    if sum(1 for w in re.findall(r"\b[a-z]\w{3,}", around)) < 2:
        return False  # a headline, or no prose around it
    before = text[max(first.start_char, start - 12) : start]
    return len(words) >= 2 or bool(re.search(r"(?:[’']s|titled)\s*$", before))


def _reported(doc, quotes: list[tuple[int, int]], used: set[int], sentences: Sentences) -> list[Attribution]:
    """Reported speech: "X said (that) ..." and "according to X"."""
    text = _text_of(doc)
    found = []
    for token in doc:
        if token.i in used:
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            sentence = sentences.of(token)
            if not objects:
                continue
            source_tokens = list(objects[0].subtree)
            source = _chars(source_tokens[0], source_tokens[-1])
            before = (sentence.start_char, token.idx)
            after = (source[1], sentence.end_char)
            content = max((before, after), key=lambda span: span[1] - span[0])
            content = _trimmed(text, content)
            if content[1] - content[0] > 10:
                found.append(Attribution((content,), False, (token.idx, doc[token.i + 1].idx + 2), source))
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in _SPEECH_NOUNS:
            said = _noun_cue(token, quotes)
            if said is not None:
                found.append(said)
            continue
        if token.pos_ != "VERB" or token.lemma_.lower() not in _REPORTING:
            continue
        colon = _COLON_AFTER.match(text, token.idx + len(token.text))
        if colon and not any(c.dep_ == "ccomp" for c in token.children):
            # "The governor added:" and what he said, without quote marks, to the end of the paragraph.
            begin = colon.end()
            stop = text.find("\n", begin)
            span = _trimmed(text, (begin, len(text) if stop == -1 else stop))
            if span[1] - span[0] >= 10 and not _overlaps_any(span, quotes):
                found.append(Attribution((span,), False, _cue_of(token), _source_of(token)))
            continue
        if not (token.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in token.children)):
            continue  # what it takes otherwise is for the stance model (:func:`stance_verbs`)
        if token.dep_ == "parataxis":
            spans = _interrupted(token)
            if spans and not any(_overlaps_any(span, quotes) for span in spans):
                found.append(Attribution(spans, False, _cue_of(token), _source_of(token)))
            continue
        # (Two clauses on either side of the verb are a misparse of "..., a move critics say contrasts
        # with ...": what follows the verb is what was said.)
        clauses = sorted((c for c in token.children if c.dep_ == "ccomp"), key=lambda c: c.i < token.i)
        if not clauses:
            continue
        clause = _without_tail(_unlinked(list(clauses[0].subtree)))
        first_token = min([clause[0]] + [m for m in doc[clause[0].i - 1 : clause[0].i] if m.lower_ == "that"])
        span = _trimmed(text, _chars(first_token, clause[-1]))
        # A clause that holds a quote is said by this speaker only when the quote is someone's inside it:
        # "Clinton says [she admired Machado's courage through what she calls a “war of words.”]".
        nested = any(span[0] <= doc[i].idx < span[1] for i in used)
        if (_overlaps_any(span, quotes) and not nested) or span[1] - span[0] < 10:
            continue
        if nested:  # the clause ends with the quote it holds, marks included
            span = (span[0], max([span[1]] + [e for s, e in quotes if span[0] <= s < span[1]]))
        found.append(Attribution((span,), False, _cue_of(token), _source_of(token)))
    return found


def _interrupted(verb) -> tuple[tuple[int, int], ...] | None:
    """What a cue set into a sentence reports: the sentence around it, in one or two pieces ("The
    museum, he said, would make visitors ...", "Acts of protest are ..., Mr. Obama said."). None when
    the parse does not make it a parenthetical with its own subject."""
    if verb.dep_ != "parataxis" or verb.head.pos_ not in ("VERB", "AUX") or \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    text = _text_of(verb.doc)
    # (A clause the parser hung on the cue before it is the sentence's: "If this fails, he argues, ...".)
    inside = {t.i for t in verb.subtree} - {t.i for c in verb.lefts if c.dep_ in ("advcl", "ccomp") for t in c.subtree}
    runs = [list(run) for is_cue, run in itertools.groupby(_unlinked(list(verb.head.subtree)), key=lambda t: t.i in inside)
            if not is_cue]
    spans = [_trimmed(text, _chars(run[0], run[-1])) for run in runs]
    spans = [span for span in spans if span[1] - span[0] > 1]
    return tuple(spans) if spans and sum(e - s for s, e in spans) >= 10 else None


def _with_quotes(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A span widened to the whole of each quote it overlaps, marks included."""
    held = [q for q in quotes if _overlaps_any(q, [span])]
    return min([span[0]] + [s for s, _e in held]), max([span[1]] + [e for _s, e in held])


# Nouns whose "that" clause is what someone says: "Trump's claim that there have been ...".
_SPEECH_NOUNS = frozenset("claim charge acknowledgment acknowledgement assertion allegation argument insistence "
                          "suggestion warning promise pledge implication contention admission".split())


def _noun_cue(noun, quotes: list[tuple[int, int]]) -> Attribution | None:
    """A speech noun's "that" clause, said by whose the noun is ("his claim that ...") or by nobody
    named; direct when it holds a quote ("the claim that there were “thousands of shootings” ...")."""
    text = _text_of(noun.doc)
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"
                   and c.left_edge.i == noun.i + 1), None)
    if clause is None:
        return None
    tokens = _without_tail(list(clause.subtree))
    span = _trimmed(text, _chars(tokens[0], tokens[-1]))
    if span[1] - span[0] < 10:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = _chars(owner.left_edge, owner.right_edge) if owner is not None else None
    return Attribution((span,), _overlaps_any(span, quotes), _chars(noun, noun), source)


def stance_verbs(doc, found: list[Attribution]) -> list[tuple[object, str]]:
    """The verbs the rules left, each with the kind of extent it would report as a stance.

    Whether it reports one is the stance model's call (:mod:`.stances`): "she wants to triple the
    program" is an attribution in news annotation, "she wants a sandwich" rarely. The extent
    (:func:`stance_extent`) follows the parse, by kind: ``clause`` what a verb's clause says ("knows
    (that) ..."); ``copula`` the object of a copula's complement ("has been critical of Trump", "was
    sure (that) ..."); ``raising`` the subject and the complement of "seem" and "appear" ("Melania
    seems to have vanished"); ``takes`` the object, infinitive or prepositional object of any other
    verb ("endorsed Clinton for president", "vowed to veto it", "called for a review"). A verb may
    also be weighed as ``passive`` (its subject is what is reported, its agent the source: "was first
    reported by The Post") and as ``as`` (an aside crediting the clause it stands in: "as experts have
    pointed out"); the model keeps at most one kind for a verb.

    Args:
        doc: The parsed article.
        found: What the rules found in it; a verb that is already a cue is left out.
    """
    cues = sorted(a.cue for a in found if a.cue)
    out = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or inside_any(verb.idx, cues):
            continue
        if verb.pos_ == "AUX":
            if verb.dep_ in _COPULA_DEPS and any(c.dep_ in ("acomp", "attr") and c.i > verb.i for c in verb.children):
                out.append((verb, "copula"))
        elif any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
            out.append((verb, "clause"))
        else:
            out.append((verb, "raising" if verb.lemma_.lower() in _RAISING else "takes"))
        if verb.pos_ == "VERB":
            if any(c.dep_ == "nsubjpass" and c.i < verb.i for c in verb.children) or \
                    (verb.dep_ == "acl" and verb.head.i < verb.i and any(c.dep_ == "agent" for c in verb.children)):
                out.append((verb, "passive"))
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
                out.append((verb, "as"))
    return out


def stance_extent(verb, kind: str, quotes: list[tuple[int, int]]) -> Attribution | None:
    """What ``verb`` reports as a stance of its ``kind`` (:func:`stance_verbs`), if its parse gives
    it anything to report; ``quotes`` are the quotation spans of the text (marks included)."""
    return _EXTENTS[kind](verb, quotes, _text_of(verb.doc))


_COPULA_DEPS = frozenset("ROOT ccomp conj advcl relcl".split())
_RAISING = frozenset({"seem", "appear"})
_COMPLEMENT_PREPOSITIONS = frozenset("of about over with to for on against in".split())


def _clause(verb, quotes: list[tuple[int, int]], text: str) -> Attribution | None:
    clause = next(c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i)
    span = _that_clause(list(clause.subtree), text)
    if span[1] - span[0] < 10:
        return None
    return Attribution((span,), _overlaps_any(span, quotes), _cue_of(verb), _source_of(verb))


def _that_clause(tokens: list, text: str) -> tuple[int, int]:
    """A clause's span without its tail (:func:`_without_tail`), with the "that" before it."""
    clause = _without_tail(_unlinked(tokens))
    doc = clause[0].doc
    first = min([clause[0]] + [t for t in doc[clause[0].i - 1 : clause[0].i] if t.lower_ == "that"])
    return _trimmed(text, _chars(first, clause[-1]))


def _copula(verb, quotes: list[tuple[int, int]], text: str) -> Attribution | None:
    source = _source_of(verb)
    complement = next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.i > verb.i), None)
    if source is None or complement is None:
        return None
    clause = next((c for c in complement.children if c.dep_ in ("ccomp", "xcomp") and c.i > complement.i), None)
    if clause is not None:
        span, last = _that_clause(list(clause.subtree), text), complement
    else:
        preposition = next((c for c in complement.children if c.dep_ == "prep" and c.i > complement.i
                            and c.lower_ in _COMPLEMENT_PREPOSITIONS), None)
        objects = [c for c in preposition.children if c.dep_ in ("pobj", "pcomp")] if preposition is not None else []
        if not objects:
            return None
        span, last = _trimmed(text, _extent(_without_tail(list(objects[0].subtree)))), preposition
    if span[1] - span[0] < 2:
        return None
    cue = _extent(_verb_group(verb) + list(verb.doc[verb.i : last.i + 1]))
    return Attribution((span,), _overlaps_any(span, quotes), cue, source)


def _raising(verb, quotes: list[tuple[int, int]], text: str) -> Attribution | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    complement = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "oprd", "ccomp") and c.i > verb.i), None)
    if subject is None or complement is None or any(c.dep_ == "ccomp" for c in complement.children):
        return None  # (what "seems to think" takes is the thinking verb's)
    pieces = (_trimmed(text, _extent(list(subject.subtree))), _trimmed(text, _extent(_without_tail(list(complement.subtree)))))
    # Whom it seems so to is the source ("seems credible to me"); often nobody is named.
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    whom = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return Attribution(pieces, False, _cue_of(verb), _chars(whom.left_edge, whom.right_edge) if whom is not None else None)


def _taken(verb, quotes: list[tuple[int, int]], text: str) -> Attribution | None:
    """What a verb takes: its object, infinitive or object and infinitive ("endorsed Hillary Clinton
    for president", "vowed to veto the bill", "urged Congress to act", "called for a review"), with a
    subject to hold it."""
    cue_tokens = None  # (the verb group, found only when needed: most verbs take nothing)
    parts = []
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("dobj", "xcomp", "oprd", "dative"):
            parts.append(child)
        elif child.dep_ == "prep" and child.lower_ in _STANCE_PREPOSITIONS:
            cue_tokens = cue_tokens or _verb_group(verb)
            if _next_to(cue_tokens, child) and not any(p.dep_ == "dobj" for p in verb.children):
                cue_tokens.append(child)  # "called for", "pointed to": the preposition belongs to the cue
                parts.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
            elif parts:
                parts.append(child)  # "cited the remarks as examples of ...", "accused him of lying"
    if not parts:
        return None
    tokens = _without_tail(sorted({t for part in parts for t in part.subtree}, key=lambda t: t.i))
    span = _trimmed(text, _extent(tokens))
    if span[1] - span[0] < 2 or _overlaps_any(span, quotes) or (source := _source_of(verb)) is None:
        return None
    return Attribution((span,), False, _extent(cue_tokens or _verb_group(verb)), source)


def _passive(verb, quotes: list[tuple[int, int]], text: str) -> Attribution | None:
    """What a passive verb says of its subject, in two pieces when it takes a complement ("[He] has
    been harshly criticized [for policies ...]", "[Pence] was also dubbed [the debate winner]"), its
    agent the source ("[The proposal] was first reported by [MSNBC]"; often nobody is named), or the
    noun a passive participle hangs on ("[a record penalty] imposed by [the bureau]")."""
    group = _verb_group(verb)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if verb.dep_ == "acl":
        subject = [t for t in verb.head.subtree if t.i < verb.i]
    else:
        subject = _without_tail(list(next(c for c in verb.children if c.dep_ == "nsubjpass").subtree))
        if agent is not None and _next_to(group, agent):
            group.append(agent)  # "reported by": the preposition belongs to the cue
    pieces = [_trimmed(text, _extent(subject))]
    complement = next((c for c in verb.children if c.i > verb.i and c.dep_ in _PASSIVE_COMPLEMENTS), None)
    if complement is not None:
        objects = [c for c in complement.children if c.dep_ in ("pobj", "pcomp")]
        if complement.dep_ == "prep" and _next_to(group, complement) and objects:
            group.append(complement)  # "was accused of", "is defined as"
            complement = objects[0]
        pieces.append(_trimmed(text, _extent(_without_tail(list(complement.subtree)))))
    if any(e - s < 2 or _overlaps_any((s, e), quotes) for s, e in pieces):
        return None
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    source = _noun_phrase(objects[0], verb) if objects else None
    return Attribution(tuple(pieces), False, _extent(group), source)


_PASSIVE_COMPLEMENTS = frozenset({"xcomp", "oprd", "attr", "dobj", "ccomp", "prep", "acomp"})


def _next_to(group: list, token) -> bool:
    """Whether ``token`` comes right after a verb group: a preposition there belongs to the cue."""
    return token.i == max(t.i for t in group) + 1


def _as(verb, quotes: list[tuple[int, int]], text: str) -> Attribution | None:
    """The clause an "as" aside credits: "As many tax experts have pointed out, [Mr. Trump is free to
    disclose his returns]", "[Patriot failed] as predicted", "[The quay], as the divers said, [cannot
    hold]" (an aside the parser hangs on a noun credits the clause around it)."""
    clause = verb.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    aside = {t.i for t in verb.subtree}
    runs = itertools.groupby((t for t in clause.subtree if t.i not in aside), key=lambda t: t.i < verb.i)
    spans = [_trimmed(text, _extent(_without_tail(_unlinked(list(run))))) for _before, run in runs]
    spans = [span for span in spans if span[1] - span[0] > 1]
    if sum(e - s for s, e in spans) < 10 or any(_overlaps_any(span, quotes) for span in spans):
        return None
    return Attribution(tuple(spans), False, _cue_of(verb), _source_of(verb))


_EXTENTS = {"clause": _clause, "copula": _copula, "raising": _raising, "takes": _taken, "passive": _passive, "as": _as}


_COLON_AFTER = re.compile(r"[ \t]*:\s*")
_LINKS = frozenset("however meanwhile still yet instead also".split())


def _unlinked(tokens: list) -> list:
    """A reported sentence without the word that links it to the one before ("However, slower growth
    ...", "And Mrs. Clinton now holds ..."): the writer's, not the speaker's."""
    while len(tokens) > 2 and (tokens[0].dep_ == "cc" or tokens[0].lower_ in _LINKS) and tokens[0].is_sent_start:
        tokens = tokens[1:]
        while len(tokens) > 1 and tokens[0].is_punct:
            tokens = tokens[1:]
    return tokens


_TAIL_OPENERS = frozenset("which who whose although though whereas aside".split())


def _without_tail(tokens: list) -> list:
    """A reported clause without what follows a semicolon, or a comma that opens a non-restrictive
    relative or concessive clause ("..., which forced her to leave", "..., although he refused ...")."""
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.text == ";" or (token.text == "," and tokens[k + 1].lower_ in _TAIL_OPENERS):
            return tokens[:k]
    return tokens


def inside_any(char: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (char, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= char < spans[index][1]


def _overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and (text[start] in ",;:—–-" or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in ",;:—–-." or text[end - 1].isspace()):
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end - 1):
            break  # "Charlotte, N.C.": the stop is the abbreviation's
        end -= 1
    return start, end


_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros))$")
