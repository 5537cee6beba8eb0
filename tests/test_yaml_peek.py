"""The home screen's quick look at scenario files: right values, same safety limits."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from trainer.content.yaml_io import YamlError, load_file, peek

KEYS = frozenset({"id", "title", "track", "tags", "summary"})


def test_peek_agrees_with_the_full_load_on_every_shipped_scenario():
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        full = load_file(path).data
        quick = peek(path, KEYS, stop_at=frozenset({"nodes"}))
        for key in ("id", "title", "track"):
            assert quick[key] == full[key], (path.name, key)
        if "tags" in full:
            assert quick["tags"] == full["tags"]


def test_peek_refuses_deep_nesting_and_bad_text(tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("id: x\nnodes: " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(YamlError):
        peek(deep, frozenset({"id", "title"}))
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(YamlError):
        peek(binary, KEYS)
