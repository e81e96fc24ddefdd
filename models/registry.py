"""Names and paths to encoders. ``None`` means the offline default (USE-m for sentences,
the bundled e5-small for words); anything else is a hub id or a local folder handed to
the ordinary transformers / sentence-transformers loaders, whose errors are kept."""

from __future__ import annotations

from .base import SentenceEncoder, TokenEncoder
from .errors import ModelLoadError

__all__ = ["ModelLoadError", "load_sentence_encoder", "load_token_encoder"]

DEFAULT_SENTENCE = "use-m"
DEFAULT_TOKEN = "e5-bundled"


def load_sentence_encoder(name: str | None = None, bf16: bool = False) -> SentenceEncoder:
    """A loaded sentence encoder; raises ModelLoadError (cause chained) if it cannot load.
    ``bf16``: USE-m's GEMMs in bfloat16 (models.use_m_torch); hub models ignore it."""
    if name is None or name == DEFAULT_SENTENCE:
        from .use_m import UseM

        return UseM(bf16=bf16).load()
    from .hf import HFSentenceEncoder

    return HFSentenceEncoder(name).load()


def load_token_encoder(name: str | None = None, layer: int = 8, bf16: bool = False) -> TokenEncoder:
    """A loaded token encoder; raises ModelLoadError (cause chained) if it cannot load."""
    if name is None or name == DEFAULT_TOKEN:
        from .e5_bundled import load_bundled_token_encoder

        return load_bundled_token_encoder(layer=layer, bf16=bf16).load()
    from .hf import HFTokenEncoder

    return HFTokenEncoder(name, layer=layer, bf16=bf16).load()
