"""The MkDocs plugin, event by event: the pages it hands MkDocs, what it reports changed,
what it adds to each page and to Material's search index."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation

from generator.ingest import read_page
from generator.plugin.material_search import add_entries
from generator.render.search import SearchEntry
from tests.conftest import copy_project


@pytest.fixture
def config(tmp_path: Path):
    project = copy_project(tmp_path)
    config = load_config(str(project / "mkdocs.yml"))
    return config.plugins.on_config(config)


def generated(config, files: Files | None = None) -> list[File]:
    files = config.plugins.on_files(files or Files([]), config=config)
    return [f for f in files if f.generated_by == "digest"]


def served(config) -> list[File]:
    """The generated files of one `mkdocs serve --dirty` rebuild, marked (in ``on_nav``)."""
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(Files([]), config=config)
    config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    marked = [(f, f.is_modified()) for f in files if f.generated_by == "digest"]
    config.plugins["digest"].on_post_build(config=config)
    return [f for f, modified in marked if modified]


@pytest.fixture
def serving(config):
    """``config`` with its digest plugin started as ``mkdocs serve --dirty`` starts it; as
    for a build afterwards (MkDocs keeps the plugin for the process)."""
    config.plugins["digest"].on_startup(command="serve", dirty=True)
    yield config
    config.plugins["digest"].on_startup(command="build", dirty=False)


def test_under_dirty_serve_only_pages_that_changed_are_reported_modified(serving) -> None:
    config = serving
    first = served(config)
    assert len(first) == len(config.plugins["digest"].pages)
    again = {f.src_uri for f in served(config)}
    assert again == {"index.md"}  # Material indexes it: rendered every time
    generated = served
    raw = sorted((Path(config.docs_dir) / "raw").iterdir())[0]
    paragraph = max(read_page(raw.read_bytes(), raw.name).paragraphs, key=len)
    text = raw.read_text(encoding="utf-8")
    word = paragraph.split()[0]
    assert word in text
    raw.write_text(text.replace(word, word + " (edited)", 1), encoding="utf-8")
    third = generated(config)
    modified = {f.src_uri for f in third} - {"index.md"}
    assert modified and len(modified) < len(first) / 2
    assert any(uri.startswith("articles/") and uri != "articles/index.md" for uri in modified)


def test_under_dirty_serve_an_edited_theme_override_marks_every_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    theme = {"name": "material", "custom_dir": str(overrides)}
    config = load_config(str(project / "mkdocs.yml"), theme=theme)
    config = config.plugins.on_config(config)
    plugin = config.plugins["digest"]
    plugin.on_startup(command="serve", dirty=True)
    try:
        first = served(config)
        assert {f.src_uri for f in served(config)} == {"index.md"}
        (overrides / "main.html").write_text(
            '{% extends "base.html" %}\n{% block footer %}Overridden{% endblock %}\n',
            encoding="utf-8",
        )
        pages = {f.src_uri for f in first if f.is_documentation_page()}
        assert {f.src_uri for f in served(config)} == pages  # not the feeds, the stylesheet
    finally:
        plugin.on_startup(command="build", dirty=False)  # MkDocs keeps this plugin


def test_inputs_are_not_published_and_a_page_at_a_generated_path_is_refused(config) -> None:
    docs = Path(config.docs_dir)
    raw = sorted((docs / "raw").iterdir())[0]
    own = File(raw.relative_to(docs).as_posix(), str(docs), config.site_dir, True)
    uris = {f.src_uri for f in config.plugins.on_files(Files([own]), config=config)}
    assert own.src_uri not in uris and "actors/index.md" in uris
    (docs / "actors").mkdir()
    (docs / "actors" / "index.md").write_text("# Mine\n")
    clash = File("actors/index.md", str(docs), config.site_dir, True)
    with pytest.raises(PluginError, match="actors/index.md: a hand-written file"):
        config.plugins.on_files(Files([clash]), config=config)


def test_mkdocs_keeps_the_plugin_and_its_session_across_serve_rebuilds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    first = load_config(str(project / "mkdocs.yml"))
    again = load_config(str(project / "mkdocs.yml"))  # what `mkdocs serve` does per rebuild
    assert first.plugins["digest"] is again.plugins["digest"]


def test_every_page_announces_the_feeds_by_their_titles(config) -> None:
    plugin = config.plugins["digest"]
    generated(config)

    class Page:
        class file:
            src_uri = "actors/qatar.md"

    html = plugin.on_post_page("<html><head></head></html>", page=Page, config=config)
    titles = [plugin.pages[path].title for path in ("feeds/articles.xml", "feeds/actors/qatar.xml")]
    assert all(titles) and all(f'title="{title}"' in html for title in titles)
    assert html.count('type="application/atom+xml"') == 3
    assert 'href="../../feeds/events.xml"' in html


def test_lean_entries_join_the_index_material_wrote(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text(json.dumps({"config": {}, "docs": [{"location": "", "title": "Home"}]}))
    add_entries(tmp_path, [("actors/x/", SearchEntry("X <b>", "Text", "words", 4.0))])
    docs = json.loads(index.read_text())["docs"]
    assert docs[1] == {
        "location": "actors/x/",
        "title": "X &lt;b&gt;",
        "text": "Text",
        "body": "words",
        "boost": 4.0,
    }


def test_an_index_of_another_shape_is_left_alone_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text('{"entries": []}')
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        add_entries(tmp_path, [("a/", SearchEntry("A", "a"))])
    assert index.read_text() == '{"entries": []}'
    assert "not the search index this plugin knows" in caplog.text


def test_under_serve_a_broken_template_keeps_the_last_good_pages(
    config, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 20: a failed build left `mkdocs serve` answering nothing until it was fixed."""
    plugin = config.plugins["digest"]
    plugin.on_startup(command="serve", dirty=False)
    first = {f.src_uri: f.content_string for f in generated(config)}
    templates = Path(config.config_file_path).parent / "templates"
    (templates / "overview.md.j2").write_text("# Home\n\n{{ title\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.digest"):
        again = {f.src_uri: f.content_string for f in generated(config)}
    assert again == first
    assert "overview.md.j2:3:" in caplog.text and "last good pages" in caplog.text
    plugin.on_startup(command="build", dirty=False)  # a build publishes: it must fail
    with pytest.raises(PluginError, match="overview.md.j2:3:"):
        generated(config)
