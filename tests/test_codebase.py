"""House rules that can be checked: ruff clean, small modules."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff")
    assert ruff, "ruff is a dev dependency"
    result = subprocess.run([ruff, "check", str(REPO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_modules_stay_small() -> None:
    big = {
        str(p.relative_to(REPO)): n
        for p in (REPO / "kgreview").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert not big, big
