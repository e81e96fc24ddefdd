"""The scoring pipeline: corpus → pairs → word alignment → checks → fidelity → records.

Two stages, because the corpus translation memory (``align.memory``) needs every pair's
alignment before any check may read it:

1. **align** — a pure function of each pair's texts (``engines.align_batch``), batched,
   behind a content-hash cache (``align.cache``), run in this process, in ``datasets``
   worker processes or on Ray (``Options.engine``);
2. **check** — once every pair is aligned and the memory is built: the checks, the fidelity
   and the record of each pair, in batches handed to ``sink`` as they finish (``--db``
   commits each batch, so a killed run keeps its finished pairs and ``score_into_store``
   resumes it).

Models are loaded once per Scorer; resources (glossary, idioms, the memory) once per run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .cache import SIM, CachedSentenceEncoder, ContentCache, from_bytes
from .checks import PairContext, build_checks
from .corpus import Corpus, read_corpus
from .fidelity import calibrated_model, fidelity, verdict
from .lexicon import is_ar_content, is_en_content
from .pairing import DEFAULT_THRESHOLD, pair_corpus, pairs_from_rows
from .records import Flag, Pair, Result, Token
from .resources import DEFAULT_IDIOMS, Resources
from .segment import tokenize
from .wordalign import WordAligner, match, sim_key, words_text

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger("muqabala")

Progress = Callable[[int, int], None]
Sink = Callable[[list[Result]], None]


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
    # encoder precision (the token encoder and USE-m): "auto" (bf16 where the CPU has native
    # bf16 units), "fp32", "bf16";
    # resolved to the bool ``bf16`` at construction, which is what signatures and caches use
    precision: str = "auto"
    bf16: bool | None = None
    mt_model: str | None = None  # Arabic→English seq2seq for back-translation evidence
    # where the alignment stage runs: "local" (this process), "datasets" (Dataset.map with
    # num_proc worker processes) or "ray" (Ray Data; ray_address or $RAY_ADDRESS, else a
    # local instance); distribute_checks sends the check stage there too
    engine: str = "local"
    num_proc: int | None = None
    ray_address: str | None = None
    distribute_checks: bool = False
    batch_size: int = 64  # pairs per alignment batch and per committed batch of results
    cache: bool = True  # content-hash cache of similarity matrices and sentence vectors

    def __post_init__(self) -> None:
        from models.precision import resolve_bf16

        if self.bf16 is None:
            self.bf16 = resolve_bf16(self.precision)


@dataclass
class Run:
    corpus: Corpus
    results: list[Result]
    models: dict[str, str]
    signature: str
    problems: list[str] = field(default_factory=list)
    resumed: int = 0  # pairs whose finished results an interrupted run had already committed


@dataclass
class Aligned:
    """Stage 1's output for one pair: what stage 2 needs besides the resources."""

    pair: Pair
    ar_tokens: list[Token]
    en_tokens: list[Token]
    links: list
    sim: np.ndarray


