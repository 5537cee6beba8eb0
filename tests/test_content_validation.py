"""`rehearse validate` on bad files: one `path:line: message` each, exit 2, no traceback."""

from __future__ import annotations

import os
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
    "unknown_rule_in_of.yaml": (8, "params: of: unknown rule id 'follow_up.commitmnt'; did "
                                   "you mean 'follow_up.commitment'?"),
    "bad_regex_param.yaml": (7, "params: 'cues': regular expression '(?:cost|impact' does not "
                                "compile"),
    "bad_token_regex.yaml": (5, "tokens item 1: regular expression 'catastroph(\\w*' does not "
                                "compile: missing ), unterminated subpattern"),
    "token_global_flag.yaml": (6, "tokens item 2: regular expression '(?i)hopeless' cannot be "
                                  "one of the rule's phrases: global flags not at the start of "
                                  "the expression (write the flag as '(?i:...)'"),
    "bad_swap_regex.yaml": (6, "swap: key 'utiliz(e': regular expression 'utiliz(e' does not "
                               "compile"),
    "bad_slug_id.yaml": (1, "id: 'Pat Boss' may hold only lower-case letters, digits, '-', '_' "
                            "and '.', starting with a letter or digit (write 'pat-boss')"),
    "weights_typo.yaml": (5, "unknown dimension 'tailorng' in weights; did you mean "
                             "'tailoring'?"),
    "tab_indent.yaml": (10, "not valid YAML: a tab indents this line; YAML needs spaces"),
    "escape_in_double_quotes.yaml": (4, "; in double quotes a backslash starts an escape: "
                                        "write \\\\d for \\d, or use single quotes"),
    "trend_labels.yaml": (7, "trend: 2 label(s) for 5 points: give one label per point"),
    "set_not_a_number.yaml": (14, "node 'opening', branch 1, set.pressed: '+one' starts with a "
                                  "sign but is not a number to add"),
    "unquoted_yes_ceo.yaml": (10, "node 'opening', ceo: expected text, but YAML reads the "
                                  "unquoted yes as a boolean; quote it: \"yes\""),
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
    assert ("talking point 'impcat' is not listed in any node; did you mean 'impact'?"
            in result.stdout)
    bad.write_text(text.replace("{missing: impact}", "{missing: gap}"))
    assert ("talking point 'gap' is not listed in any node (known: impact)"
            in validate(str(bad)).stdout)


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
    assert "\nPat Lee: What happened?" in result.stdout  # after the briefing


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


def test_a_union_value_gets_one_message_not_one_per_member():
    out = validate("tests/data/bad/unquoted_yes_ceo.yaml").stdout
    assert "list[str]" not in out and ".str" not in out
    assert out.splitlines()[-1] == "1 problem(s) in 1 file(s) checked"


def test_a_value_of_no_allowed_type_says_what_was_expected(tmp_path):
    text = (BAD / "set_not_a_number.yaml").read_text()
    bad = tmp_path / "s.yaml"
    bad.write_text(text.replace('"+one"', "[1]").replace('ceo: "Thanks."', "ceo:"))
    out = validate(str(bad)).stdout
    assert (f"{bad}:14: node 'opening', branch 1, set.pressed: expected a number, text or "
            f"true/false, not a list") in out
    assert f"{bad}:22: node 'done', ceo: no value; expected text or a list of texts" in out
    assert "Input should be" not in out


def test_a_bad_key_of_a_mapping_is_said_in_words(tmp_path):
    text = (BAD / "set_not_a_number.yaml").read_text()
    bad = tmp_path / "s.yaml"
    bad.write_text(text.replace("vars: {pressed: 0}", "vars: {Pressed Twice: 0}"))
    out = validate(str(bad)).stdout
    assert (f"{bad}:7: vars: 'Pressed Twice' may hold only lower-case letters, digits, '-', "
            f"'_' and '.', starting with a letter or digit (write 'pressed-twice')") in out
    assert "[key]" not in out and "should match pattern" not in out


def test_adding_to_a_variable_that_starts_as_text_is_a_problem(tmp_path):
    text = (BAD / "set_not_a_number.yaml").read_text().replace('"+one"', '"+1"')
    good = tmp_path / "good.yaml"
    good.write_text(text)
    assert validate(str(good)).returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("vars: {pressed: 0}", "vars: {pressed: calm}"))
    out = validate(str(bad)).stdout
    assert (f"{bad}:14: node 'opening', branch 1: '+1' adds to variable 'pressed', but 'vars' "
            f"starts it as 'calm', not a number") in out


