from __future__ import annotations

import argparse

import pytest

from align.pipeline import Options
from models import precision
from models.precision import cpu_flags, resolve_bf16

X86 = "processor\t: 0\nflags\t\t: fpu sse avx2 avx512f avx512_bf16 amx_tile\n\nprocessor\t: 1\nflags\t\t: fpu sse avx2\n"
ARM = "processor\t: 0\nFeatures\t: fp asimd bf16 i8mm\n"
OLD = "processor\t: 0\nflags\t\t: fpu sse avx2 avx512f\n"


def test_cpu_flags_x86_and_arm():
    assert {"avx512_bf16", "amx_tile", "avx2"} <= cpu_flags(X86)
    assert "bf16" in cpu_flags(ARM)
    assert not cpu_flags(OLD) & precision._BF16_FLAGS


def test_resolve_explicit_settings_ignore_the_cpu(monkeypatch):
    monkeypatch.setattr(precision, "native_bf16", lambda device="cpu": True)
    assert resolve_bf16("fp32") is False
    assert resolve_bf16("bf16") is True
    assert resolve_bf16(False) is False
    assert resolve_bf16("auto") is True
    monkeypatch.setattr(precision, "native_bf16", lambda device="cpu": False)
    assert resolve_bf16(None) is False
    with pytest.raises(ValueError, match="unknown precision"):
        resolve_bf16("fp16")


def test_options_resolve_once(monkeypatch):
    monkeypatch.setattr(precision, "native_bf16", lambda device="cpu": True)
    assert Options().bf16 is True
    assert Options(precision="fp32").bf16 is False
    assert Options(bf16=False).bf16 is False  # an explicit bool wins


def test_cli_precision_flags():
    from align.cli.common import add_model_options

    p = argparse.ArgumentParser()
    add_model_options(p)
    assert p.parse_args([]).precision == "auto"
    assert p.parse_args(["--bf16"]).precision == "bf16"
    assert p.parse_args(["--precision", "fp32"]).precision == "fp32"
