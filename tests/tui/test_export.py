"""Export from the app: where the file goes, and what a failure says."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from trainer.tui import export


class _Widget:
    def __init__(self, app):
        self.app, self.said = app, []

    def notify(self, message, **kw):
        self.said.append(message)


def test_a_folder_that_cannot_be_written_is_named_not_the_hidden_temporary_file(
        tmp_path, monkeypatch):
    import trainer.reports as reports

    monkeypatch.setattr(reports, "build_report", lambda *a: {})
    monkeypatch.setattr(reports, "render", lambda *a: "report")

    def refuse(path, text):
        raise PermissionError(1, "Operation not permitted", str(path.parent / ".x.md.tmp"))

    monkeypatch.setattr(reports, "write_atomic", refuse)
    widget = _Widget(SimpleNamespace(store=SimpleNamespace(store=None), content=None))
    assert export.export_report(widget, 4, "md", folder=tmp_path) is None
    assert widget.said == [f"Could not write the report in {tmp_path}: Operation not permitted"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_goes_in_the_folder_given(tmp_path, monkeypatch, fmt):
    import trainer.reports as reports

    monkeypatch.setattr(reports, "build_report", lambda *a: {})
    monkeypatch.setattr(reports, "render", lambda *a: "report")
    widget = _Widget(SimpleNamespace(store=SimpleNamespace(store=None), content=None))
    path = export.export_report(widget, 4, fmt, folder=tmp_path)
    assert path is not None and path.parent == tmp_path and path.suffix == f".{fmt}"
    assert path.read_text() == "report"
