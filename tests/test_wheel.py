"""The package as a user installs it: a wheel, in a fresh virtual environment, away from the checkout.

The wheel is built from the checkout and installed with ``--no-deps`` into a new venv whose
dependencies come from the project's own ``.venv`` (a path entry after the venv's own
site-packages, so the wheel's ``pipeline`` is the one imported); the wheel's declared
requirements are checked against every third-party module the package imports.
"""

from __future__ import annotations

import ast
import csv
import email.parser
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, SEED

PACKAGE = REPO / "pipeline"
# import name -> distribution name, where they differ
DISTRIBUTION = {"PIL": "pillow", "cv2": "opencv-python-headless", "pdfminer": "pdfminer.six", "dask": "dask"}
OPTIONAL = {"dask"}  # the [dask] extra


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
                   check=True, capture_output=True, text=True)
    (found,) = out.glob("minutes-*.whl")
    return found


def _requirements(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        msg = email.parser.Parser().parsestr(zf.read(meta).decode())
    reqs = {}
    for req in msg.get_all("Requires-Dist") or []:
        name = re.match(r"[A-Za-z0-9_.-]+", req).group(0).lower().replace("_", "-")
        reqs[name] = req
    return reqs


def _third_party_imports() -> set[str]:
    stdlib = set(sys.stdlib_module_names)
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            found |= {n.split(".")[0] for n in names}
    return {n for n in found if n not in stdlib and n not in ("pipeline", "__future__")}


def test_every_import_is_a_declared_dependency(wheel: Path) -> None:
    reqs = _requirements(wheel)
    for module in sorted(_third_party_imports()):
        dist = DISTRIBUTION.get(module, module).lower()
        assert dist in reqs, f"pipeline imports {module} but the wheel does not require {dist}"
        if module in OPTIONAL:
            assert "extra ==" in reqs[dist], f"{dist} should be an optional extra"
        else:
            assert "extra ==" not in reqs[dist], f"{dist} is needed by every run, not only an extra"


def test_the_wheel_carries_the_spacy_pipeline(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    source = [p.relative_to(REPO / "models").as_posix() for p in (REPO / "models").rglob("*") if p.is_file()]
    assert source, "models/ holds no files"
    missing = [s for s in source if f"pipeline/model/{s}" not in names]
    assert not missing, f"the wheel lacks model files: {missing}"


def test_installed_wheel_extracts_the_seed(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # the dependencies (not the package) from the project's environment, after the venv's own
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, text=True)
    work = tmp_path / "elsewhere"  # not the checkout: its pipeline/ must not be importable
    work.mkdir()
    where = subprocess.run([str(py), "-c", "import pipeline; print(pipeline.__file__, pipeline.MODEL_PATH)"],
                           cwd=work, check=True, capture_output=True, text=True).stdout
    assert str(env_dir) in where.split()[0] and str(env_dir) in where.split()[1], where
    out = tmp_path / "out"
    proc = subprocess.run([str(env_dir / "bin" / "minutes"), "run", str(SEED), "--out", str(out)],
                          cwd=work, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    with (out / "decisions.csv").open(encoding="utf-8") as fh:
        decisions = list(csv.DictReader(fh))
    with (out / "actions.csv").open(encoding="utf-8") as fh:
        actions = list(csv.DictReader(fh))
    assert len(decisions) == 20
    assert [(a["action_id"], a["owner"], a["due_date"]) for a in actions] == [("CSC 15/01", "SECAS", "2020-06-30")]
    assert (out / "errors.csv").read_text(encoding="utf-8").strip().count("\n") == 0
