"""The home screen's catalog is cached as JSON and follows every change to the files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT
from trainer.tui.catalog import CACHE_ENV, cached_catalog, peek_catalog


def _library(tmp_path):
    lib = tmp_path / "lib"
    (lib / "scenarios").mkdir(parents=True)
    (lib / "personas").mkdir()
    shutil.copy(ROOT / "scenarios" / "churn-model-drift.yaml", lib / "scenarios")
    shutil.copy(ROOT / "personas" / "maya-revenue.yaml", lib / "personas")
    return lib, [lib / "personas", lib / "scenarios"]


def test_a_cached_catalog_equals_a_fresh_one_and_follows_edits(tmp_path, monkeypatch):
    lib, roots = _library(tmp_path)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    first = cached_catalog(roots)
    assert (tmp_path / "cache" / "catalog.json").is_file()
    assert cached_catalog(roots) == first == peek_catalog(roots)

    scenario = lib / "scenarios" / "churn-model-drift.yaml"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    os.utime(scenario, ns=(1, 1))  # a changed size alone must also invalidate
    edited = cached_catalog(roots)
    assert edited.scenarios["churn-model-drift"].title.startswith("Edited ")

    shutil.copy(ROOT / "scenarios" / "fraud-false-positives.yaml", lib / "scenarios")
    assert "fraud-false-positives" in cached_catalog(roots).scenarios


def test_a_damaged_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    _, roots = _library(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "catalog.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(cache))
    assert cached_catalog(roots) == peek_catalog(roots)

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("", encoding="utf-8")  # the folder cannot be made
    assert cached_catalog(roots) == peek_catalog(roots)

    monkeypatch.setenv(CACHE_ENV, "")  # no cache at all
    assert cached_catalog(roots) == peek_catalog(roots)


def test_an_unchanged_library_starts_without_importing_yaml(tmp_path):
    _, roots = _library(tmp_path)
    env = dict(os.environ, **{CACHE_ENV: str(tmp_path / "cache")})
    code = ("import sys; from pathlib import Path; from trainer.tui.catalog import cached_catalog;"
            f"c = cached_catalog([Path(p) for p in {[str(r) for r in roots]!r}]);"
            "print(len(c.scenarios), 'yaml' in sys.modules)")
    out = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.split() for _ in range(2)]
    assert out == [["1", "True"], ["1", "False"]]
