"""Shared fixtures: a copy of the project to build, and the built sample site."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import Options

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """End-to-end tests (whole builds, a server, a browser) are ``slow``: plain ``pytest``
    runs them, ``pytest -m "not slow"`` leaves them out while working on one stage."""
    e2e = Path(__file__).parent / "e2e"
    for item in items:
        if item.path.is_relative_to(e2e):
            item.add_marker(pytest.mark.slow)


def benchmark_module(name: str):
    """A script of ``benchmarks/`` (``gen_corpus``, ...) imported once, as a module."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def project_options(root: Path, **changes) -> Options:
    """The pipeline's options for a project laid out as the sample is (``content/raw``,
    ``content/articles``, ``content/actors.yml``, ``templates``), serial by default."""
    base = Options(
        corpus=root / "content" / "raw",
        articles=root / "content" / "articles",
        registry=root / "content" / "actors.yml",
        templates=root / "templates",
        intro=root / "content" / "index.md",
        cache_dir=root / ".cache",
        workers=1,
    )
    return dataclasses.replace(base, **changes)


def copy_project(dest: Path, full_text: bool = False) -> Path:
    """A buildable copy of the project (config, content, templates) in ``dest``;
    ``full_text``: its article pages reproduce the whole text (the plugin option)."""
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if full_text:
        config = dest / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  - digest:\n" in text
        text = text.replace("  - digest:\n", "  - digest:\n      full_text: true\n", 1)
        config.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "content", dest / "content", ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(ROOT / "templates", dest / "templates")
    return dest


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def build_site(project: Path, *extra: str) -> Path:
    result = mkdocs_build(project, *extra)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def sample_site(sample_project: Path) -> Path:
    return build_site(sample_project)