class Scorer:
    """Holds the loaded models (and the content cache) so several corpora can be scored
    without reloading or re-encoding."""

    def __init__(self, options: Options | None = None, cache: ContentCache | None = None):
        self.options = options or Options()
        self.cache = cache or ContentCache(enabled=self.options.cache)
        self._sentence: CachedSentenceEncoder | None = None
        self._aligner: WordAligner | None = None
        self._engine = None
        self.align_stats: dict[str, int] = {}
        self.checks = build_checks(self.options.checks)

    # ---------------------------------------------------------------- models
    @property
    def sentence_encoder(self) -> CachedSentenceEncoder:
        if self._sentence is None:
            from models.registry import load_sentence_encoder

            self._sentence = CachedSentenceEncoder(
                load_sentence_encoder(self.options.sentence_model, bf16=bool(self.options.bf16)), self.cache)
        return self._sentence

    @property
    def aligner(self) -> WordAligner:
        if self._aligner is None:
            from models.registry import load_token_encoder

            enc = load_token_encoder(self.options.align_model, layer=self.options.layer, bf16=self.options.bf16)
            self._aligner = WordAligner(enc, self.options.matching, self.cache)
        return self._aligner

    def load(self, sentence: bool = True) -> Scorer:
        """Load the encoders now rather than on first use (a service, a benchmark). One after
        the other: loading both in threads was measured slower (their loaders hold the GIL)."""
        _ = self.aligner
        if sentence:
            _ = self.sentence_encoder
        return self

    def use_cache(self, cache: ContentCache) -> None:
        """Swap the content cache (a benchmark's cold run, a store opened later)."""
        self.cache = cache
        if self._aligner is not None:
            self._aligner.cache = cache
        if self._sentence is not None:
            self._sentence.cache = cache

    def align_config(self):
        from .engines import AlignConfig

        o = self.options
        return AlignConfig(o.align_model, o.layer, o.bf16)

    @property
    def engine(self):
        if self._engine is None:
            from .engines import make_engine

            o = self.options
            self._engine = make_engine(o.engine, o.num_proc, o.ray_address)
        return self._engine

    def models(self, paired: bool) -> dict[str, str]:
        return {"sentence": self.sentence_encoder.signature() if paired else "none (pairs input)",
                "align": self.aligner.signature()}

    def signature(self, models: dict[str, str]) -> str:
        o = self.options
        checks = ",".join(c.signature() for c in self.checks)
        return (f"muqabala:{tool_version()}|sent:{models['sentence']}|align:{models['align']}|"
                f"pairing:margin-k4-t{o.pairing_threshold}|checks:{checks}" + (f"|mt:{o.mt_model}" if o.mt_model else ""))

    # ---------------------------------------------------------------- scoring
    def pair(self, corpus: Corpus) -> list[Pair]:
        if corpus.is_pairs:
            return pairs_from_rows(corpus)
        return pair_corpus(corpus, self.sentence_encoder, threshold=self.options.pairing_threshold)

    def score(self, corpus: Corpus, progress: Progress | None = None) -> Run:
        pairs = self.pair(corpus)
        results = self.score_pairs(pairs, corpus, progress)
        models = self.models(paired=not corpus.is_pairs)
        return Run(corpus, results, models, self.signature(models), list(corpus.problems.messages))

    def resources(self, corpus: Corpus | None) -> Resources:
        o = self.options
        res = Resources.build(corpus.glossary if corpus else None, o.idioms, o.glossary, corpus.problems if corpus else None)
        if hasattr(res, "sentence_model"):
            res.sentence_model = o.sentence_model
            res.sentence_bf16 = bool(o.bf16)
            if self._sentence is not None:
                res.sentence_encoder = self._sentence
        if hasattr(res, "mt_model"):
            res.mt_model = o.mt_model
        return res

    def score_pairs(self, pairs: Sequence[Pair], corpus: Corpus | None = None, progress: Progress | None = None,
                    batch: int | None = None, *, done: dict[str, dict[str, Any]] | None = None,
                    sink: Sink | None = None) -> list[Result]:
        """Results in the order of ``pairs``. ``done``: records already committed for some of
        these pairs by an interrupted run of the same input (reused, not checked again);
        ``sink`` receives each batch of new results as soon as it is finished."""
        size = batch or self.options.batch_size
        total = 2 * len(pairs)
        aligned = self.align_stage(pairs, (lambda n: progress(n, total)) if progress else None, size)
        resources = self.resources(corpus)
        for a in aligned:
            self.register(a, resources)
        models = self.models(paired=corpus is not None and not corpus.is_pairs)
        return self.check_stage(aligned, resources, models, done or {}, sink,
                                (lambda n: progress(len(pairs) + n, total)) if progress else None, size)

    def align_stage(self, pairs: Sequence[Pair], progress: Callable[[int], None] | None = None,
                    size: int = 64) -> list[Aligned]:
        """Stage 1: tokens, word links and similarity matrix of every pair. Cache hits cost a
        look-up; the misses (each distinct text pair once) go to the engine in batches, and
        each finished batch is committed to the cache before the next one starts."""
        toks = [(tokenize(p.ar_text, p.ar_start, p.ar_end, "ar"), tokenize(p.en_text, p.en_start, p.en_end, "en")) for p in pairs]
        texts = [(words_text([t.text for t in at])[0], words_text([t.text for t in et])[0]) for at, et in toks]
        sig = self.aligner.encoder_signature()
        keys = [sim_key(sig, a, e) for a, e in texts]
        have = self.cache.get_many(SIM, keys)
        rows, seen = [], set()
        for k, (a, e) in zip(keys, texts, strict=True):
            if k not in have and k not in seen:
                seen.add(k)
                rows.append({"key": k, "ar": a, "en": e})
        # Length-sorted batches: texts of like length share a padded forward pass, so fewer
        # pad tokens are computed (~15-20 % of the alignment stage on the shipped corpus).
        rows.sort(key=lambda r: len(r["ar"]) + len(r["en"]))
        done = len(pairs) - len(rows)
        self.align_stats = {"pairs": len(pairs), "from_cache": sum(k in have for k in keys), "computed": len(rows)}
        if progress:
            progress(done)
        if rows:
            from .engines import align_batch, remember_aligner

            cfg = self.align_config()
            remember_aligner(cfg, self.aligner)
            for out in self.engine.map(align_batch, rows, size, config=cfg):
                new = [(k, from_bytes(b)) for k, b in zip(out["key"], out["sim"], strict=True)]
                self.cache.put_many(SIM, new)
                have.update(new)
                done += len(new)
                if progress:
                    progress(min(done, len(pairs)))
        if progress:
            progress(len(pairs))
        method = self.options.matching
        return [Aligned(p, at, et, match(have[k], method), have[k]) for p, (at, et), k in zip(pairs, toks, keys, strict=True)]

    @staticmethod
    def register(a: Aligned, resources: Resources) -> None:
        """What the resources must know of every pair before any check runs."""
        p = a.pair
        resources.memory.add_pair(p.pair_id, p.article, p.ar_text, a.ar_tokens, a.en_tokens, a.links, a.sim)
        reg = getattr(resources, "pair_texts", None)
        if reg is not None:
            reg.add(p, a.ar_tokens)

    def check_stage(self, aligned: list[Aligned], resources: Resources, models: dict[str, str],
                    done: dict[str, dict[str, Any]], sink: Sink | None, progress: Callable[[int], None] | None,
                    size: int) -> list[Result]:
        """Stage 2: checks, fidelity and record of each pair, batch by batch (each batch goes
        to ``sink``); pairs in ``done`` are rebuilt from their committed record."""
        results: dict[int, Result] = {}
        todo: list[int] = []
        for i, a in enumerate(aligned):
            rec = done.get(a.pair.pair_id)
            if rec is not None:
                results[i] = result_from_record(a.pair, rec)
            else:
                todo.append(i)
        n = len(results)
        if progress:
            progress(n)
        if self.options.distribute_checks and self.options.engine != "local" and todo:
            batches = self._distributed_checks(aligned, todo, resources, models, size)
        else:
            batches = self._local_checks(aligned, todo, resources, models, size)
        for got in batches:
            results.update(got)
            if sink:
                sink([got[i] for i in sorted(got)])
            n += len(got)
            if progress:
                progress(n)
        return [results[i] for i in range(len(aligned))]

    def _local_checks(self, aligned, todo, resources, models, size):
        for s in range(0, len(todo), size):
            part = todo[s : s + size]
            ctxs = [PairContext(aligned[i].pair, aligned[i].ar_tokens, aligned[i].en_tokens, aligned[i].links, aligned[i].sim, resources)
                    for i in part]
            yield dict(zip(part, finish_batch(ctxs, self.checks, models), strict=True))

    def _distributed_checks(self, aligned, todo, resources, models, size):
        from .cache import to_bytes
        from .engines import PAIR_FIELDS, CheckConfig, check_batch

        shipped = dataclasses.replace(resources, _sentence_encoder=None) if hasattr(resources, "_sentence_encoder") else resources
        rows = []
        for i in todo:
            p = aligned[i].pair
            rows.append({f: getattr(p, f) for f in PAIR_FIELDS} | {"sim": to_bytes(aligned[i].sim), "method": self.options.matching})
        where = {aligned[i].pair.pair_id: i for i in todo}
        cfg = CheckConfig(tuple(self.options.checks) if self.options.checks else None, tuple(sorted(models.items())))
        for out in self.engine.map(check_batch, rows, size, config=cfg, resources=shipped):
            yield {where[pid]: result_from_record(aligned[where[pid]].pair, json.loads(rec))
                   for pid, rec in zip(out["pair_id"], out["record"], strict=True)}

    def run_checks(self, ctx: PairContext) -> list[Flag]:
        return run_checks(ctx, self.checks)


