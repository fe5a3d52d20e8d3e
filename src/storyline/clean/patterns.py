"""What site chrome, captions, credits and bylines look like, as compiled patterns.

Each pattern matches a *whole paragraph* (after white space is folded), so body text that merely
mentions a cookie or a photo is never touched: only a paragraph that is nothing but the prompt is.
The variety comes from scraped republications (aggregator footers: "Source link", visit counters,
comment forms), wire copy (datelines, "(Reporting by ...)"), and HTML extraction leftovers
(share bars, newsletter boxes, "Related:" lists, copyright lines).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

SOCIAL = r"(?:facebook|twitter|x|linkedin|reddit|whatsapp|telegram|pinterest|email|e-mail|print|copy link|messenger|flipboard|tumblr|threads|bluesky)"

# Paragraphs that are nothing but site chrome or aggregator junk.
JUNK = re.compile(
    r"(?:"
    # logos and navigation
    r"(?=[^\n]{0,60}logo$)(?:[\w&.'’-]+\s){0,3}logo"
    r"|skip to (?:main )?(?:content|navigation)|back to top|go to top|main menu|menu|close|search|home|loading\.*"
    r"|(?:log|sign) ?in|(?:log|sign) ?out|my account|toggle navigation|open navigation menu"
    # aggregator footers
    r"|source ?(?:link|url)|original (?:source|article)|read (?:the )?original (?:article|story|post)"
    r"|(?:read|see|view) (?:more|the full (?:story|article|post|report))(?: (?:here|at|on) .{0,60})?\W*"
    r"|continue reading.{0,80}|click here.{0,80}|(?:read|learn) more\W*"
    r"|visited \d[\d,]* times?.{0,40}|\d[\d,.]*k? (?:views?|visits?|reads?|shares?)(?: today)?"
    r"|\d+ visit\(s\) today"
    # comment forms
    r"|leave a (?:reply|comment)(?: cancel reply)?|(?:post|submit|add) (?:a |your )?comment|cancel reply"
    r"|your email address will not be published\..{0,80}|required fields are marked \*?\.?"
    r"|save my name, email,? and website in this browser.{0,60}|(?:name|email|e-mail|website|comment)\s*\*?"
    r"|\d+ comments?|comments? \(\d+\)|(?:no|view|show|hide) comments?(?: yet)?.{0,40}|be the first to comment.{0,40}"
    r"|you must be logged in to post a comment\.?|join the (?:conversation|discussion)\W*"
    # share, subscribe, follow, cookies, ads
    r"|share(?: (?:this|on|via|the|article|story|post|page))*\W*(?:" + SOCIAL + r"\W*)*"
    r"|(?:" + SOCIAL + r")(?:\s*[|·•,/]?\s*" + SOCIAL + r")+"
    r"|(?:subscribe|sign up|signup|register)\b.{0,100}\b(?:newsletter|updates|inbox|free|today|now|here|briefing|alerts)\b\W*"
    r"|(?:get|receive) (?:the|our) .{0,50}(?:newsletter|briefing|alerts).{0,60}"
    r"|follow (?:us|@\w+)(?: on .{0,60})?\W*"
    r"|(?=.{0,120}\b(?:we|this (?:web)?site) uses? cookies\b).{0,320}|(?:accept|reject|manage)(?: all)? cookies.{0,40}|cookie (?:policy|settings)"
    r"|advertisement\W*|sponsored(?: content)?|skip ad|ad"
    # related lists and recommendations (the heading alone; see RELATED_HEADING)
    r"|(?:related|read also|also read|see also|more from .{1,40}|recommended(?: for you)?|you (?:may|might) also like|trending(?: now)?|most (?:read|popular)|editor'?s picks)\s*:.{0,200}"
    # copyright, tags, page furniture
    r"|(?:©|\(c\)|copyright\b).{0,160}|all rights reserved\.?.{0,80}"
    r"|(?:tags?|topics?|filed under|categor(?:y|ies))\s*:.{0,200}"
    r"|(?:image|photo|slide|picture) \d+ (?:of|/) \d+|\d+ (?:of|/) \d+"
    r"|(?:this (?:article|story|post) (?:was|is|has been) (?:originally |first )?(?:published|posted|republished|syndicated)).{0,200}"
    r"|(?:updated|published|posted|last modified)(?: on| at)?:? .{0,60}\d{1,2}:\d{2}.{0,20}"
    r")",
    _I,
)

# A heading that introduces a list of links to other stories: drop it and the headlines after it.
RELATED_HEADING = re.compile(
    r"(?:related(?: articles?| stories| posts| news| coverage| content| reading)?|read (?:also|more)|also read|see also"
    r"|more (?:from|on|about) .{1,40}|more stories|recommended(?: for you| stories| articles)?|you (?:may|might) also like"
    r"|trending(?: now)?|most (?:read|popular)|latest (?:news|stories)|top stories|editor'?s picks)\s*:?",
    _I,
)

# A photo caption's credit, at the end of the paragraph: "Photo by A/AFP via Getty Images",
# "(Photo: Jane Roe/Reuters)", "Image credit: ...", "AP Photo/John Doe".
CREDIT = re.compile(
    r"(?:^|(?<=[.!?)\]])\s+|\s*[(\[]|\s+[-–—|]\s+)"
    r"(?P<credit>(?:(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|video|footage)(?: credit)?\s*(?:by\b|:|courtesy\b)"
    r"|credit\s*:|courtesy of\b|ap photo\s*/|getty images\b|shutterstock\b|(?:reuters|afp|epa|ap|anadolu)(?: photo)?\s*/)"
    r"[^()\[\]]{0,160}?[)\]]?)\s*$",
    _I,
)
# One of these words must be in a paragraph before the costlier credit patterns are tried: a set
# lookup is far cheaper than a regex alternation tried at every position.
CREDIT_WORDS = frozenset(
    b"photo photos photograph photographs image images picture pictures illustration illustrations graphic graphics "
    b"video footage credit courtesy getty shutterstock reuters afp epa ap anadolu".split()
)
# Credits that name a photo agency anywhere in a short paragraph.
AGENCY_CREDIT = re.compile(r"\bvia getty images\b|/(?:afp|ap|reuters|epa|getty images|shutterstock)\b", _I)

# A line that only names the outlet: "(Axios)", "— Reuters", "Source: AP".
OUTLET_CREDIT = re.compile(
    r"(?:\(\s*(?P<paren>[A-Z][\w&'’-]*(?: [\w&'’-]+){0,3})\s*\)|[-–—]\s*(?P<dash>[A-Z][\w&.'’ -]{1,40}?)|source\s*:\s*(?P<src>[A-Z][\w&.'’ -]{1,40}?))\.?"
)
# Wire-service contributor lines: "(Reporting by A; Editing by B)".
CONTRIBUTORS = re.compile(r"\(?\s*(?:reporting|writing|editing|additional reporting|compiled) by\b.{0,300}\)?", _I)

# A byline: "By Jane Roe", "By Jane Roe and John Doe, Reuters", "By JANE ROE | Outlet".
BYLINE = re.compile(
    r"by\s+(?P<names>(?:[A-Z][\w.'’-]*\.?\s?){1,4}(?:(?:,|\band\b|&)\s*(?:[A-Z][\w.'’-]*\.?\s?){1,4})*?)"
    r"\s*(?:[,|/–—-]\s*(?P<outlet>[\w&.'’ ]{2,40}))?\s*",
    _I,
)

# A wire dateline opening a paragraph, with the outlet when it names one: "WASHINGTON -- ",
# "LOS ANGELES, Sept. 28 (UPI) — ", "RENO, Nev. (AP) — ", "WINSTON-SALEM (Reuters) - ".
DATELINE = re.compile(r"[A-Z][A-Z.'’/-]+(?: [A-Z][A-Z.'’/-]+)*(?:, [A-Z][A-Za-z.]+(?: \d{1,2})?)*"
                      r"(?: ?\((?P<outlet>[A-Z][\w&.' ]{1,30})\))? *(?:--|[-—―–]) +")

# "per Axios' Barak Ravid": the outlet a reporter writes for, named inside the body.
PER_OUTLET = re.compile(r"\bper (?P<outlet>[A-Z][\w&.-]+(?: [A-Z][\w&.-]+){0,2})[’']s? [A-Z][a-z]+ [A-Z][a-z]+")

BULLET = re.compile(r"^(?:[-–•*·▪●◦]|\d{1,2}[.)])\s+(?=\S)")

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

# The trailing fragment of a paragraph after its last sentence: "... Parnell added. Trump disappointed with Putin".
GLUED_HEADING = re.compile(r"(?<=[.!?][\"”’)])\s+(?P<heading>[A-Z][^.!?\"“”]{3,90})$|(?<=[a-z0-9][.!?])\s+(?P<heading2>[A-Z][^.!?\"“”]{3,90})$")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\bU\.S|\bU\.K|\bU\.N|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bGov|\bSen|\bRep|\bLt|\bCol|\bSgt|\bJr|\bSr|\bInc|\bCo|\bCorp|\bLtd|\bNo|\bvs|\bJan|\bFeb|\bAug|\bSept?|\bOct|\bNov|\bDec)\.$"
)
