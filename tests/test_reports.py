"""rehearse report: Markdown, HTML and JSON; escaping; atomic writes; no silent overwrite."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser

import pytest
from store_helpers import turn

from trainer.cli import main
from trainer.reports import ReportExists, write_atomic
from trainer.reports.model import segments
from trainer.store import open_store
from trainer.store.review import add_note, add_override

XSS = "<script>alert(1)</script> & we own it"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "h.sqlite3"
    with open_store(path) as s:
        rid = s.start_rehearsal("<b>eve</b>", "churn-model-drift", scenario_title="Churn", seed=3)
        s.add_turn(rid, turn(0, XSS, brevity=40))
        s.add_turn(rid, turn(1, "I own it: churn rose 5%.", brevity=80))
        add_note(s, rid, 1, "Say <em>what</em> broke first", "coach")
        add_override(s, rid, 2, "brevity", 60, "Too curt for this CEO", "coach")
        s.end_rehearsal(rid, "finished", "good")
    return path


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.urls = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]

    def handle_data(self, data):
        self.text.append(data)


def _report(db, capsys, fmt):
    assert main(["report", "1", "--format", fmt, "--db", str(db)]) == 0
    return capsys.readouterr().out


def test_html_report_is_self_contained_and_shows_typed_markup_as_text(db, capsys):
    page = _report(db, capsys, "html")
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags and "em" not in parsed.tags
    assert parsed.urls == []  # no external stylesheet, script, font or image
    assert "<style>" in page and "Content-Security-Policy" in page
    text = "".join(parsed.text)
    assert "<script>alert(1)</script> & we own it" in text
    assert "Say <em>what</em> broke first" in text and "<b>eve</b>" in text


def test_html_highlights_findings_with_mark_by_kind(db, capsys):
    page = _report(db, capsys, "html")
    marks = re.findall(r'<mark class="([^"]+)"[^>]*>(.*?)</mark>', page)
    assert ("ownership credit", "&lt;script&gt;") in marks  # the span [0:8] of the first answer


def test_markdown_has_transcript_scores_checklist_notes_and_overrides(db, capsys):
    md = _report(db, capsys, "md")
    title = md.splitlines()[0]
    assert title.startswith("# ") and "churn" in title.lower()
    assert "- With: " in md and "- With: \n" not in md  # the scenario's persona
    assert "| brevity | 50 | 60 |" in md  # the coach's view beside the original
    assert "- [x] Leads with the bottom line" in md
    assert "\\<script>alert(1)\\</script> & we own it" in md and "&lt;" not in md
    assert "Coach override (coach): brevity 80 → 60: Too curt for this CEO" in md
    assert "**Coach note (coach):** Say \\<em>what\\</em> broke first" in md
    assert "### Turn 2" in md


def test_json_report_holds_turns_with_scores_notes_and_overrides(db, capsys):
    data = json.loads(_report(db, capsys, "json"))
    assert data["rehearsal"]["participant"] == "<b>eve</b>"
    assert [t["answer"] for t in data["turns"]][0] == XSS
    assert data["turns"][1]["overrides"][0]["original"] == 80
    assert data["turns"][0]["notes"][0]["author"] == "coach"
    assert data["dimensions"]["brevity"] == 50 and data["original_dimensions"]["brevity"] == 60


def test_exemplars_come_from_the_scenario_when_it_is_shipped(tmp_path, capsys):
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    scenario = load_content(content_roots()).scenarios["churn-model-drift"]
    node_id, node = next((k, n) for k, n in scenario.nodes.items() if n.exemplar)
    path = tmp_path / "h.sqlite3"
    with open_store(path) as s:
        rid = s.start_rehearsal("ann", "churn-model-drift")
        s.add_turn(rid, turn(0, "answer", node=node_id))
    assert main(["report", "last", "--format", "json", "--db", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["turns"][0]["exemplar"] == node.exemplar


def test_report_to_a_file_never_overwrites_without_force(db, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", "1", "-o", str(out), "--db", str(db)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")  # format from the suffix
    out.write_text("mine")
    assert main(["report", "1", "-o", str(out), "--db", str(db)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert out.read_text() == "mine"
    assert main(["report", "1", "-o", str(out), "--force", "--db", str(db)]) == 0
    assert "<!DOCTYPE html>" in out.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_session_is_a_message(db, capsys):
    assert main(["report", "42", "--db", str(db)]) == 2
    assert "no rehearsal 42" in capsys.readouterr().err


def test_a_failed_write_leaves_neither_a_partial_file_nor_a_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old report")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, "x" * 100_000, force=True)
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_write_atomic_refuses_a_name_taken_meanwhile(tmp_path):
    target = tmp_path / "r.md"
    write_atomic(target, "first")
    with pytest.raises(ReportExists):
        write_atomic(target, "second")
    assert target.read_text() == "first"


def test_segments_keep_every_character_and_ignore_bad_spans():
    answer = "we think it is probably fine"
    findings = [{"start": 3, "end": 8, "kind": "hedge"}, {"start": 5, "end": 12, "kind": "x"},
                {"start": 20, "end": 99, "kind": "bad"}, {"start": "1", "end": 2}]
    pieces = segments(answer, findings)
    assert "".join(p["text"] for p in pieces) == answer
    assert [p.get("kind") for p in pieces] == [None, "hedge", None]


@pytest.mark.parametrize("make, kind", [
    (lambda p: os.symlink(p.with_name("real.md"), p), "a symbolic link"),
    (lambda p: os.mkfifo(p), "a named pipe"),
    (lambda p: p.mkdir(), "a folder"),
])
def test_force_replaces_only_a_regular_file(db, tmp_path, capsys, make, kind):
    (tmp_path / "real.md").write_text("keep me")
    target = tmp_path / "out.md"
    make(target)
    assert main(["report", "1", "-o", str(target), "--force", "--db", str(db)]) == 2
    assert f"{target} is {kind}" in capsys.readouterr().err
    assert not target.is_file() or target.is_symlink()  # left as it was
    assert (tmp_path / "real.md").read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.md")] == []


def test_force_never_replaces_a_device(db, tmp_path, capsys):
    # A device node of our own (a null device), never a real /dev entry: run against
    # a build without the check, this test must not be able to damage the system.
    import stat

    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("making a device node needs root")
    assert main(["report", "1", "-o", str(device), "--force", "--db", str(db)]) == 2
    assert f"{device} is a device" in capsys.readouterr().err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_dash_writes_the_report_to_standard_output(db, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["report", "1", "-o", "-", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("# ")
    assert not (tmp_path / "-").exists()


NOTE = "Open with <b>say</b> the *number* & by when: [x](http://e) | `code` &amp; ~~no~~ \\o/"


@pytest.mark.parametrize("note", [
    NOTE,
    "# not a heading\n- not a list\n> not a quote\n1. not numbered\n---",
])
def test_markdown_carries_a_note_as_text_that_renders_as_written(tmp_path, capsys, note):
    from markdown_it import MarkdownIt

    path = tmp_path / "h.sqlite3"
    with open_store(path) as s:
        rid = s.start_rehearsal("ann", "churn-model-drift")
        s.add_turn(rid, turn(0))
        add_note(s, rid, 1, note, "coach")
    assert main(["report", "1", "--format", "md", "--db", str(path)]) == 0
    md = capsys.readouterr().out
    assert "&lt;" not in md and "&amp;amp;" not in md  # no HTML entities in the raw file
    [line] = [x for x in md.split("\n\n") if x.startswith("**Coach note")]
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(line)
    assert html.startswith("<p><strong>Coach note (coach):</strong> ")
    body = html.removeprefix("<p><strong>Coach note (coach):</strong> ").removesuffix("</p>\n")
    import html as html_mod

    assert "<" not in body.replace("\n", "")  # no tag: not bold, emphasis, link or code
    assert html_mod.unescape(body) == note


def test_a_report_file_gets_the_permissions_the_umask_gives_any_new_file(db, tmp_path, capsys):
    out = tmp_path / "r.md"
    assert main(["report", "1", "-o", str(out), "--db", str(db)]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # not the temporary file's 0600


def test_a_file_name_whose_format_is_unknown_is_refused(db, tmp_path, capsys):
    assert main(["report", "1", "-o", str(tmp_path / "r.pdf"), "--db", str(db)]) == 2
    assert "cannot tell a report format from '.pdf'" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()
    assert main(["report", "1", "-o", str(tmp_path / "r.pdf"), "--format", "md",
                 "--db", str(db)]) == 0


def test_a_finding_about_the_whole_answer_quotes_nothing(tmp_path, capsys):
    from trainer.engine.scoring import load_scorer

    path = tmp_path / "h.sqlite3"
    answer = "There is a problem with one of our systems and we are looking into it now."
    scored = load_scorer().score(answer).to_dict()
    assert any(not f["text"] for f in scored["findings"])  # e.g. "no number"
    with open_store(path) as s:
        rid = s.start_rehearsal("eve", "churn-model-drift", scenario_title="Churn", seed=1)
        s.add_turn(rid, {**turn(0, answer), "score": scored})
    for fmt in ("md", "html"):
        assert main(["report", "1", "--format", fmt, "--db", str(path)]) == 0
        assert "“”" not in capsys.readouterr().out
