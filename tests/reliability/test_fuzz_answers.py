"""Thousands of generated answers: valid JSON, scores in 0..100, every span inside the text.

Answers are any Unicode: control characters, right-to-left text, combining marks,
zero-width characters, emoji, lone surrogates, mixed with the words the rules
look for; a few are 100,000 characters long.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.reliability.fuzzing import answer_contexts, answers, check_result, examples
from tests.reliability.procs import db_state

scoring = pytest.importorskip("trainer.engine.scoring.scorer",
                              reason="the scorer (trainer.engine.scoring) is not there yet")


@pytest.fixture(scope="module")
def scorer():
    return scoring.load_scorer()


@pytest.fixture(scope="module")
def contexts(scorer):
    return answer_contexts(scorer)


@examples(2500)
@given(answer=answers, which=st.integers(0, 4))
def test_any_answer_gives_a_valid_result(scorer, contexts, answer, which):
    ctx = contexts[which % len(contexts)]
    check_result(answer, scorer.score(answer, ctx))


@examples(6)
@given(unit=answers.filter(bool), which=st.integers(0, 4))
def test_a_100000_character_paste_gives_a_valid_result(scorer, contexts, unit, which):
    answer = (unit * (100_000 // len(unit) + 1))[:100_000]
    result = scorer.score(answer, contexts[which % len(contexts)])
    check_result(answer, result)
    assert result.notes, "a capped answer should say so"


ODD = {
    "empty": "", "space": " ", "nul": "\x00" * 50, "emoji": "😀" * 500, "one_word": "x" * 5000,
    "rtl_override": "\u202e" + "dlrow olleh " * 40, "combining": "e\u0301" * 3000,
    "zero_width": "\u200b".join("we rolled back") * 20, "surrogates": "\ud800\udfff" * 10,
    "stacked_marks": "I" + "\u0308" * 10_000, "symbols": "$" * 1000 + "%" * 1000,
    "digits": "1" * 20_000, "full_stops": ". " * 10_000, "newlines": "\n" * 20_000,
    "hedges": "I think " * 12_000,
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_answers_give_a_valid_result(scorer, name):
    check_result(ODD[name], scorer.score(ODD[name]))


def _seconds(scorer, answer: str) -> float:
    best = float("inf")
    for _ in range(3):  # the best of three runs: other processes only ever add time
        start = time.perf_counter()
        scorer.score(answer)
        best = min(best, time.perf_counter() - start)
    return best


def test_cost_grows_linearly_with_length(scorer):
    # A relative measure, not a speed target: a quadratic step would make the
    # per-character cost of the long answer about ten times that of the short one.
    from trainer.engine.scoring.text import MAX_CHARS

    unit = ("Since the May 2 pricing change our churn model misclassifies 5% more "
            "customers, I think maybe about $50,000 a week; the PSI and AUC show drift. ")
    short_len = MAX_CHARS // 10
    short = (unit * (short_len // len(unit) + 1))[:short_len]
    long = (unit * (MAX_CHARS // len(unit) + 1))[:MAX_CHARS]
    per_char_short = _seconds(scorer, short) / len(short)
    per_char_long = _seconds(scorer, long) / len(long)
    assert per_char_long < 4 * per_char_short, (per_char_short, per_char_long)
    # past the cap a paste costs no more than the capped text
    pasted = _seconds(scorer, unit * (100_000 // len(unit)))
    assert pasted < 4 * _seconds(scorer, long)


JSONL_LINES = [
    '{"id": "nul", "answer": "I own this\\u0000\\u001b[2J"}',
    '{"id": "rtl", "answer": "\\u202eI think maybe\\u200b"}',
    '{"id": "long", "answer": "' + "we rolled back. " * 7000 + '"}',
    '{"id": "number", "answer": 5}',
    '{"id": "nan", "answer": "x", "question": NaN}',
    "[1, 2]",
    "not json",
]


def _rehearse(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "trainer", *args], input=stdin,
                          capture_output=True, timeout=120, cwd=ROOT)


def test_score_jsonl_answers_every_line_with_strict_json(tmp_path):
    raw = ("\n".join(JSONL_LINES) + "\n").encode() + b"\xff\xfe not utf-8\n"
    result = _rehearse("score", "--jsonl", "-", stdin=raw)
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert result.returncode in (0, 2), err
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(out) == len(JSONL_LINES) + 1
    ids = [item.get("id") for item in out]
    assert ids[:5] == ["nul", "rtl", "long", "number", "nan"]
    for item in out:
        json.dumps(item, allow_nan=False)


def test_score_jsonl_survives_a_lone_surrogate():
    lines = ['{"id": "surrogate", "answer": "\\ud800 we rolled back"}',
             '{"id": "next", "answer": "ok"}']
    result = _rehearse("score", "--jsonl", "-", stdin=("\n".join(lines) + "\n").encode())
    assert b"Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [item.get("id") for item in out] == ["surrogate", "next"]


def test_readable_score_shows_no_terminal_escape_from_the_answer():
    answer = "we rolled back \x1b[31mRED\x1b[0m \x1b]0;title\x07 and I own it"
    result = _rehearse("score", "-", stdin=answer.encode())
    assert result.returncode == 0, result.stderr
    assert b"\x1b]0;" not in result.stdout and b"\x1b[31m" not in result.stdout


def test_drill_keeps_an_answer_with_bytes_that_are_not_utf8(tmp_path):
    db = tmp_path / "h.sqlite3"
    result = _rehearse("drill", "churn-model-drift", "--seed", "1", "--db", str(db),
                       stdin=b"we \xff\xfe broke it, and I own the fix\n")
    assert b"Traceback" not in result.stderr
    assert db_state(db)["turns"] == 1
