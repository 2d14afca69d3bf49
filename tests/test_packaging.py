"""Set-up files agree: pyproject vs environment.yml, README vs .ci/run, packages, layers."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
CONDA_TO_PYPI = {"python-isal": "isal", "matplotlib-base": "matplotlib", "pytorch-cpu": "torch"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement.strip(), maxsplit=1)[0].lower()


def _spec(requirement: str) -> str:
    return requirement.strip()[len(_name(requirement)):].replace(" ", "")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {CONDA_TO_PYPI.get(_name(d), _name(d)): _spec(d)
             for d in env["dependencies"] if isinstance(d, str) and _name(d) not in ("python", "pip")}
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"]
    wanted = {_name(d): _spec(d) for d in project["dependencies"] + extras["lab"] + extras["frameworks"]}
    assert conda == wanted
    assert any(d.startswith("python=3.") for d in env["dependencies"] if isinstance(d, str))


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    readme = (ROOT / "README.md").read_text()
    assert ci.startswith("python3 -m venv .venv") and "pytest" in ci
    assert f"\n{ci}\n" in readme


def test_ci_installs_the_pinned_cpu_torch_before_the_readme_command():
    """An unpinned torch would pull a several-GB CUDA build: .ci/run installs the pinned CPU
    build into the venv first, and the test extra's torch requirement is then already met."""
    lines = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    pin = next(i for i, line in enumerate(lines) if "torch==" in line and ".venv/bin/pip" in line)
    assert pin < len(lines) - 1 and ".venv/bin/pip install" in lines[pin]
    version = re.search(r"torch==([\d.]+)", lines[pin]).group(1)
    test_torch = next(d for d in PYPROJECT["project"]["optional-dependencies"]["test"]
                      if _name(d) == "torch")
    minimum = re.search(r">=([\d.]+)", test_torch).group(1)
    assert tuple(map(int, version.split("."))) >= tuple(map(int, minimum.split(".")))
    assert PYPROJECT["project"]["optional-dependencies"]["frameworks"] == [test_torch]
    assert all(_name(d) != "torch" for d in PYPROJECT["project"]["dependencies"])


def test_every_subpackage_is_listed_for_setuptools():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "lecture_lib").rglob("__init__.py")}
    assert found == listed




def test_ruff_passes():
    """The linter configured in pyproject.toml finds nothing (code, tests, benchmarks, notebooks)."""
    out = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:]
