"""`rehearse validate` on bad files: one `path:line: message` each, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT

BAD = DATA / "bad"

# fixture file -> (line, words the message must contain)
EXPECTED = {
    "dangling_next.yaml": (13, "goes to 'costs', which does not exist"),
    "unknown_key.yaml": (17, "unknown key 'budgett'; did you mean 'budget'?"),
    "missing_fallback.yaml": (18, "the last branch needs no 'when'"),
    "bad_regex.yaml": (4, "does not compile"),
    "not_yaml.yaml": (2, "not valid YAML"),
    "empty.yaml": (1, "the file is empty"),
    "binary_file.yaml": (1, "binary file"),
    "alias_bomb.yaml": (6, "alias bomb"),
    "deeply_nested.yaml": (1, "nesting is deeper than"),
    "python_tag.yaml": (1, "python/object/apply:os.system' is not allowed"),
    "not_utf8.yaml": (1, "not UTF-8"),
    "unreachable_node.yaml": (19, "node 'orphan' cannot be reached"),
    "no_end.yaml": (8, "can never finish"),
    "unknown_persona.yaml": (5, "unknown persona 'nobody'"),
    "enum_typo.yaml": (12, "node 'opening', branch 1, when.dimension: 'impacts' is not a "
                           "valid value; did you mean 'impact'?"),
    "comma_in_flow_text.yaml": (12, "node 'opening', talking point 1: unknown key 'so nobody "
                                    "was alerted'; it looks like the rest of a text cut at a "
                                    "comma: in a {...} mapping, quote text that contains a "
                                    "comma"),
    "unquoted_number_keyword.yaml": (12, "node 'opening', talking point 1, keywords item 2: "
                                         "expected text, but YAML reads the unquoted 3000 as "
                                         "a number; quote it: \"3000\""),
    "unquoted_yes_text.yaml": (12, "node 'opening', talking point 1, text: expected text, but "
                                   "YAML reads the unquoted yes as a boolean; quote it: "
                                   "\"yes\""),
    "end_without_outcome.yaml": (21, "node 'done' ends the meeting but has no 'outcome' "
                                     "(good, mixed or bad)"),
    "bad_condition.yaml": (12, "node 'opening', branch 1, when: unknown key 'dimenson'; "
                               "did you mean 'dimension'?"),
    "unknown_measure_param.yaml": (7, "unknown param 'max_point' for measure 'over_budget'; "
                                      "did you mean 'max_points'?"),
    "colon_in_token.yaml": (7, "tokens item 1: expected text, but YAML reads the unquoted "
                               "'guarantee (?:it|this)(?: issue| problem)? (?:won't|never)' "
                               "as a key and a value (it holds ': '); put the whole text in "
                               "quotes"),
    "bad_regex_param.yaml": (7, "params: 'cues': regular expression '(?:cost|impact' does not "
                                "compile"),
}


def validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "validate", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_reports_line_and_exits_2(name):
    line, words = EXPECTED[name]
    result = validate(f"tests/data/bad/{name}")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"tests/data/bad/{name}:{line}: "), first
    assert words in first


def test_all_problems_reported_not_only_the_first(tmp_path):
    text = (BAD / "dangling_next.yaml").read_text()
    text = text.replace("    ceo: \"Thanks.\"", "    ceo: \"Thanks.\"\n    colour: blue")
    text = text.replace("title: Minimal", "title: Minimal\ntrak: incident")
    bad = tmp_path / "several.yaml"
    bad.write_text(text)
    result = validate(str(bad))
    lines = result.stdout.splitlines()[:-1]
    assert result.returncode == 2
    assert len(lines) >= 2, lines
    assert any("unknown key 'trak'; did you mean 'track'?" in ln for ln in lines)
    assert any("unknown key 'colour'; expected one of: " in ln for ln in lines)


def test_whole_bad_folder_reports_every_file():
    result = validate("tests/data/bad")
    assert result.returncode == 2
    reported = {ln.split(":", 1)[0] for ln in result.stdout.splitlines() if ".yaml:" in ln}
    assert len(reported) == len(EXPECTED)


def test_symlink_escaping_the_folder_is_not_read(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: [broken\n")
    folder = tmp_path / "content" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "link.yaml").symlink_to(outside)
    result = validate(str(tmp_path / "content"))
    assert "outside.yaml" not in result.stdout
    assert "not valid YAML" not in result.stdout  # the target was never parsed
    assert "link.yaml:1: a symbolic link to outside the content folder; not read" in result.stdout


def test_a_question_without_exemplar_is_a_warning_and_strict_makes_it_fail(tmp_path):
    text = (BAD / "dangling_next.yaml").read_text().replace("next: costs", "next: cost")
    text = text.replace('    ceo: "What does it cost?"\n',
                        '    ceo: "What does it cost?"\n    exemplar: "About $40,000 a week."\n'
                        '    talking_points:\n      - {id: cost, text: "The cost", '
                        'keywords: ["$"]}\n')
    playable = tmp_path / "mini.yaml"
    playable.write_text(text)
    result = validate(str(playable))
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == (f"{playable}:9: warning: node 'opening' has no 'exemplar': practice "
                        f"mode and the debrief will have no strong answer to show")
    assert any("node 'opening' has no 'talking_points'" in ln for ln in lines)
    assert not any("node 'cost'" in ln for ln in lines)  # it has both
    assert lines[-1].startswith("ok: ") and lines[-1].endswith("2 warning(s)")
    strict = validate("--strict", str(playable))
    assert strict.returncode == 2
    assert not any(ln.startswith("ok") for ln in strict.stdout.splitlines()), strict.stdout
    assert strict.stdout.splitlines()[-1] == (
        "2 warning(s) in 1 file(s) checked; --strict makes warnings fail")


def test_a_condition_may_name_another_nodes_point_but_not_an_unknown_one(tmp_path):
    text = (BAD / "dangling_next.yaml").read_text().replace("next: costs", "next: cost")
    text = text.replace("    ceo: \"What happened?\"\n",
                        "    ceo: \"What happened?\"\n    talking_points:\n"
                        "      - {id: impact, text: \"The cost\", keywords: [\"$\"]}\n")
    text = text.replace("    ceo: \"What does it cost?\"\n    branches:\n      - next: done",
                        "    ceo: \"What does it cost?\"\n    branches:\n"
                        "      - when: {missing: impact}\n        next: done\n"
                        "      - next: done")
    ok = tmp_path / "ok.yaml"
    ok.write_text(text)
    result = validate(str(ok))
    assert result.returncode == 0, result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("{missing: impact}", "{missing: impcat}"))
    result = validate(str(bad))
    assert result.returncode == 2
    assert "talking point 'impcat' is not listed in any node (known: impact)" in result.stdout


PERSONA = """\
id: own-boss
name: Pat Lee
role: CEO
cares_about:
  - {kpi: revenue, words: [revenue, sales]}
