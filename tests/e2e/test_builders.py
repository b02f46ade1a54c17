"""The sample site on MkDocs' maintained successors (issue 22, docs/builders.md).

ProperDocs, a fork of MkDocs 1.6, runs our plugin unchanged and must give MkDocs' site
byte for byte but for the ``generator`` meta tag. Zensical runs no MkDocs plugins: it builds
what ``digest generate --for zensical`` writes, and must give a page for every actor, month
and article, with working links and a search index that finds them. Both builders come with
the test extras (``pip install -e ".[test]"``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project
from tests.sitecheck import broken_links

pytestmark = pytest.mark.slow

# A fixed build date, so that two builds' sitemaps agree whenever they run.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="([^"]*)">')


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *command], cwd=project, capture_output=True, text=True, env=ENV, timeout=600
    )


def built(project: Path, *command: str) -> None:
    result = run(project, *command)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"


def require(module: str) -> None:
    """The builders are test extras: missing, the suite fails rather than skips."""
    if importlib.util.find_spec(module) is None:
        pytest.fail(f'{module} is not installed: pip install -e ".[test]"')


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("builders"))


@pytest.fixture(scope="module")
def mkdocs_site(project: Path) -> Path:
    built(project, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site-mkdocs")
    return project / "site-mkdocs"


@pytest.fixture(scope="module")
def properdocs_site(project: Path) -> Path:
    require("properdocs")
    command = ("-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs")
    built(project, *command)
    return project / "site-properdocs"


@pytest.fixture(scope="module")
def zensical_site(project: Path) -> Path:
    if sys.version_info < (3, 11):
        pytest.skip("Zensical needs Python 3.11 or later")
    require("zensical")
    shutil.copy(ROOT / "zensical.yml", project / "zensical.yml")
    built(project, "-m", "generator.cli", "generate", "--for", "zensical")
    built(project, "-m", "zensical", "build", "--strict", "-f", "zensical.yml")
    return project / "site"


@pytest.fixture(scope="module")
def sample_pages(project: Path) -> list[str]:
    """Where the sample's actor, month and article pages must be, from its digest."""
    from generator.cli import load_options
    from generator.pipeline import build

    digest = build(load_options(str(project / "mkdocs.yml"))).digest
    pages = [f"actors/{a.id}/" for a in digest.actors_by_prominence()]
    pages += [f"months/{key}/" for key in digest.months]
    pages += [f"articles/{a.slug}/" for a in digest.articles]
    kinds = {page.split("/")[0] for page in pages}
    assert kinds == {"actors", "months", "articles"}, "the sample lacks a kind of page"
    return sorted(pages)


def test_properdocs_builds_mkdocs_site_but_for_the_generator_tag(
    mkdocs_site: Path, properdocs_site: Path
) -> None:
    ours, theirs = files_of(mkdocs_site), files_of(properdocs_site)
    assert sorted(theirs) == sorted(ours)
    assert "search/search_index.json" in ours and "actors/index.html" in ours
    differing = []
    for name, data in sorted(ours.items()):
        if name.endswith(".html"):
            assert len(GENERATOR_TAG.findall(data)) == len(GENERATOR_TAG.findall(theirs[name]))
            if GENERATOR_TAG.sub(b"", data) != GENERATOR_TAG.sub(b"", theirs[name]):
                differing.append(name)
        elif data != theirs[name]:
            differing.append(name)
    assert differing == []
    # The comparison saw two builders: the tags name them.
    [tag] = GENERATOR_TAG.findall(theirs["index.html"])
    assert b"ProperDocs" in tag and b"ProperDocs" not in GENERATOR_TAG.findall(ours["index.html"])[0]


def test_zensical_site_has_a_page_for_every_actor_month_and_article(
    zensical_site: Path, sample_pages: list[str]
) -> None:
    missing = [page for page in sample_pages if not (zensical_site / page / "index.html").is_file()]
    assert missing == []


def test_zensical_site_has_every_page_of_the_plugin_build(
    zensical_site: Path, mkdocs_site: Path
) -> None:
    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}

    assert pages(zensical_site) == pages(mkdocs_site)
    # Feeds are copied as they are: the same bytes, their links the same page URLs.
    feeds = sorted((mkdocs_site / "feeds").rglob("*.xml"))
    assert feeds
    for feed in feeds:
        assert (zensical_site / feed.relative_to(mkdocs_site)).read_bytes() == feed.read_bytes()


def test_zensical_site_links_all_resolve(zensical_site: Path, sample_pages: list[str]) -> None:
    assert broken_links(zensical_site) == []
    # Written as links to Markdown files, they came out as page URLs.
    actor = next(page for page in sample_pages if page.startswith("actors/"))
    html = (zensical_site / actor / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./articles/[^"/]+/"', html)


def test_zensical_search_index_finds_every_page(
    zensical_site: Path, sample_pages: list[str]
) -> None:
    items = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"]
    indexed = {item["location"].partition("#")[0] for item in items if item["text"] or item["title"]}
    assert [page for page in sample_pages if page not in indexed] == []
