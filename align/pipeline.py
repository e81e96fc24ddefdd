"""The scoring pipeline: corpus → pairs → word alignment → checks → fidelity → records.

Models are loaded once per run; the alignment of all pairs is one batched encoder pass;
resources (glossary, idioms, the corpus translation memory) are built once per run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from .checks import PairContext, build_checks
from .corpus import Corpus, read_corpus
from .fidelity import fidelity, verdict
from .lexicon import is_ar_content, is_en_content
from .pairing import DEFAULT_THRESHOLD, pair_corpus, pairs_from_rows
from .records import Flag, Pair, Result
from .resources import DEFAULT_IDIOMS, Resources
from .segment import tokenize
from .wordalign import WordAligner

log = logging.getLogger("muqabala")


def tool_version() -> str:
    try:
        return version("muqabala")
    except PackageNotFoundError:  # running from a checkout
        return "0+unknown"


@dataclass
class Options:
    sentence_model: str | None = None
    align_model: str | None = None
    layer: int = 8
    matching: str = "argmax"
    pairing_threshold: float = DEFAULT_THRESHOLD
    checks: list[str] | None = None
    idioms: Path | None = DEFAULT_IDIOMS
    glossary: Path | None = None
    strict: bool = False
    bf16: bool = False


@dataclass
class Run:
    corpus: Corpus
    results: list[Result]
    models: dict[str, str]
    signature: str
    problems: list[str] = field(default_factory=list)


class Scorer:
    """Holds the loaded models so several corpora can be scored without reloading."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        self._sentence = None
        self._aligner: WordAligner | None = None
        self.checks = build_checks(self.options.checks)

    @property
    def sentence_encoder(self):
        if self._sentence is None:
            from models.registry import load_sentence_encoder

            self._sentence = load_sentence_encoder(self.options.sentence_model)
        return self._sentence

    @property
    def aligner(self) -> WordAligner:
        if self._aligner is None:
            from models.registry import load_token_encoder

            enc = load_token_encoder(self.options.align_model, layer=self.options.layer, bf16=self.options.bf16)
            self._aligner = WordAligner(enc, self.options.matching)
        return self._aligner

    def models(self, paired: bool) -> dict[str, str]:
        return {"sentence": self.sentence_encoder.signature() if paired else "none (pairs input)",
                "align": self.aligner.signature()}

    def signature(self, models: dict[str, str]) -> str:
        o = self.options
        checks = ",".join(c.signature() for c in self.checks)
        return (f"muqabala:{tool_version()}|sent:{models['sentence']}|align:{models['align']}|"
                f"pairing:margin-k4-t{o.pairing_threshold}|checks:{checks}")

    def pair(self, corpus: Corpus) -> list[Pair]:
        if corpus.is_pairs:
            return pairs_from_rows(corpus)
        return pair_corpus(corpus, self.sentence_encoder, threshold=self.options.pairing_threshold)

    def score(self, corpus: Corpus, progress: Callable[[int, int], None] | None = None) -> Run:
        pairs = self.pair(corpus)
        results = self.score_pairs(pairs, corpus, progress)
        models = self.models(paired=not corpus.is_pairs)
        return Run(corpus, results, models, self.signature(models), list(corpus.problems.messages))

    def score_pairs(self, pairs: Sequence[Pair], corpus: Corpus | None = None,
                    progress: Callable[[int, int], None] | None = None, batch: int = 64) -> list[Result]:
        o = self.options
        resources = Resources.build(corpus.glossary if corpus else None, o.idioms, o.glossary,
                                    corpus.problems if corpus else None)
        contexts: list[PairContext] = []
        for start in range(0, len(pairs), batch):
            chunk = pairs[start : start + batch]
            items = []
            for p in chunk:
                ar_t = tokenize(p.ar_text, p.ar_start, p.ar_end, "ar")
                en_t = tokenize(p.en_text, p.en_start, p.en_end, "en")
                items.append((p.ar_text, ar_t, p.en_text, en_t))
            for p, (_, ar_t, _, en_t), al in zip(chunk, items, self.aligner.align_many(items), strict=True):
                contexts.append(PairContext(p, ar_t, en_t, al.links, al.sim, resources))
                resources.memory.add_pair(p.pair_id, p.article, p.ar_text, ar_t, en_t, al.links, al.sim)
            if progress:
                progress(len(contexts), 2 * len(pairs))
        models = self.models(paired=corpus is not None and not corpus.is_pairs)
        results = []
        for n, ctx in enumerate(contexts, 1):
            flags = self.run_checks(ctx)
            q = alignment_quality(ctx)
            results.append(Result(
                ctx.pair, fidelity(flags, q), verdict(flags), flags,
                [(ctx.ar_tokens[lk.ar].start, ctx.ar_tokens[lk.ar].end, ctx.en_tokens[lk.en].start,
                  ctx.en_tokens[lk.en].end, lk.score) for lk in sorted(ctx.links, key=lambda x: (x.ar, x.en))],
                models))
            if progress:
                progress(len(pairs) + n, 2 * len(pairs))
        return results

    def run_checks(self, ctx: PairContext) -> list[Flag]:
        flags: list[Flag] = []
        seen: set[tuple] = set()
        for check in self.checks:
            try:
                found = check.run(ctx)
            except Exception as e:  # one broken check must not lose a corpus
                log.exception("check %s failed on pair %s", check.name, ctx.pair.pair_id)
                raise RuntimeError(f"check {check.name!r} failed on pair {ctx.pair.pair_id}: {e}") from e
            for f in found:
                key = (f.check, f.ar_start, f.ar_end, f.en_start, f.en_end)
                if key not in seen:
                    seen.add(key)
                    flags.append(f)
        flags.sort(key=lambda f: (f.ar_start if f.ar_start is not None else 10**9, f.check))
        return flags


def alignment_quality(ctx: PairContext) -> float:
    """Share of content words aligned on both sides, times the mean link similarity."""
    ar_c = [i for i, t in enumerate(ctx.ar_tokens) if is_ar_content(t.norm)]
    en_c = [j for j, t in enumerate(ctx.en_tokens) if is_en_content(t.norm)]
    if not ctx.links or not ar_c or not en_c:
        return 0.0
    al_a, al_e = ctx.aligned_ar(), ctx.aligned_en()
    cov = (len([i for i in ar_c if i in al_a]) / len(ar_c) + len([j for j in en_c if j in al_e]) / len(en_c)) / 2
    return float(cov * np.mean([lk.score for lk in ctx.links]))


def score_path(path: str | Path, options: Options | None = None, scorer: Scorer | None = None,
               progress: Callable[[int, int], None] | None = None) -> Run:
    scorer = scorer or Scorer(options)
    corpus = read_corpus(path, strict=scorer.options.strict)
    return scorer.score(corpus, progress)


def save_to_store(run: Run, db_path: str | Path) -> int:
    from .store import Store

    store = Store(db_path)
    try:
        c = run.corpus
        store.put_texts({a.id: (a.text, a.meta) for a in c.articles.values()},
                        {s.id: (s.text, s.meta) for s in c.sources.values()})
        run_id = store.start_run(c.name, run.signature, run.models)
        store.mark_stale()
        n = store.put_results((r.to_json() for r in run.results), run_id)
        store.finish_run(run_id)
        return n
    finally:
        store.close()


def score_to_store(corpus_path: str | Path, db_path: str | Path, options: Options | None = None) -> Run:
    """Score a corpus and keep the results in a review store (used by ``python app.py``)."""
    run = score_path(corpus_path, options)
    save_to_store(run, db_path)
    return run
