"""Resources shared by the checks of one run: the corpus glossary, the idiom list and the
corpus-internal translation memory. Built once per run, never per pair."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import GlossaryEntry, Problems, read_glossary
from .idioms import Idiom, load_idioms
from .memory import TranslationMemory

DEFAULT_IDIOMS = Path(__file__).resolve().parent.parent / "corpora" / "idioms.tsv"


@dataclass
class Resources:
    glossary: list[GlossaryEntry] = field(default_factory=list)
    idioms: list[Idiom] = field(default_factory=list)
    memory: TranslationMemory = field(default_factory=TranslationMemory)
    # The run's sentence encoder, for checks that compare sentence similarities
    # (counterfactual substitution). Set by the pipeline; loaded lazily by name otherwise.
    sentence_model: str | None = None
    _sentence_encoder: object | None = None

    @property
    def sentence_encoder(self):
        if self._sentence_encoder is None:
            from models.registry import load_sentence_encoder

            self._sentence_encoder = load_sentence_encoder(self.sentence_model)
        return self._sentence_encoder

    @sentence_encoder.setter
    def sentence_encoder(self, enc) -> None:
        self._sentence_encoder = enc

    @classmethod
    def build(cls, glossary: list[GlossaryEntry] | None = None, idioms_path: Path | None = DEFAULT_IDIOMS,
              glossary_path: Path | None = None, problems: Problems | None = None) -> Resources:
        problems = problems or Problems()
        gl = list(glossary or [])
        if glossary_path is not None:
            gl += read_glossary(glossary_path, problems)
        idioms = load_idioms(idioms_path, problems) if idioms_path and Path(idioms_path).exists() else []
        return cls(glossary=gl, idioms=idioms)
