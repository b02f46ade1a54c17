"""The digest command on awkward input (issue 20): one line per problem, honest counts,
every page its own review file, nothing left behind by an interrupted run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_project

PAGE = (
    "{title}\n\n14 March 2024\n\n"
    "The negotiators met again on Tuesday in a hotel near the harbour, and both sides said "
    "that the next round would follow within a week.\n\n"
    "A spokesman said that the delegations had exchanged written proposals on the release "
    "of prisoners and on the reopening of the crossings.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def run(project: Path, *args: str) -> int:
    return main(["-f", str(project / "mkdocs.yml"), *args])


def test_pages_sharing_a_name_each_get_a_review_file(project: Path, capsys) -> None:
    raw = project / "content" / "raw"
    (raw / "same.txt").write_text(PAGE.format(title="Talks resume by the harbour"))
    (raw / "same.html").write_text(
        "<html><head><title>Crossings to reopen</title></head><body><article><h1>Crossings to"
        " reopen</h1><p>" + PAGE.format(title="").replace("\n\n", "</p><p>") + "</p></article>"
        "</body></html>"
    )
    (raw / "same.md").write_text(
        "---\ntitle: Prisoner lists exchanged\npublished: 2024-03-15\n---\n\n"
        + PAGE.format(title="").strip()
        + "\n"
    )
    assert run(project, "ingest") == 0
    articles = project / "content" / "articles"
    for name in ("same.txt", "same.html", "same.md"):
        text = (articles / f"{name}.md").read_text(encoding="utf-8")
        assert f"- {name}\n" in text, name  # its sources: list names its own page
    assert not (articles / "same.md").exists()
    out = capsys.readouterr().out
    assert "8 articles written" in out
    # Again: nothing to write, and the output says why.
    assert run(project, "ingest") == 0
    assert "0 articles written, 8 unchanged, 0 edited kept" in capsys.readouterr().out


def test_an_interrupted_ingest_leaves_nothing_the_next_run_keeps(project: Path) -> None:
    articles = project / "content" / "articles"
    articles.mkdir(parents=True)
    # What `kill -9` during a write leaves: this code's temporaries and older mkstemp ones.
    left = [".000_x.md.4242.139871.tmp", ".001_y.md.k3j_9xq2.tmp"]
    for name in left:
        (articles / name).write_text("half an artic")
    (articles / "notes.tmp").write_text("an editor's own file")
    assert run(project, "ingest") == 0
    assert sorted(p.name for p in articles.iterdir() if p.name.endswith(".tmp")) == ["notes.tmp"]


def test_explain_on_a_missing_binary_or_folder_is_one_line(
    project: Path, tmp_path: Path, capsys
) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    for path in (tmp_path / "no-such-page.txt", binary, tmp_path):
        assert run(project, "ingest", "--explain", str(path)) == 1, path
        captured = capsys.readouterr()
        assert captured.out == ""
        lines = captured.err.splitlines()
        assert len(lines) == 1 and str(path.name) in lines[0], lines
        assert "Traceback" not in captured.err


def test_check_counts_every_file_honestly(project: Path, capsys) -> None:
    raw = project / "content" / "raw"
    (raw / "_draft.txt").write_text(PAGE.format(title="A draft that is a page all the same"))
    (raw / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (raw / "README.md").write_text("Notes about where these pages came from.\n")
    (raw / "leak.txt").symlink_to(project.parent / "elsewhere.txt")
    (project.parent / "elsewhere.txt").write_text(PAGE.format(title="Not in the corpus"))
    assert run(project, "check") == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("info: .DS_Store: skipped:") for line in out)
    assert any(line.startswith("error: README.md:") for line in out)
    assert any(line.startswith("error: leak.txt:") and "outside" in line for line in out)
    assert out[-1] == "6 articles, 2 pages not read, 1 file skipped as no page, 2 errors."


def test_check_says_one_error_and_keeps_date_doubts_short(project: Path, capsys) -> None:
    (project / "content" / "raw" / "x.jpg").write_bytes(b"\xff\xd8\xff\x00" * 100)
    assert run(project, "check") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith(", 1 error.")
    assert all(len(line) < 250 for line in out), max(out, key=len)


def test_a_record_that_is_no_mapping_is_rebuilt(project: Path) -> None:
    articles = project / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / ".ingested.json").write_text("[1, 2]")
    assert run(project, "ingest") == 0
    assert isinstance(json.loads((articles / ".ingested.json").read_text()), dict)
