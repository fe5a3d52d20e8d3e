from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
STORYLINE = [sys.executable, "-m", "storyline"]


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip (with the reason) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (evaluation data lives in ../shared)")
    return path


def run_cli(*args: str, cwd: Path | None = None, input: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*STORYLINE, *args], cwd=cwd, input=input, capture_output=True, timeout=timeout)
