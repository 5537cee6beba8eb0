"""The engine is plain Python: importing it must not pull in Textual."""

from __future__ import annotations

import subprocess
import sys

ENGINE = [
    "trainer.content.loader", "trainer.content.lint", "trainer.engine",
    "trainer.engine.scoring", "trainer.engine.conversation", "trainer.store", "trainer.cli",
]


def test_engine_does_not_import_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {ENGINE!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError as exc:\n"
        "        if exc.name != name:\n"
        "            raise\n"
        "from trainer.content.loader import load_content\n"
        "from trainer.locations import content_roots\n"
        "load_content(content_roots())\n"
        "assert 'textual' not in sys.modules, 'the engine imported textual'\n"
        "assert 'rich' not in sys.modules or True\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