def run_checks(ctx: PairContext, checks: Sequence) -> list[Flag]:
    """The pair's flags from ``checks``, without repeats, in reading order."""
    flags: list[Flag] = []
    seen: set[tuple] = set()
    for check in checks:
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


def prepare_checks(ctxs: Sequence[PairContext], checks: Sequence) -> None:
    """Let each check batch its model calls over a batch of pairs (``Check.prepare``)."""
    for check in checks:
        try:
            check.prepare(ctxs)
        except Exception as e:  # as in run_checks: name the check, keep the cause
            log.exception("check %s failed preparing a batch", check.name)
            raise RuntimeError(f"check {check.name!r} failed preparing a batch of {len(ctxs)} pairs: {e}") from e


def finish_batch(ctxs: Sequence[PairContext], checks: Sequence, models: dict[str, str]) -> list[Result]:
    """Stage 2 for a batch of pairs: each check's batch ``prepare`` (its model calls, batched
    over the pairs), then every pair's flags and record."""
    prepare_checks(ctxs, checks)
    return [finish_pair(ctx, checks, models) for ctx in ctxs]


def finish_pair(ctx: PairContext, checks: Sequence, models: dict[str, str]) -> Result:
    """Stage 2 for one pair: flags, fidelity, verdict and the alignment in output offsets."""
    flags = run_checks(ctx, checks)
    q = alignment_quality(ctx)
    evidence = numeric_evidence(ctx) if COLLECT_EVIDENCE or calibrated_model() is not None else {}
    result = Result(
        ctx.pair, fidelity(flags, q, evidence), verdict(flags), flags,
        [(ctx.ar_tokens[lk.ar].start, ctx.ar_tokens[lk.ar].end, ctx.en_tokens[lk.en].start,
          ctx.en_tokens[lk.en].end, lk.score) for lk in sorted(ctx.links, key=lambda x: (x.ar, x.en))],
        models)
    result.evidence = {"alignment_quality": q, **evidence}  # for `muqabala calibrate`; not in the record
    return result


