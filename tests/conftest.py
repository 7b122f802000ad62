import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def pipeline():
    from polemos.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def polemos_cmd():
    """The polemos CLI as a subprocess argument list (the installed entry point's module)."""
    return [sys.executable, "-m", "polemos"]


def shared(path: str) -> Path:
    """A path in ../shared/data, or skip the test when that data is not beside the project."""
    p = SHARED / path
    if not p.exists():
        pytest.skip(f"{p} not present (evaluation data lives beside the project)")
    return p
