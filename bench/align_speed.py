"""Word alignment: ours (batched, distinct texts once, layers above the chosen one dropped,
``torch.inference_mode``, optional bfloat16) against plain ``simalign`` called pair by pair.

Both use the same model and layer and simalign's own word-level argmax ("inter" with
``token_type="word"``), on the pairs the pipeline finds in the shipped corpus. Reported: the
time ratio and the share of identical links (|ours ∩ simalign| / |ours ∪ simalign| over all
pairs), for float32 and for bfloat16 autocast.

    python bench/align_speed.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, shipped_pairs, timed


def word_lists(pairs) -> list[tuple[list[str], list[str]]]:
    from align.segment import tokenize

    return [([t.text for t in tokenize(p.ar_text, p.ar_start, p.ar_end, "ar")],
             [t.text for t in tokenize(p.en_text, p.en_start, p.en_end, "en")]) for p in pairs]


def link_agreement(a: list[set], b: list[set]) -> float:
    inter = sum(len(x & y) for x, y in zip(a, b, strict=True))
    union = sum(len(x | y) for x, y in zip(a, b, strict=True))
    return inter / union if union else 1.0


def measure(pairs, repeat: int = 3, simalign_repeat: int = 1, model: str | None = None, layer: int = 8) -> dict:
    from simalign import SentenceAligner

    from align.wordalign import WordAligner, match, words_text
    from models.registry import load_token_encoder

    words = word_lists(pairs)
    texts = [(words_text(a)[0], words_text(e)[0]) for a, e in words]
    ours = {bf: WordAligner(load_token_encoder(model, layer=layer, bf16=bf)) for bf in (False, True)}
    path = model
    if path is None:
        from models.e5_bundled import bundled_e5_path

        path = str(bundled_e5_path())
    sa = SentenceAligner(model=path, token_type="word", matching_methods="a", layer=layer)

    def run_ours(al: WordAligner) -> list[set]:
        return [{(lk.ar, lk.en) for lk in match(s)} for s in al.sims(texts)]

    def run_simalign() -> list[set]:
        return [set(map(tuple, sa.get_word_aligns(a, e)["inter"])) for a, e in words]

    # warm-up, one whole pass each: the first call of a batch shape builds its oneDNN kernels
    # (bf16 most of all), which a long-running scorer pays once; simalign gets the same
    for al in ours.values():
        run_ours(al)
    for a, e in words:
        sa.get_word_aligns(a, e)
    t = {"fp32": [], "bf16": [], "simalign": []}
    cpu = {"fp32": [], "bf16": [], "simalign": []}
    links: dict[str, list[set]] = {}
    for r in range(max(repeat, simalign_repeat)):  # interleaved, so load changes hit all alike
        if r < repeat:
            for name, bf in (("fp32", False), ("bf16", True)):
                w, c, links[name] = timed(lambda al=ours[bf]: run_ours(al))
                t[name].append(w)
                cpu[name].append(c)
        if r < simalign_repeat:
            w, c, links["simalign"] = timed(run_simalign)
            t["simalign"].append(w)
            cpu["simalign"].append(c)
    ref = links["simalign"]
    n_links = sum(len(x) for x in ref)
    distinct = len({x for pair in texts for x in pair})
    out = {
        "pairs": len(pairs),
        "distinct_texts": distinct,
        "simalign_links": n_links,
        "simalign_s": median(t["simalign"]),
        "simalign_cpu_s": median(cpu["simalign"]),
    }
    for name in ("fp32", "bf16"):
        out[f"ours_{name}_s"] = median(t[name])
        out[f"ours_{name}_cpu_s"] = median(cpu[name])
        out[f"speedup_{name}"] = out["simalign_s"] / out[f"ours_{name}_s"]
        out[f"speedup_{name}_cpu"] = out["simalign_cpu_s"] / out[f"ours_{name}_cpu_s"]
        out[f"agreement_{name}"] = link_agreement(links[name], ref)
        out[f"identical_pairs_{name}"] = sum(a == b for a, b in zip(links[name], ref, strict=True)) / len(ref)
    out["agreement_bf16_vs_fp32"] = link_agreement(links["bf16"], links["fp32"])
    out["samples_s"] = t
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--simalign-repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    _, pairs, _ = shipped_pairs()
    res = measure(pairs, a.repeat, a.simalign_repeat)
    print(json.dumps(res) if a.json else json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