# Numeric evidence costs sentence encodings per pair: gathered only when a calibrated model
# will read it, or when `muqabala calibrate` collects training rows.
COLLECT_EVIDENCE = False


def numeric_evidence(ctx: PairContext) -> dict[str, float]:
    """The calibrated model's numeric inputs (NaN-free), or none if the lexical layer is absent."""
    try:
        from .evidence import pair_evidence
    except ImportError:  # pragma: no cover - shipped with the package
        return {}
    ev = pair_evidence(ctx)
    return {k: float(v) for k, v in ev.items() if isinstance(v, (int, float)) and np.isfinite(v)}


def result_from_record(pair: Pair, rec: dict[str, Any]) -> Result:
    """A Result rebuilt from its results.jsonl record (to_json() gives the record back)."""
    return Result(pair, float(rec["fidelity"]), rec["verdict"], [Flag(**f) for f in rec["flags"]],
                  [tuple(x) for x in rec["alignment"]], dict(rec["models"]))


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
               progress: Progress | None = None) -> Run:
    scorer = scorer or Scorer(options)
    corpus = read_corpus(path, strict=scorer.options.strict)
    return scorer.score(corpus, progress)


def save_to_store(run: Run, db_path: str | Path) -> int:
    """Keep a finished run in a review store (all at once; ``score_into_store`` commits as
    it goes and resumes)."""
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


def input_fingerprint(pairs: Sequence[Pair], options: Options, corpus: Corpus) -> str:
    """What a run's results depend on besides the models and checks (in the signature): the
    pairs and the glossary and idiom inputs. Same fingerprint → an interrupted run resumes."""
    h = hashlib.sha1()
    for p in pairs:
        h.update(json.dumps([p.pair_id, p.article, p.source, p.ar, p.ar_start, p.ar_end, p.en, p.en_start, p.en_end,
                             round(p.pairing, 6)], ensure_ascii=False).encode())
    for g in corpus.glossary:
        h.update(json.dumps([g.en, g.expected, g.forbidden], ensure_ascii=False).encode())
    for f in (options.idioms, options.glossary):
        if f is not None and Path(f).is_file():
            h.update(hashlib.sha1(Path(f).read_bytes()).digest())
    h.update(json.dumps([options.checks, options.matching, options.layer, options.bf16]).encode())
    return h.hexdigest()


def score_into_store(corpus: Corpus, store: Store, scorer: Scorer, progress: Progress | None = None) -> Run:
    """Score ``corpus`` into ``store``, committing the alignment cache and the results batch
    by batch. If an earlier run of the same input and signature was interrupted (killed),
    it is resumed: its committed results are kept, and its committed alignments are cache
    hits, so no finished pair is computed again."""
    scorer.cache.store = store
    pairs = scorer.pair(corpus)
    models = scorer.models(paired=not corpus.is_pairs)
    signature = scorer.signature(models)
    fp = input_fingerprint(pairs, scorer.options, corpus)
    store.put_texts({a.id: (a.text, a.meta) for a in corpus.articles.values()},
                    {s.id: (s.text, s.meta) for s in corpus.sources.values()})
    run_id = store.unfinished_run(corpus.name, signature, fp)
    done: dict[str, dict[str, Any]] = {}
    if run_id is not None:
        wanted = {p.pair_id for p in pairs}
        done = {k: v for k, v in store.run_records(run_id).items() if k in wanted}
        log.info("resuming run %d: %d of %d pairs already finished", run_id, len(done), len(pairs))
    else:
        run_id = store.start_run(corpus.name, signature, models)
        store.record_job(run_id, fp, len(pairs))

    def sink(batch: list[Result]) -> None:
        store.put_results((r.to_json() for r in batch), run_id)

    results = scorer.score_pairs(pairs, corpus, progress, done=done, sink=sink)
    store.mark_stale_except_run(run_id)
    store.finish_run(run_id)
    return Run(corpus, results, models, signature, list(corpus.problems.messages), resumed=len(done))


def score_to_store(corpus_path: str | Path, db_path: str | Path, options: Options | None = None) -> Run:
    """Score a corpus and keep the results in a review store (used by ``python app.py``)."""
    from .store import Store

    scorer = Scorer(options)
    corpus = read_corpus(corpus_path, strict=scorer.options.strict)
    store = Store(db_path)
    try:
        return score_into_store(corpus, store, scorer)
    finally:
        store.close()