"""


def _own_content(tmp_path):
    """A content folder whose scenario names a persona that only its personas/ holds."""
    root = tmp_path / "mine"
    (root / "personas").mkdir(parents=True)
    (root / "scenarios").mkdir()
    (root / "personas" / "own-boss.yaml").write_text(PERSONA)
    text = (BAD / "dangling_next.yaml").read_text().replace("next: costs", "next: cost")
    scenario = root / "scenarios" / "mini.yaml"
    scenario.write_text(text.replace("persona: maya-revenue", "persona: own-boss"))
    return root, scenario


def test_a_lone_file_resolves_ids_in_its_own_content_folder_and_in_content(tmp_path):
    root, scenario = _own_content(tmp_path)
    result = validate(str(scenario))
    assert result.returncode == 0, result.stdout
    assert "unknown persona" not in result.stdout
    # the persona in a --content folder instead of next to the file
    (root / "scenarios" / "mini.yaml").rename(tmp_path / "mini.yaml")
    assert "unknown persona 'own-boss'" in validate(str(tmp_path / "mini.yaml")).stdout
    result = validate("--content", str(root), str(tmp_path / "mini.yaml"))
    assert result.returncode == 0, result.stdout


def test_drill_of_a_lone_file_finds_the_persona_next_to_it(tmp_path):
    _root, scenario = _own_content(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "drill", str(scenario), "--seed", "0",
         "--db", str(tmp_path / "h.sqlite3")],
        input="", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Pat Lee: What happened?")


def test_list_items_are_counted_from_1_in_words_everywhere(tmp_path):
    persona = tmp_path / "personas" / "p.yaml"
    persona.parent.mkdir()
    persona.write_text("id: p\nname: P\nrole: CEO\ncares_about:\n"
                       "  - {kpi: revenue, words: [revenue]}\n  - {words: [cost]}\n"
                       "  - {kpi: risk, words: [risk, on]}\n")
    out = validate(str(persona)).stdout
    assert f"{persona}:6: cares_about item 2: missing key 'kpi'" in out
    assert (f"{persona}:7: cares_about item 3, words item 2: expected text, but YAML reads "
            f"the unquoted on as a boolean; quote it: \"on\"") in out
    assert "[" not in out
