"""Fidelity checks: one module per check; see ``base.registry()``."""

from .base import Check, PairContext, build_checks, registry

__all__ = ["Check", "PairContext", "build_checks", "registry"]
