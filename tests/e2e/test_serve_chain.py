"""A site reached through a chain of ``mkdocs serve --dirty`` rebuilds (``digest serve``)
equals, file for file and byte for byte, a clean ``mkdocs build`` of the same inputs: at
every step of the chain, not only at its end (a later change that renders every page
again would hide an earlier step's stale page).

The clean build runs on a copy of the inputs with no cache of its own, so that nothing
the serving process wrote (its render cache) can make the two agree. Both run with the
same ``SOURCE_DATE_EPOCH``: the build date is the one thing MkDocs stamps on a site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.ingest import read_page
from generator.render import BUILTIN_TEMPLATES
from tests.conftest import ROOT, copy_project

DRIVER = Path(__file__).with_name("serve_driver.py")
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "SOURCE_DATE_EPOCH": "1767225600",
    "PYTHONPATH": str(ROOT),
}

NEW_ARTICLE = """Chain-marker: mediators meet again in Doha
Published: 14 March 2025

Qatar and Egypt hosted envoys of Israel and Hamas in Doha on March 12, 2025, to talk
about the release of the remaining hostages, a diplomat said.

Officials from the United States joined the talks on March 13, 2025, the diplomat added.
"""


class ServedSite:
    """A serving process that rebuilds on request, into ``site``."""

    def __init__(self, project: Path, site: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(project / "mkdocs.yml"), str(site)],
            cwd=project,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=ENV,
        )

    def rebuild(self) -> str:
        """One rebuild; its answer (``built`` or ``failed: ...``)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("rebuild\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        assert answer, "the serving process stopped"
        return answer

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def clean_build(project: Path, dest: Path) -> Path:
    """A clean ``mkdocs build`` of a copy of the project's inputs (no cache)."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copy(project / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(project / "content", dest / "content")
    if (project / "templates").exists():
        shutil.copytree(project / "templates", dest / "templates")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(dest / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=600,
    )
    assert result.returncode == 0, f"clean build failed:\n{result.stdout}\n{result.stderr}"
    return dest / "site"


def differences(served: Path, clean: Path) -> list[str]:
    """Paths that only one site has, or whose bytes differ."""
    def files(root: Path) -> dict[str, Path]:
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}

    ours, theirs = files(served), files(clean)
    out = [f"only served: {p}" for p in sorted(ours.keys() - theirs.keys())]
    out += [f"only clean: {p}" for p in sorted(theirs.keys() - ours.keys())]
    out += [
        f"differs: {p}"
        for p in sorted(ours.keys() & theirs.keys())
        if ours[p].read_bytes() != theirs[p].read_bytes()
    ]
    return out


def edit_an_article(raw: Path) -> None:
    """A word of one article's longest paragraph changed."""
    paragraph = max(read_page(raw.read_bytes(), raw.name).paragraphs, key=len)
    word = max(paragraph.split(), key=len)
    text = raw.read_text(encoding="utf-8")
    assert word in text
    raw.write_text(text.replace(word, "chain-edited " + word, 1), encoding="utf-8")


def edit_the_registry(registry: Path) -> None:
    """An actor's description changed, and an alias that the new article writes."""
    text = registry.read_text(encoding="utf-8")
    qatar = text.index("id: qatar")
    start = text.index("description:", qatar)
    end = text.index("\n", start)
    text = text[:start] + "description: Chain-registry-marker." + text[end:]
    registry.write_text(text, encoding="utf-8")


@pytest.fixture
def chain(tmp_path: Path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    served = ServedSite(project, tmp_path / "served-site")
    try:
        yield project, served, tmp_path
    finally:
        served.stop()


def test_a_chain_of_serve_rebuilds_equals_a_clean_build_at_every_step(chain) -> None:
    project, served, tmp_path = chain
    raw = project / "content" / "raw"
    override = project / "templates" / "actor.md.j2"
    builtin_actor = (BUILTIN_TEMPLATES / "actor.md.j2").read_text(encoding="utf-8")
    first, second = sorted(p for p in raw.iterdir() if p.is_file())[:2]

    steps = [
        ("first build", lambda: None),
        ("an article added", lambda: (raw / "zzz_chain.txt").write_text(NEW_ARTICLE, encoding="utf-8")),
        ("an article edited", lambda: edit_an_article(first)),
        ("an article deleted", lambda: second.unlink()),
        ("the actor template overridden", lambda: override.write_text(
            builtin_actor + "\nChain-template-marker\n", encoding="utf-8")),
        ("the registry changed", lambda: edit_the_registry(project / "content" / "actors.yml")),
        ("the introduction changed", lambda: (project / "content" / "index.md").write_text(
            "Chain-intro-marker: what this site is.\n", encoding="utf-8")),
        ("the override removed", lambda: override.unlink()),
        ("the templates folder removed and made again", lambda: (
            shutil.rmtree(project / "templates"),
            (project / "templates").mkdir(),
            override.write_text(builtin_actor.replace("\n", "\n\n", 1), encoding="utf-8"),
        )),
    ]
    for step, (name, change) in enumerate(steps):
        change()
        assert served.rebuild() == "built", name
        site = clean_build(project, tmp_path / f"clean-{step}")
        found = differences(tmp_path / "served-site", site)
        assert not found, f"after {name}: " + ", ".join(found[:20])


def test_while_a_template_is_broken_the_last_good_site_stays_then_the_fix_shows_all(
    chain,
) -> None:
    """A template with a syntax error: the rebuild keeps the last good site (issue 20), an
    article edited meanwhile waits; once the template is fixed, the site is a clean
    build's, the article edited while it was broken included."""
    project, served, tmp_path = chain
    override = project / "templates" / "actor.md.j2"
    builtin_actor = (BUILTIN_TEMPLATES / "actor.md.j2").read_text(encoding="utf-8")
    assert served.rebuild() == "built"
    before = clean_build(project, tmp_path / "clean-before")
    override.write_text("# {{ actor.name\n", encoding="utf-8")
    assert served.rebuild() == "built"
    edit_an_article(sorted((project / "content" / "raw").iterdir())[0])
    assert served.rebuild() == "built"
    found = differences(tmp_path / "served-site", before)
    assert not found, "while broken: " + ", ".join(found[:20])
    override.write_text(builtin_actor + "\nFixed-marker\n", encoding="utf-8")
    assert served.rebuild() == "built"
    found = differences(tmp_path / "served-site", clean_build(project, tmp_path / "clean"))
    assert not found, "once fixed: " + ", ".join(found[:20])
