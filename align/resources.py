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

    @classmethod
    def build(cls, glossary: list[GlossaryEntry] | None = None, idioms_path: Path | None = DEFAULT_IDIOMS,
              glossary_path: Path | None = None, problems: Problems | None = None) -> Resources:
        problems = problems or Problems()
        gl = list(glossary or [])
        if glossary_path is not None:
            gl += read_glossary(glossary_path, problems)
        idioms = load_idioms(idioms_path, problems) if idioms_path and Path(idioms_path).exists() else []
        return cls(glossary=gl, idioms=idioms)