SCENARIO = """\
id: mine
title: Mine
track: incident
difficulty: easy
persona: own-boss
rubric: my-incident
briefing: Facts.
vars: {pressed: 0}
start: openin
nodes:
  opening:
    ceo: "What happened?"
    talking_points:
      - {id: impact, text: The cost, keywords: ["$"]}
    branches:
      - when: {finding: confidence.doom}
        next: done
      - when: {missing: impcat}
        next: cots
      - when: {var: presed, at_least: 1}
        set: {pressd: 1}
        next: done
      - when: {visits: opning, at_least: 1}
        next: done
      - when: {no_finding: ownership.blam}
        next: done
      - next: done
  cost:
    ceo: "What does it cost?"
    branches:
      - next: done
  done: {ceo: "Thanks.", end: true, outcome: good}
"""


def _folder(tmp_path, scenario=SCENARIO):
    root = tmp_path / "mine"
    for sub in ("scenarios", "personas", "rubrics/confidence", "rubrics/sets",
                "rubrics/lexicons"):
        (root / sub).mkdir(parents=True)
    (root / "scenarios" / "mine.yaml").write_text(scenario)
    (root / "personas" / "own-boss.yaml").write_text(PERSONA)
    (root / "rubrics" / "confidence" / "doom.yaml").write_text(
        "extends: existence\nmessage: \"'%s' sounds like panic.\"\ntokens: [doomed]\n")
    (root / "rubrics" / "sets" / "my-incident.yaml").write_text(
        "id: my-incident\ntrack: incident\nweights: {impact: 1.3}\n"
        "disable: [confidence.alarmst]\n")
    return root


def test_misspelt_ids_get_the_nearest_known_one(tmp_path):
    root = _folder(tmp_path)
    (root / "rubrics" / "confidence" / "plain.yaml").write_text(
        "extends: lexicon\nmessage: m\nlexicon: filers\n")
    out = validate(str(root)).stdout
    for words in (
        "start node 'openin' does not exist; did you mean 'opening'?",
        "node 'opening': branch 2 goes to 'cots', which does not exist; did you mean 'cost'?",
        "node 'opening', branch 2: talking point 'impcat' is not listed in any node; did you "
        "mean 'impact'?",
        "node 'opening', branch 3: variable 'presed' is not in 'vars'; did you mean 'pressed'?",
        "node 'opening', branch 3: variable 'pressd' is not in 'vars'; did you mean 'pressed'?",
        "node 'opening', branch 4: 'visits' names node 'opning', which does not exist; did you "
        "mean 'opening'?",
        "node 'opening', branch 5: 'ownership.blam' is neither a dimension nor a known rule id; "
        "did you mean 'ownership.blame'?",
        "disable: unknown rule id 'confidence.alarmst'; did you mean 'confidence.alarmist'?",
        "rule 'confidence.plain': unknown lexicon 'filers'; did you mean 'fillers'?",
    ):
        assert words in out, (words, out)


def test_a_file_that_fails_is_not_also_unknown_where_it_is_named(tmp_path):
    root = _folder(tmp_path, SCENARIO.replace("start: openin", "start: opening")
                   .replace("next: cots", "next: cost").replace("presed", "pressed")
                   .replace("pressd", "pressed").replace("opning", "opening")
                   .replace("ownership.blam}", "ownership.blame}")
                   .replace("{missing: impcat}", "{missing: impact}"))
    (root / "rubrics" / "sets" / "my-incident.yaml").write_text(
        "id: my-incident\ntrack: incident\nweights: {impact: 1.3}\n")
    assert validate(str(root)).returncode == 0
    # break each file the scenario names: a bad key, a bad regex, a tab
    (root / "personas" / "own-boss.yaml").write_text(PERSONA + "patiense: 90\n")
    (root / "rubrics" / "confidence" / "doom.yaml").write_text(
        "extends: existence\nmessage: m\ntokens: ['catastroph(\\w*', doomed]\n")
    (root / "rubrics" / "sets" / "my-incident.yaml").write_text(
        "id: my-incident\ntrack: incident\nweights:\n\timpact: 1.3\n")
    result = validate(str(root))
    assert result.returncode == 2
    out = result.stdout
    assert "unknown persona" not in out and "unknown rubric set" not in out, out
    assert "neither a dimension nor a known rule id" not in out, out
    assert "own-boss.yaml:6: unknown key 'patiense'; did you mean 'patience'?" in out
    scenario = str(root / "scenarios" / "mine.yaml")
    assert (f"{scenario}:5: persona 'own-boss' cannot be used: its file has problems "
            f"({root / 'personas' / 'own-boss.yaml'})") in out
    assert f"{scenario}:6: rubric set 'my-incident' cannot be used: its file has problems" in out
    assert (f"{scenario}:16: node 'opening', branch 1: rule 'confidence.doom' cannot be used: "
            f"its file has problems") in out
    # checked alone, the scenario still fails, and says why
    alone = validate(scenario)
    assert alone.returncode == 2
    assert "persona 'own-boss' cannot be used: its file has problems" in alone.stdout


