"""The console script's basic contract: help, version, schema."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT
from trainer import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "trainer", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "list", "schema"):
        assert command in result.stdout


def test_version():
    result = run("--version")
    assert result.stdout.strip() == f"rehearse {__version__}"


def test_schema_is_json_schema_of_scenarios():
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Scenario"
    assert {"id", "track", "nodes", "start", "facts"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_unknown_command_is_a_usage_error():
    result = run("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
