"""Reports of a stored rehearsal: Markdown, self-contained HTML and JSON, written atomically."""

from trainer.reports.files import NotARegularFile, ReportExists, check_target, write_atomic
from trainer.reports.model import build_report

__all__ = ["NotARegularFile", "ReportExists", "build_report", "check_target", "render",
           "write_atomic"]

FORMATS = ("md", "html", "json")


def render(report: dict, fmt: str) -> str:
    """The report as text in ``fmt`` (md, html or json)."""
    if fmt == "md":
        from trainer.reports.markdown import to_markdown

        return to_markdown(report)
    if fmt == "html":
        from trainer.reports.html import to_html

        return to_html(report)
    if fmt == "json":
        from trainer.reports.jsonexport import to_json

        return to_json(report)
    raise ValueError(f"unknown report format {fmt!r}; one of {', '.join(FORMATS)}")
