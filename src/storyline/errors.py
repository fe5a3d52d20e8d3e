"""The one catalogue of errors storyline raises.

Every message names the input, what was wrong with it and, where there is one, what to do.
The library raises these; only the CLI turns them into lines and exit codes.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose.

    ``code`` is a short stable identifier (it appears in ``extract``'s ``error.code``).
    """

    code = "error"

    def __init__(self, source: str, reason: str, hint: str | None = None):
        self.source = source
        self.reason = reason
        self.hint = hint
        message = f"{source}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": str(self)}


class InputError(StorylineError):
    """An input could not be read at all (missing, unreadable, a URL with no network)."""

    code = "unreadable"


class DecodeError(StorylineError):
    """An input's bytes are not text (binary, undecodable)."""

    code = "not-text"


class EmptyInputError(StorylineError):
    """An input holds no article text (empty file, HTML page with no article body)."""

    code = "empty"


class TooLargeError(StorylineError):
    """An input is larger than one article can sensibly be."""

    code = "too-large"


class FormatError(StorylineError):
    """An input claims a format (JSON, feed, gzip) that it does not follow."""

    code = "malformed"


class StoreError(StorylineError):
    """The store cannot be opened or is not a storyline store."""

    code = "store"
