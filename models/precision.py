"""Which float precision the token encoder runs in.

bfloat16 autocast runs the e5 encoder about 2x faster on CPUs with native bf16 units (Intel
AVX512-BF16 / AMX, recent Arm) and changes 0.2 % of the links (``muqabala bench`` measures
it; detection metrics on the shipped and dev corpora are unchanged). Without native support
autocast emulates bf16 and is slower than float32, so "auto" only picks it where it pays.
"""

from __future__ import annotations

import functools
from pathlib import Path

PRECISIONS = ("auto", "fp32", "bf16")
_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16", "bf16"})  # x86 flags; "bf16" is Arm's feature name


def cpu_flags(cpuinfo: str) -> set[str]:
    """The feature flags of a /proc/cpuinfo text (x86 "flags", Arm "Features")."""
    flags: set[str] = set()
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("flags", "Features"):
            flags.update(value.split())
    return flags


@functools.cache
def native_bf16(device: str = "cpu") -> bool:
    """True when bf16 matmuls run natively on ``device``."""
    if device.startswith("cuda"):
        import torch

        return bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported())
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: no cheap, reliable probe, so stay exact
        return False
    return bool(cpu_flags(text) & _BF16_FLAGS)


def resolve_bf16(precision: str | bool | None, device: str = "cpu") -> bool:
    """bf16 on or off for a precision setting ("auto"/None, "fp32", "bf16", or a bool)."""
    if isinstance(precision, bool):
        return precision
    if precision in (None, "auto"):
        return native_bf16(device)
    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}; use one of {PRECISIONS}")
    return precision == "bf16"
