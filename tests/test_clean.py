import re

import pytest

from conftest import FIXTURES

from storyline.clean.metadata import outlet_from_body
from storyline.clean.text import clean_text, find_repeats, normalise, split_paragraphs

JUNK = [
    "RL logo", "Skip to content", "Share on Facebook | Twitter | Email", "Related:", "Lakeside flood: what we know so far",
    "Council approves emergency repair fund", "River levels to be monitored every hour",
    "Subscribe to our newsletter", "We use cookies", "Advertisement", "All rights reserved", "Tags:", "Source link",
    "Visited 57 times", "Leave a Reply", "Your email address will not be published", "Save my name", "Post Comment",
]


def test_scraped_republication_loses_its_junk_and_keeps_its_body():
    raw = (FIXTURES / "scraped-republication.txt").read_text()
    cleaned = clean_text(raw)
    for junk in JUNK:
        assert junk not in cleaned.text, junk
    assert cleaned.title == "Lakeside library reopens after flood repairs, mayor promises longer hours"
    assert cleaned.paragraphs[0] == cleaned.title
    for sentence in ("eight months after floodwater ruined the ground floor", "“We lost the carpets", "next year's budget."):
        assert sentence in cleaned.text
    assert len(cleaned.removed) == 18


def test_glued_heading_is_split_into_its_own_paragraph():
    cleaned = clean_text((FIXTURES / "scraped-republication.txt").read_text())
    index = cleaned.paragraphs.index("Longer opening hours from January")
    assert cleaned.paragraphs[index - 1].endswith("Dorrow said.")
    assert index in cleaned.headings


def test_abbreviation_does_not_make_a_glued_heading():
    cleaned = clean_text("The plan was approved by the U.S. Senate Armed Services Committee\n\nMore text follows here.")
    assert cleaned.paragraphs[0] == "The plan was approved by the U.S. Senate Armed Services Committee"


def test_caption_byline_credit_and_bullets():
    cleaned = clean_text((FIXTURES / "wire-with-caption.txt").read_text())
    assert [c.text for c in cleaned.captions] == ["Firefighters rest at the edge of the Keldmoor forest on Monday."]
    assert cleaned.captions[0].credit == "Photo: Sanne Obel/Nordlicht Press"
    assert cleaned.authors == ("Jorun Hale", "Pim Asker")
    assert "Firefighters rest" not in cleaned.text and "Reporting by" not in cleaned.text
    assert "About 600 hectares burned, mostly pine plantation." in cleaned.paragraphs
    assert not any(p.startswith("- ") for p in cleaned.paragraphs)
    assert cleaned.title is None  # the first kept line is a full sentence, not a headline


def test_repeated_paragraph_is_flagged_not_removed():
    cleaned = clean_text((FIXTURES / "wire-with-caption.txt").read_text())
    later = next(i for i, p in enumerate(cleaned.paragraphs) if p.endswith("the fire service said."))
    earlier = cleaned.paragraphs.index("About 600 hectares burned, mostly pine plantation.")
    assert (later, earlier) in cleaned.repeated


def test_outlet_credit_line():
    cleaned = clean_text("Storm closes the coastal road\n\nThe coastal road was closed on Sunday after a storm.\n\n(Harbour Ledger)")
    assert cleaned.outlet_credits == ("Harbour Ledger",)
    assert "(Harbour Ledger)" not in cleaned.text


@pytest.mark.parametrize("opening, outlet", [
    ("CALVERA (Tidewire) - The port reopened on Monday.", "Tidewire"),
    ("PORT ELWIN, Ross. (Harbour Ledger) — The port reopened on Monday.", "Harbour Ledger"),
    ("KESTREL-ON-SEA, Sept. 28 (Tidewire) — The port reopened on Monday.", "Tidewire"),
    ("CALVERA -- The port reopened on Monday.", None),
    ("AFL-CIO to back the dockers (again) - a union said.", None),
])
def test_a_wire_dateline_names_its_outlet(opening, outlet):
    assert outlet_from_body([opening]) == outlet


def test_body_that_mentions_cookies_or_photos_is_kept():
    body = ("The bakery said it uses cookies from a family recipe, and a photo by a customer of the queue went viral on Monday, "
            "bringing hundreds of new visitors to the small shop on the square.")
    assert clean_text("Bakery queue\n\n" + body).paragraphs[1] == body


def test_hard_wrapped_lines_are_joined_and_blank_lines_split():
    text = "The first paragraph is wrapped\nover two lines.\n\nThe second one is not."
    assert split_paragraphs(normalise(text)) == ["The first paragraph is wrapped over two lines.", "The second one is not."]


def test_one_line_per_paragraph_without_blank_lines():
    assert split_paragraphs("One.\nTwo.\nThree") == ["One.", "Two.", "Three"]


def test_normalise_removes_invisible_characters_and_folds_spaces():
    assert normalise("a\u00a0\u00a0b\u200bc\r\nd\u00ad") == "a bc\nd"


def test_find_repeats_ignores_short_paragraphs():
    assert find_repeats(["Yes.", "Yes."]) == ()


def test_related_list_ends_at_the_next_sentence():
    cleaned = clean_text("Title here\n\nRelated stories\n\nA headline about something\n\nThe body goes on with a full sentence.")
    assert cleaned.paragraphs == ("Title here", "The body goes on with a full sentence.")
    assert re.search("A headline", " ".join(cleaned.removed))
