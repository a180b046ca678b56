import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli() -> str:
    """The numcheck binary the package is compared with (NUMCHECK_BIN, else the release build)."""
    path = os.environ.get("NUMCHECK_BIN", str(ROOT / "target" / "release" / "numcheck"))
    if not pathlib.Path(path).exists():
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return path


@pytest.fixture(scope="session")
def article() -> str:
    return (ROOT / "tests" / "fixtures" / "is-resurgence.txt").read_text(encoding="utf-8")
