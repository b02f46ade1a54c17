"""The digest command as an editor uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_project

UNDATED_PAGE = """\
Menu | News | Contact
Qatar and Egypt renew their call for a truce in Gaza
Qatar and Egypt called on Israel and Hamas to return to the negotiating table, officials in Doha said, \
urging both sides to accept a ceasefire proposal that mediators have worked on for weeks.
Egyptian officials said they remained in close contact with Qatari mediators and with the United States.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def run(project: Path, *args: str) -> int:
    return main(["-f", str(project / "mkdocs.yml"), *args])


def test_ingest_writes_reviewable_articles_and_keeps_edited_ones(project: Path, capsys) -> None:
    assert run(project, "ingest") == 0
    articles = sorted((project / "content/articles").glob("*.md"))
    raw = sorted((project / "content/raw").iterdir())
    assert [a.stem for a in articles] == [r.stem for r in raw]
    first = articles[0]
    assert first.read_text(encoding="utf-8").startswith("---\n")

    edited = first.read_text(encoding="utf-8").replace("\n\n", "\n\nEDITOR NOTE.\n\n", 1)
    first.write_text(edited, encoding="utf-8")
    untouched = articles[1]
    untouched_before = untouched.read_text(encoding="utf-8")
    # Both raw pages change a body sentence: only the file the editor did not touch follows.
    for page, (old, new) in zip(
        raw[:2],
        [
            ("Qatar has summoned", "Qatar has quietly summoned"),
            ("The announcement was welcomed", "The announcement was warmly welcomed"),
        ],
        strict=True,
    ):
        text = page.read_text(encoding="utf-8")
        assert old in text
        page.write_text(text.replace(old, new), encoding="utf-8")
    assert run(project, "ingest") == 0
    assert first.read_text(encoding="utf-8") == edited
    assert "1 edited kept" in capsys.readouterr().out
    assert "warmly welcomed" in untouched.read_text(encoding="utf-8")
    assert "warmly" not in untouched_before
    assert not list((project / "content/articles").glob(".*.tmp"))


@pytest.mark.slow
def test_an_article_file_wins_over_its_raw_page(project: Path) -> None:
    from tests.conftest import build_site
    from tests.sitecheck import content, page

    assert run(project, "ingest") == 0
    article = sorted((project / "content/articles").glob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    article.write_text(text.replace(title_line, "title: Edited by an editor"), encoding="utf-8")
    site = build_site(project)
    assert (site / "articles/edited-by-an-editor/index.html").is_file()
    assert "Edited by an editor" in content(page(site, "articles/edited-by-an-editor/")).get_text()
    assert len([p for p in (site / "articles").iterdir() if p.is_dir()]) == 5


def test_explain_labels_every_line(project: Path, capsys) -> None:
    page = sorted((project / "content/raw").iterdir())[0]
    assert run(project, "ingest", "--explain", str(page)) == 0
    out = capsys.readouterr().out.splitlines()
    verdicts = {line.split()[1] for line in out if line.strip()}
    assert {"kept", "dropped"} <= verdicts


def test_check_lists_undated_pages_and_fails_on_unreadable_ones(project: Path, capsys) -> None:
    (project / "content/raw/zz_undated.txt").write_text(UNDATED_PAGE, encoding="utf-8")
    assert run(project, "check") == 0
    assert "zz_undated.txt: undated" in capsys.readouterr().out
    (project / "content/raw/photo.jpg").write_bytes(
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8
    )
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    assert "photo.jpg" in out


def test_generate_is_idempotent(project: Path) -> None:
    out = project / "generated"
    assert run(project, "generate", "--out", str(out)) == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    assert (out / "actors/qatar.md").is_file() and (out / "index.md").is_file()
    assert run(project, "generate", "--out", str(out)) == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.md")} == stamps


def test_suggest_starts_a_new_storys_registry_when_it_has_none(project: Path, capsys) -> None:
    registry = project / "content/actors.yml"
    registry.unlink()
    assert run(project, "actors", "suggest", "--limit", "5") == 0
    assert "- id: qatar" in capsys.readouterr().out
    assert not registry.exists()  # only --write creates it
    assert run(project, "actors", "suggest", "--limit", "5", "--write") == 0
    assert "qatar" in registry.read_text(encoding="utf-8")


def test_serve_runs_mkdocs_serve_dirty_with_the_projects_configuration(
    project: Path, monkeypatch
) -> None:
    from mkdocs.__main__ import cli

    calls: list[list[str]] = []
    monkeypatch.setattr(cli, "main", lambda args, standalone_mode: calls.append(args))
    config = str(project / "mkdocs.yml")
    assert run(project, "serve", "-a", "127.0.0.1:8001") == 0
    assert main(["serve", "-f", config]) == 0  # its -f after the command, as MkDocs takes it
    assert run(project, "serve", "--clean") == 0  # every page rendered, as MkDocs does
    assert calls == [
        ["serve", "-f", config, "-a", "127.0.0.1:8001", "--dirty"],
        ["serve", "-f", config, "--dirty"],
        ["serve", "-f", config, "--clean"],
    ]
    with pytest.raises(SystemExit, match="does not exist"):
        main(["serve", "-f", str(project / "missing.yml")])
