"""Export from the app: the same reports as ``rehearse report``, never over a file."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any


def export_report(widget: Any, rehearsal_id: int | None, fmt: str = "md",
                  folder: Path | None = None) -> Path | None:
    """Write the stored rehearsal's report in the current folder and say where.

    Uses the history store, so coach notes and overrides are in it too. The file
    name carries the date and time; a taken name gets a suffix, never overwritten.
    """
    from trainer.reports import ReportExists, build_report, render, write_atomic

    app = widget.app
    recorder = getattr(app, "store", None)
    if recorder is None or rehearsal_id is None:
        widget.notify("History is off in this run, so there is nothing to export.",
                      severity="warning")
        return None
    text = render(build_report(recorder.store, rehearsal_id, getattr(app, "content", None)), fmt)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = (folder or Path.cwd()) / f"rehearse-{rehearsal_id}-{stamp}"
    for n in range(100):
        path = base.with_name(f"{base.name}{f'-{n}' if n else ''}.{fmt}")
        try:
            write_atomic(path, text)
        except ReportExists:
            continue
        except OSError as exc:
            # the error names the hidden temporary file; the user needs the folder and why
            widget.notify(f"Could not write the report in {path.parent}: "
                          f"{exc.strerror or exc}", severity="error")
            return None
        widget.notify(f"Report written to {path}", title="Exported")
        return path
    widget.notify("Could not find a free file name for the report.", severity="error")
    return None
