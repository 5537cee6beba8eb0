"""Thousands of generated content files: problems with file and line, never a traceback.

Every document goes through the real loader (parse, models, graph lint) next to
the shipped content, as a user's content folder would.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.reliability.fuzzing import (
    FOLDERS,
    MAX_BYTES,
    dump,
    examples,
    hostile,
    nested_data,
    shipped_mutants,
    top_level,
    yaml_noise,
)

folders = st.sampled_from(FOLDERS)


@examples(500)
@given(folder=folders, text=st.text(max_size=300) | yaml_noise)
def test_random_text_gives_problems_not_tracebacks(workbench, folder, text):
    outcome = workbench.check(f"{folder}/noise.yaml", text)
    assert outcome.mine() or isinstance(yaml.safe_load(text), dict)


@examples(400)
@given(folder=folders, data=top_level)
def test_random_data_gives_problems_not_tracebacks(workbench, folder, data):
    workbench.check(f"{folder}/data.yaml", dump(data), must_fail=not isinstance(data, dict))


@examples(850)
@given(mutant=shipped_mutants())
def test_mutated_shipped_files_give_problems_not_tracebacks(workbench, mutant):
    rel, text = mutant
    workbench.check(rel, text)


@examples(150)
@given(doc=hostile(), folder=folders)
def test_hostile_documents_are_refused_in_bounded_time(workbench, doc, folder):
    _kind, raw, must_fail = doc
    workbench.check(f"{folder}/hostile.yaml", raw, must_fail=must_fail)


@examples(100)
@given(key=st.sampled_from(["id", "title", "nodes", "start", "persona"]), value=nested_data)
def test_unknown_top_level_key_is_named_with_its_line(workbench, key, value):
    text = (workbench.shipped_text("scenarios/churn-model-drift.yaml")
            + dump({f"{key}_extra": value}))
    outcome = workbench.check("scenarios/churn-model-drift.yaml", text, must_fail=True)
    line = text.splitlines().index(next(ln for ln in text.splitlines()
                                        if ln.startswith(f"{key}_extra:"))) + 1
    assert any(p.line == line and f"unknown key '{key}_extra'" in p.message
               for p in outcome.mine()), outcome.mine()


@pytest.mark.parametrize("line", [b"- 1\n", b"k: v\n", b"- &a x\n- *a\n"])
def test_a_file_of_many_small_values_is_stopped_by_the_value_budget(workbench, line):
    # the slowest document within the size limit: it fills the node budget
    raw = (line * (MAX_BYTES // len(line)))[:MAX_BYTES]
    outcome = workbench.check("rubrics/lexicons/wide.yaml", raw, must_fail=True)
    assert any("values" in p.message or "duplicate key" in p.message for p in outcome.mine())


@pytest.mark.parametrize("size", [MAX_BYTES + 1, 5 * MAX_BYTES])
def test_file_over_the_size_limit_is_refused_with_a_message(workbench, size):
    outcome = workbench.check("scenarios/big.yaml", b"id: big\n#" + b"x" * size, must_fail=True)
    (problem,) = outcome.mine()
    assert problem.line == 1
    assert "the limit is" in problem.message and f"{MAX_BYTES:,}" in problem.message
