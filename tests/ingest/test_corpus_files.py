"""Which files of the corpus are pages (issue 20): nothing outside the corpus folder is read,
and no page is dropped without a word."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.ingest.corpus import Problem, list_folder, load_file, read_corpus
from generator.ingest.review import default_name, review_names

PAGE = (
    "Harbour talks resume after a pause\n\n14 March 2024\n\n"
    "The negotiators met again on Tuesday in a hotel near the harbour, and both sides said "
    "that the next round would follow within a week ({n}).\n\n"
    "A spokesman said that the delegations had exchanged written proposals on the release "
    "of prisoners and on the reopening of the crossings ({n}).\n"
)
SECRET = "The secret ledger says that the vault code is 4711, and nobody else should read it.\n" * 5


def page(n: str) -> str:
    return PAGE.format(n=n)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "project" / "raw"
    raw.mkdir(parents=True)
    (tmp_path / "outside.txt").write_text(SECRET)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "story.txt").write_text(SECRET)
    return raw


def names(found: list[tuple[Path, str]]) -> list[str]:
    return [name for _, name in found]


def skipped(folder: Path) -> dict[str, Problem]:
    return {p.file: p for p in list_folder(folder).skipped}


@pytest.mark.parametrize(
    "name", ["_x.txt", ".x.txt", "README_x.txt", "readme-x.txt", "README.html.txt", "x~y.txt"]
)
def test_pages_with_odd_names_are_read(corpus: Path, name: str) -> None:
    (corpus / name).write_text(page(name))
    assert names(list_folder(corpus).pages) == [name]
    result = read_corpus(corpus)
    assert [a.source for a in result.articles] == [name]


@pytest.mark.parametrize(
    "name",
    [".DS_Store", "._page.txt", "Thumbs.db", "desktop.ini", ".page.txt.swp", "page.txt~",
     "#page.txt#", ".#page.txt", "page.html.part", "page.crdownload", ".page.md.123.456.tmp"],
)  # fmt: skip
def test_os_and_editor_litter_is_skipped_with_a_line_each(corpus: Path, name: str) -> None:
    (corpus / name).write_text(page(name))
    listing = list_folder(corpus)
    assert listing.pages == []
    assert [(p.file, p.severity) for p in listing.skipped] == [(name, "info")]
    assert "not a page" in listing.skipped[0].message


@pytest.mark.parametrize("name", ["README", "README.md", "readme.txt", "ReadMe.markdown"])
def test_a_readme_is_skipped_with_a_warning(corpus: Path, name: str) -> None:
    (corpus / name).write_text(page(name))
    problem = skipped(corpus)[name]
    assert problem.severity == "warning" and "rename" in problem.message


def test_version_control_folders_are_not_walked(corpus: Path) -> None:
    (corpus / ".git" / "objects").mkdir(parents=True)
    (corpus / ".git" / "objects" / "a.txt").write_text(page("git"))
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "b.txt").write_text(page("hidden folder"))
    listing = list_folder(corpus)
    assert names(listing.pages) == [".hidden/b.txt"]
    assert [p.file for p in listing.skipped] == [".git"]


def test_a_link_to_a_file_outside_is_refused(corpus: Path, tmp_path: Path) -> None:
    (corpus / "leak.txt").symlink_to(tmp_path / "outside.txt")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "dotdot.txt").symlink_to(Path("..") / ".." / ".." / "outside.txt")
    (corpus / "chain.txt").symlink_to(corpus / "sub" / "dotdot.txt")  # inside, then out
    (corpus / "etc.txt").symlink_to("/etc/passwd")
    (corpus / "good.txt").write_text(page("good"))
    found = skipped(corpus)
    for name in ("leak.txt", "sub/dotdot.txt", "chain.txt", "etc.txt"):
        assert "outside the corpus" in found[name].message, name
        assert found[name].severity == "warning"
    result = read_corpus(corpus)
    assert [a.source for a in result.articles] == ["good.txt"]
    assert "vault" not in " ".join(p.text for a in result.articles for p in a.blocks)


def test_a_link_inside_the_corpus_is_read_at_its_real_path(corpus: Path) -> None:
    (corpus / "real.txt").write_text(page("real"))
    (corpus / "alias.txt").symlink_to("real.txt")
    pages = dict((name, path) for path, name in list_folder(corpus).pages)
    assert pages["alias.txt"] == (corpus / "real.txt").resolve()


def test_links_to_folders_broken_links_and_loops_are_named(corpus: Path, tmp_path: Path) -> None:
    (corpus / "out").symlink_to(tmp_path / "outside", target_is_directory=True)
    (corpus / "self").symlink_to(corpus, target_is_directory=True)
    (corpus / "gone.txt").symlink_to(tmp_path / "nothing-here.txt")
    (corpus / "loop.txt").symlink_to("loop.txt")
    found = skipped(corpus)
    assert "not followed" in found["out"].message
    assert "not followed" in found["self"].message
    assert "link to nothing" in found["gone.txt"].message
    assert "link to nothing" in found["loop.txt"].message
    assert list_folder(corpus).pages == []


def test_a_corpus_folder_reached_through_a_link_is_read(tmp_path: Path) -> None:
    real = tmp_path / "data" / "raw"
    real.mkdir(parents=True)
    (real / "a.txt").write_text(page("a"))
    (real / "b.txt").symlink_to("a.txt")
    linked = tmp_path / "raw-link"
    linked.symlink_to(real, target_is_directory=True)
    listing = list_folder(linked)
    assert names(listing.pages) == ["a.txt", "b.txt"] and listing.skipped == []


def test_a_pipe_is_named_and_never_waited_on(corpus: Path) -> None:
    os.mkfifo(corpus / "pipe.txt")
    assert "not a regular file" in skipped(corpus)["pipe.txt"].message
    # Opened after listing (a file swapped for a pipe): refused, not read forever.
    found = load_file(corpus / "pipe.txt", "pipe.txt")
    assert isinstance(found, Problem) and "not a regular file" in found.message


def test_a_file_swapped_for_a_link_after_listing_is_not_followed(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "swap.txt").write_text(page("swap"))
    [(path, name)] = list_folder(corpus).pages
    path.unlink()
    path.symlink_to(tmp_path / "outside.txt")
    found = load_file(path, name)
    assert isinstance(found, Problem) and "cannot read" in found.message


def test_a_folder_is_not_read_as_a_page(tmp_path: Path) -> None:
    found = load_file(tmp_path, "folder")
    assert isinstance(found, Problem) and "folder" in found.message


# --- review file names ------------------------------------------------------------------


def test_pages_sharing_a_stem_get_a_review_file_each() -> None:
    pages = ["same.txt", "same.html", "same.md", "other.txt", "a/same.txt"]
    found = review_names(pages, {})
    assert found == {
        "same.txt": "same.txt.md",
        "same.html": "same.html.md",
        "same.md": "same.md.md",
        "other.txt": "other.md",
        "a/same.txt": "a/same.md",
    }
    assert review_names(list(reversed(pages)), {}) == found


def test_names_differing_in_case_only_do_not_share_a_file() -> None:
    found = review_names(["Talks.txt", "talks.html"], {})
    assert found == {"Talks.txt": "Talks.txt.md", "talks.html": "talks.html.md"}


def test_a_page_keeps_the_review_file_it_has() -> None:
    # same.txt was alone when first ingested; same.html arrived later.
    owners: dict[str, str | None] = {"same.md": "same.txt", "mine.md": None}
    found = review_names(["same.txt", "same.html", "mine.txt"], owners)
    assert found == {"same.txt": "same.md", "same.html": "same.html.md", "mine.txt": "mine.txt.md"}


def test_a_taken_name_is_never_reused() -> None:
    owners: dict[str, str | None] = {"x.md": None, "x.txt.md": None}
    assert review_names(["x.txt"], owners) == {"x.txt": "x.txt-2.md"}
    assert default_name("a/b.c.txt") == "a/b.c.md"


def test_a_raw_page_is_named_by_its_file_whatever_its_front_matter_claims(corpus: Path) -> None:
    (corpus / "claims.md").write_text(
        "---\ntitle: Harbour talks\nsource: somebody-else.txt\n---\n\n" + page("claims")
    )
    result = read_corpus(corpus)
    assert [a.source for a in result.articles] == ["claims.md"]
