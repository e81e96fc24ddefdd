"""Resources shared by the checks of one run: the corpus glossary, the idiom list and the
corpus-internal translation memory. Built once per run, never per pair."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import GlossaryEntry, Problems, read_glossary
from .idioms import Idiom, load_idioms
from .memory import TranslationMemory
from .records import Pair, Token

DEFAULT_IDIOMS = Path(__file__).resolve().parent.parent / "corpora" / "idioms.tsv"


# ---- added for lexical evidence
@dataclass(frozen=True)
class PairText:
    """What another check may need of a pair: ids, both texts and the Arabic tokens."""

    pair_id: str
    article: str | None
    source: str | None
    ar: str
    en: str
    ar_tokens: tuple[Token, ...] = ()


@dataclass
class PairTexts:
    """The run's pairs by id and by English unit (source id and span, or the English text)."""

    by_id: dict[str, PairText] = field(default_factory=dict)
    by_unit: dict[tuple, list[str]] = field(default_factory=dict)
    by_article: dict[str | None, list[str]] = field(default_factory=dict)

    @staticmethod
    def unit_key(source: str | None, en: str) -> tuple:
        return (source, " ".join(en.split()).lower())

    def add(self, pair: Pair, ar_tokens: list[Token] | None = None) -> None:
        if pair.pair_id in self.by_id:
            return
        self.by_id[pair.pair_id] = PairText(pair.pair_id, pair.article, pair.source, pair.ar, pair.en,
                                            tuple(ar_tokens or ()))
        self.by_unit.setdefault(self.unit_key(pair.source, pair.en), []).append(pair.pair_id)
        self.by_article.setdefault(pair.article, []).append(pair.pair_id)

    def same_unit(self, pair: Pair) -> list[PairText]:
        """The other pairs that render the same English unit (this pair excluded)."""
        ids = self.by_unit.get(self.unit_key(pair.source, pair.en), [])
        return [self.by_id[i] for i in ids if i != pair.pair_id]

    def same_article(self, pair: Pair) -> list[PairText]:
        """The other pairs of the same article (none for a pair without an article)."""
        if pair.article is None:
            return []
        return [self.by_id[i] for i in self.by_article.get(pair.article, []) if i != pair.pair_id]

    def __len__(self) -> int:
        return len(self.by_id)
# ---- end of lexical evidence


@dataclass
class Resources:
    glossary: list[GlossaryEntry] = field(default_factory=list)
    idioms: list[Idiom] = field(default_factory=list)
    memory: TranslationMemory = field(default_factory=TranslationMemory)
    # The run's sentence encoder, for checks that compare sentence similarities
    # (counterfactual substitution). Set by the pipeline; loaded lazily by name otherwise.
    sentence_model: str | None = None
    sentence_bf16: bool = False  # the run's precision, so a worker loads the same encoder
    _sentence_encoder: object | None = None

    # ---- added for lexical evidence (align/checks/lexical.py, rendering_consistency.py,
    # align/evidence.py, align/backtranslate.py)
    # An Arabic→English MT model (hub id or local folder) for back-translation evidence
    # (--mt-model); None: the offline gloss back-translation only.
    mt_model: str | None = None
    # Every pair of the run, for checks that compare different articles' renderings of one
    # English unit; the pipeline registers each pair before any check runs.
    pair_texts: PairTexts = field(default_factory=lambda: PairTexts())
    # ---- end of lexical evidence fields

    @property
    def sentence_encoder(self):
        if self._sentence_encoder is None:
            from models.registry import load_sentence_encoder

            self._sentence_encoder = load_sentence_encoder(self.sentence_model, bf16=self.sentence_bf16)
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
