"""The wheel a user installs: license, metadata, typing marker, data files; no bench code."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    tree = tmp_path_factory.mktemp("tree")  # a copy, so the build leaves nothing in the checkout
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, tree / name)
    shutil.copytree(ROOT / "verifier", tree / "verifier", ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(out), str(tree)],
        capture_output=True, text=True, timeout=300, cwd=tree,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (path,) = out.glob("verifier-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_has_license_and_metadata(wheel):
    names = wheel.namelist()
    meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
    meta = Parser().parsestr(wheel.read(meta_name).decode("utf-8"))
    assert meta["License-Expression"] == "MIT"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert meta["Author"]
    classifiers = meta.get_all("Classifier")
    assert "Typing :: Typed" in classifiers and "Natural Language :: Chinese (Traditional)" in classifiers


def test_wheel_ships_data_and_typing_marker_but_not_the_bench(wheel):
    names = set(wheel.namelist())
    assert "verifier/py.typed" in names
    for data in ("verifier/data/predicates.toml", "verifier/data/lang/zh.toml", "verifier/data/entities.toml"):
        assert data in names
    assert not [n for n in names if n.startswith("verifier/bench")]
    assert "verifier/api.py" in names
