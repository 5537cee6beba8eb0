"""Reliability tests: the hypothesis profile, and fixtures shared by the suites.

The profile (derandomized, no example database, no deadline) is registered in
``fuzzing.py`` so that benchmarks/faults.py can run the same checks at scale.
"""

from __future__ import annotations

import pytest

from tests.reliability.fuzzing import Workbench, register_profile

register_profile()


@pytest.fixture(scope="module")
def workbench(tmp_path_factory) -> Workbench:
    """A content folder beside the shipped one, rewritten for every generated document."""
    return Workbench(tmp_path_factory.mktemp("fuzz"))
