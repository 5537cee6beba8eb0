"""`rehearse score` as text at 80 columns: wrapped lines hang under their own text, and a
finding that cost nothing is a note, not a "-0" cost beside the same rule's credit."""

from __future__ import annotations

import pytest

from trainer.cli import main

STORY = ("Last year my team had a hard quarter. I rotated on-call and thanked people. "
         "Morale recovered and we shipped.")
HEAD = 19
"""Where a dimension's summary starts: '  structure    50  '."""


@pytest.fixture
def scored(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")

    def score(*args: str) -> list[str]:
        assert main(["score", *args]) == 0
        return capsys.readouterr().out.splitlines()

    return score


def _dimension_lines(lines: list[str]) -> dict[str, list[str]]:
    """Each dimension's first line and its continuation lines, up to the blank line."""
    dims: dict[str, list[str]] = {}
    for line in lines[1:lines.index("")]:
        if line[2] != " ":
            dims[line.split()[0]] = [line]
        else:
            dims[list(dims)[-1]].append(line)
    return dims


def test_no_zero_point_cost_and_no_rule_both_won_and_lost(scored):
    lines = scored("--scenario", "interview-morale", "--node", "main", STORY)
    assert all(len(line) <= 80 for line in lines)
    text = "\n".join(lines)
    assert "-0 " not in text
    structure = _dimension_lines(lines)["structure"]
    said = " ".join(" ".join(structure).split())
    assert said.count("result ('recovered')") == 1 and "+10 result" in said
    notes = [line.strip() for line in structure if line.strip().startswith("note:")]
    assert "note: No learning: what you would do differently is not said." in notes
    assert any("The result has no number" in n for n in notes)


def test_wrapped_lines_hang_under_their_text(scored):
    lines = scored("--scenario", "interview-morale", "--node", "main", STORY)
    for name, block in _dimension_lines(lines).items():
        for line in block[1:]:
            # under the summary's start, or under a note's text after "note: "
            depth = len(line) - len(line.lstrip())
            assert depth == HEAD or (depth == HEAD + 6 and "note:" in " ".join(block)), \
                (name, line)
    work = lines[lines.index("To work on") + 1:lines.index("Checklist")]
    for line in work:
        assert line.startswith(("  - ", "    ", "      try: ")), line
        assert not line.startswith(" ") or line.strip(), line
    for line in lines[lines.index("Checklist") + 1:-1]:
        assert line.startswith(("  pass ", "  miss ", " " * 7)), line


def test_impact_wraps_under_its_own_text(scored):
    lines = scored("The data team broke it. We are looking into it and maybe it will be fine.")
    impact = _dimension_lines(lines)["impact"]
    assert len(impact) == 2 and impact[1].startswith(" " * HEAD + "percentage")


def test_the_lines_say_what_the_scorer_summed():
    """Rebuilt from the findings, a dimension's line is the scorer's own summary with
    only the costless penalties moved to notes."""
    from trainer.cli.score_report import summary_parts
    from trainer.engine.scoring import AnswerContext, load_scorer

    scorer = load_scorer()
    answers = [STORY, "The data team broke it. We are looking into it and maybe it will be.",
               "I think we lost about $40,000 a week since May 2 because my model drifted; "
               "I own it and I'll send you an update by Friday 5 pm.", "Sorry.", "",
               "We saw covariate shift and the AUC fell, kind of, basically, maybe."]
    for track in ("incident", "interview"):
        for text in answers:
            result = scorer.score(text, AnswerContext(track=track))
            for name, dim in result.dimensions.items():
                parts, _ = summary_parts(name, dim, result.findings, with_zero=True)
                assert "; ".join(parts) == dim.summary, (track, text, name)
