"""The helper that renders our pages through the theme (``generator.prebuild``): the same
site as MkDocs alone makes, page events run once each where they count, and errors
reported as in a build without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_project

pytestmark = pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the helper is forked"
)

# Runs `mkdocs` with the helpers on for any corpus, and the helper rendering every part
# of the theme's work (MkDocs waits for it to take each), so what is tested does not
# depend on which process gets there first.
ALL_BY_HELPER = """
import dataclasses, runpy, sys, time
import generator.plugin as plugin
from generator import parallel, prebuild

_options_from = plugin.options_from
plugin.options_from = lambda *a, **k: dataclasses.replace(
    _options_from(*a, **k), pool_threshold=1, workers=2
)
prebuild.PART = 2
_claim = parallel.SharedParts.claim

def claim(self, index):
    while self.helper is not None and self.helper.is_alive() and self.taken[index] == 0:
        time.sleep(0.001)
    return _claim(self, index)

parallel.SharedParts.claim = claim
sys.argv = ["mkdocs", *sys.argv[1:]]
runpy.run_module("mkdocs", run_name="__main__")
"""

HOOKS = '''
import logging

log = logging.getLogger("mkdocs.hooks.test")

def on_page_context(context, page, config, nav):
    if page.file.src_uri == "months/index.md" or page.file.src_uri.startswith("articles/q"):
        log.info("page context of %s", page.file.src_uri)
    return context

def on_post_page(output, page, config):
    if page.file.src_uri.startswith("articles/"):
        with open("post_page.log", "a", encoding="utf-8") as seen:
            seen.write(f"{page.file.src_uri} {page.meta.get('template')}\\n")
    return output
'''


def run_build(project: Path, helper: bool, *extra: str) -> subprocess.CompletedProcess[str]:
    command = ["-c", ALL_BY_HELPER] if helper else ["-m", "mkdocs"]
    return subprocess.run(
        [sys.executable, *command, "build", "-v", "-f", str(project / "mkdocs.yml"), *extra],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(project / "tmp")},
    )


def make_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    project = copy_project(dest)
    (project / "tmp").mkdir()
    (project / "hooks.py").write_text(HOOKS, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks.py\n")
    return project


def helper_count(stderr: str) -> int:
    lines = [line for line in stderr.splitlines() if "rendered" in line and "through the theme" in line]
    assert len(lines) == 1, stderr[-3000:]
    return int(lines[0].split("rendered")[1].split()[0])


def test_pages_the_helper_rendered_are_the_pages_mkdocs_renders(tmp_path: Path) -> None:
    serial, helped = make_project(tmp_path / "serial"), make_project(tmp_path / "helped")
    alone = run_build(serial, helper=False)
    assert alone.returncode == 0, alone.stderr[-3000:]
    assert "through the theme" not in alone.stderr  # a small corpus: no helper
    done = run_build(helped, helper=True)
    assert done.returncode == 0, done.stderr[-3000:]
    articles = sorted((helped / "site" / "articles").rglob("index.html"))
    assert helper_count(done.stderr) >= len(articles) > 0

    site = serial / "site"
    pages = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"]
    assert len(pages) > 30
    for page in pages:
        twin = helped / "site" / page.relative_to(site)
        assert page.read_bytes() == twin.read_bytes(), page
    # Page events ran once per page, in the build, and saw the page's own template setting.
    for output in (alone, done):
        seen = [line for line in output.stderr.splitlines() if "page context of" in line]
        assert len(seen) == len(set(seen)) >= 2, seen
    assert sorted(seen) == sorted(
        line for line in alone.stderr.splitlines() if "page context of" in line
    )
    log = (helped / "post_page.log").read_text(encoding="utf-8").splitlines()
    assert log == (serial / "post_page.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == len(articles) and all(line.endswith(" None") for line in log)
    assert list((helped / "tmp").iterdir()) == []  # the helper's folder is gone


def test_a_template_failing_in_the_helper_fails_the_build_as_without_it(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n'
        '{% block content %}{% if page.file.src_uri.startswith("articles/") %}'
        "{{ 1 // 0 }}{% endif %}{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    for helper in (False, True):
        done = run_build(project, helper=helper)
        assert done.returncode != 0
        assert "Error building page 'articles/" in done.stderr
        assert "ZeroDivisionError" in done.stderr
    assert list((project / "tmp").iterdir()) == []
