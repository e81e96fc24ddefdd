"""One error type for "this model could not be loaded", shared by every back-end.

It always names the model and chains the library's own exception (``raise ... from``),
so a user sees the real cause (missing folder, no network, wrong format) instead of a
blanket "model not supported".
"""

from __future__ import annotations


class ModelLoadError(RuntimeError):
    """A model or tokenizer failed to load; ``__cause__`` holds the original exception."""

    def __init__(self, what: str, name: str, cause: BaseException):
        self.model_name = name
        super().__init__(f"could not load {what} {name!r}: {type(cause).__name__}: {cause}")