def _docs_example() -> str:
    text = (ROOT / "docs" / "content-format.md").read_text()
    section = text.split("## A complete small scenario", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_docs_complete_small_scenario_passes_strict(tmp_path):
    folder = tmp_path / "my-content" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "late-invoices.yaml").write_text(_docs_example())
    result = validate("--strict", str(folder / "late-invoices.yaml"))
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("ok: 1 file(s), ") and "warning" not in result.stdout


def test_a_long_pattern_that_does_not_compile_is_quoted_around_the_error(tmp_path):
    rule = tmp_path / "rubrics" / "confidence" / "long.yaml"
    rule.parent.mkdir(parents=True)
    words = "|".join(f"word{i}" for i in range(200))
    rule.write_text("extends: pattern\nmessage: \"'%s' x\"\nweight: 5\n"
                    f"pattern: '\\b(?:{words}|(?:broken)'\n")
    result = validate(str(rule))
    assert result.returncode == 2, result.stdout
    [line] = [ln for ln in result.stdout.splitlines() if "long.yaml:" in ln]
    assert "does not compile: missing )" in line and len(line) < 400
    assert "(characters " in line


def test_a_folder_also_named_as_content_reports_each_problem_once(tmp_path):
    rules = tmp_path / "rubrics" / "solution"
    rules.mkdir(parents=True)
    # unquoted "(?: " reads as a YAML key: the file does not parse
    (rules / "x.yaml").write_text("extends: existence\nmessage: x\ntokens:\n  - (?: [a]+) b\n")
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "validate", tmp_path.name],
        capture_output=True, text=True, cwd=tmp_path.parent, timeout=60,
        env={**os.environ, "REHEARSE_CONTENT": str(tmp_path)})
    assert result.returncode == 2
    problems = [ln for ln in result.stdout.splitlines() if "x.yaml:4:" in ln]
    assert len(problems) == 1, result.stdout


def test_a_pattern_python_warns_about_is_a_problem_on_its_line_not_a_warning(tmp_path):
    rules = tmp_path / "rubrics" / "solution"
    rules.mkdir(parents=True)
    (rules / "x.yaml").write_text('extends: existence\nmessage: x\ntokens:\n  - "a[[b]c"\n')
    result = subprocess.run(
        [sys.executable, "-W", "default", "-m", "trainer", "validate", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert "x.yaml:4: tokens item 1: regular expression 'a[[b]c'" in result.stdout
    assert "put a backslash" in result.stdout and "Warning" not in result.stderr


def test_a_figure_with_a_comma_in_a_flow_list_is_explained(tmp_path):
    text = (ROOT / "scenarios" / "churn-model-drift.yaml").read_text(encoding="utf-8")
    text = text.replace("keywords: [revenue, renewals, risk, week, cost, loss]",
                        "keywords: [$50,000, 50,000, 5%]", 1)
    text = text.replace("id: churn-model-drift", "id: churn-comma", 1)
    bad = tmp_path / "scenarios" / "comma.yaml"
    bad.parent.mkdir()
    bad.write_text(text, encoding="utf-8")
    result = validate(str(bad))
    assert result.returncode == 2
    assert "a comma separates items, so a figure like 50,000 splits in two" in result.stdout
