"""Render selection (``render/selection.py``, ``render/views.py``): under a session with a
memo, as ``mkdocs serve`` runs the pipeline, a rebuild renders again only the pages whose
views changed, and its pages equal a full render of the same inputs."""

from __future__ import annotations

from pathlib import Path

from generator.ingest import read_page
from generator.pipeline import build
from generator.render import BUILTIN_TEMPLATES
from generator.render.selection import RenderMemo
from generator.session import Session
from tests.conftest import copy_project, project_options


def pages_of(result) -> list[tuple]:
    return [(p.path, p.content, p.fragments, p.search, p.title) for p in result.pages]


def test_selected_renders_equal_full_renders_and_render_little_after_an_article_edit(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    options = project_options(project)
    session = Session(memo=RenderMemo())
    first = build(options, session)
    assert set(first.work.made) == {p.path for p in first.pages}

    raw = sorted((project / "content" / "raw").iterdir())[0]
    paragraph = max(read_page(raw.read_bytes(), raw.name).paragraphs, key=len)
    word = max(paragraph.split(), key=len)
    text = raw.read_text(encoding="utf-8")
    raw.write_text(text.replace(word, word + " selection-marker", 1), encoding="utf-8")
    month = (BUILTIN_TEMPLATES / "month.md.j2").read_text(encoding="utf-8")
    override = project / "templates" / "month.md.j2"
    intro = project / "content" / "index.md"
    changes = [
        ("an article edited", lambda: None),
        (
            "the month template overridden",
            lambda: override.write_text(month + "\nSelection-template-marker\n", encoding="utf-8"),
        ),
        (
            "the introduction changed",
            lambda: intro.write_text("Selection-intro-marker.\n", encoding="utf-8"),
        ),
    ]
    for step, (name, change) in enumerate(changes):
        change()
        selected = build(options, session)
        # The same inputs rendered whole, with a cache of their own.
        full = build(project_options(project, cache_dir=tmp_path / f"full-{step}"))
        assert pages_of(selected) == pages_of(full), name
        made = set(selected.work.made)
        if name == "an article edited":
            assert made and len(made) < len(full.pages) / 2
            assert any(p.startswith("articles/") for p in made)
        if name == "the month template overridden":
            # The indexes list the whole site and are made every time (so are the
            # stylesheet and timeline.json); of the other pages, the month pages alone.
            terms = {p for p in made if p.endswith(".md") and not p.endswith("index.md")}
            assert terms and all(p.startswith("months/") for p in terms), sorted(terms)
