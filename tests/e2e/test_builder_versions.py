"""The plugin names the builders it is tested with and stops, in one line, on another major."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import mkdocs
import pytest
from mkdocs.exceptions import PluginError

from generator.plugin import DigestPlugin
from generator.plugin.compat import UntestedBuilder, check_builder, require_tested_builder
from tests.conftest import copy_project


@pytest.mark.parametrize(
    ("name", "version"), [("mkdocs", "1.6.1"), ("mkdocs", "1.6.0"), ("properdocs", "1.6.7")]
)
def test_tested_series_pass_quietly(name: str, version: str) -> None:
    assert check_builder(name, version) is None


@pytest.mark.parametrize(
    ("name", "version", "shown"),
    [
        ("mkdocs", "2.0.0", "MkDocs 2.0.0"),
        ("mkdocs", "2.0.0a3", "MkDocs 2.0.0a3"),
        ("mkdocs", "0.17.5", "MkDocs 0.17.5"),
        ("properdocs", "2.1", "ProperDocs 2.1"),
        ("somefork", "1.6.1", "somefork 1.6.1"),
    ],
)
def test_untested_major_or_builder_is_refused_in_one_line(
    name: str, version: str, shown: str
) -> None:
    with pytest.raises(UntestedBuilder) as refused:
        check_builder(name, version)
    message = str(refused.value)
    assert "\n" not in message
    assert f"not {shown}:" in message and "MkDocs 1.6.x and ProperDocs 1.6.x" in message


def test_another_minor_release_only_warns(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(mkdocs, "__version__", "1.7.2")
    with caplog.at_level(logging.WARNING):
        require_tested_builder()
    assert "this is MkDocs 1.7.2" in caplog.text


def test_plugin_refuses_mkdocs_2_with_a_plugin_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mkdocs, "__version__", "2.0.0")
    with pytest.raises(PluginError, match=r"^The digest plugin is tested with .* not MkDocs 2\.0\.0"):
        DigestPlugin().on_config(None)  # refused before the configuration is read


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_build_under_a_major_version_2_stops_without_a_traceback(
    builder: str, tmp_path: Path
) -> None:
    if builder == "properdocs":
        pytest.importorskip("properdocs", reason='pip install -e ".[test]"')
    project = copy_project(tmp_path)
    # The builder's own command line, run as installed, with its version patched to 2.0.0.
    pretend = f"import {builder}; {builder}.__version__ = '2.0.0'; from {builder}.__main__ import cli; cli()"
    result = subprocess.run(
        [sys.executable, "-c", pretend, "build", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    name = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}[builder]
    [line] = [line for line in result.stderr.splitlines() if "digest plugin" in line]
    assert line.startswith("ERROR") and f"not {name} 2.0.0:" in line
    assert not (project / "site").exists()
