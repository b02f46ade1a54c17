"""`digest timeline` as an editor runs it, on a small corpus of Markdown articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main

CONFIG = """\
site_name: Holt
docs_dir: docs
plugins:
  - digest:
      title: The Holt dam
      corpus: raw
      articles: articles
      registry: actors.yml
      intro: docs/index.md
"""

ARTICLES = {
    "a1.md": ("2021-03-02", "Valley Press", [
        "The dam above Holt burst on March 1, flooding the lower town and forcing hundreds from their homes.",
        "Rescue crews from three counties worked through the night to reach stranded families.",
    ]),
    "b1.md": ("2021-03-02", "River Desk", [
        "Floodwater poured into the lower town of Holt on Monday after the dam burst.",
        "Hundreds of people spent the night in the school hall.",
    ]),
    "b2.md": ("2021-03-21", "River Desk", [
        "The inquiry into the dam collapse opened on March 20 with testimony from the chief engineer.",
        "She told the inquiry that warnings about cracks had gone unanswered for a year.",
    ]),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, (published, outlet, paragraphs) in ARTICLES.items():
        front = f'---\ntitle: "Dam report {name[:2]}"\npublished: {published}\noutlet: {outlet}\n---\n\n'
        (raw / name).write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str) -> int:
    return main(["-f", str(project / "mkdocs.yml"), "timeline", *args])


def test_json_lists_key_dates_most_important_first(project: Path, capsys) -> None:
    assert run(project, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "The Holt dam"
    assert data["span"] == {"from": "2021-03-02", "to": "2021-03-21"}
    dates = [d["date"] for d in data["dates"]]
    assert dates[0] == "2021-03-01"
    assert "2021-03-20" in dates
    assert [d["rank"] for d in data["dates"]] == list(range(1, len(dates) + 1))
    first = data["dates"][0]
    assert {s["outlet"] for s in first["sources"]} == {"Valley Press", "River Desk"}
    assert all(s["page"].startswith("articles/") for s in first["sources"])
    assert all(s["published"] for s in first["sources"])


def test_k_and_between(project: Path, capsys) -> None:
    assert run(project, "--json", "--k", "1") == 0
    assert [d["date"] for d in json.loads(capsys.readouterr().out)["dates"]] == ["2021-03-01"]
    assert run(project, "--json", "--between", "2021-03-10", "2021-03") == 0
    later = [d["date"] for d in json.loads(capsys.readouterr().out)["dates"]]
    assert later[0] == "2021-03-20"  # reported by an article, beside the day of one article
    assert set(later) <= {"2021-03-20", "2021-03-21"}


def test_plain_output_reads_as_a_list(project: Path, capsys) -> None:
    assert run(project, "--k", "2") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "The Holt dam: 2021-03-02 to 2021-03-21"
    assert out[1].startswith("   1. 2021-03-01  ")
    assert "(2 sources)" in out[1]


def test_plain_output_carries_no_terminal_escapes() -> None:
    """Ingest drops control characters already; the command does not rely on it."""
    from generator.cli import _line

    assert _line("Floodwater \x1b[2J\x07poured\ninto Holt") == "Floodwater [2J poured into Holt"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--between", "2021-13-01", "2021-12-31"], "not a date"),
        (["--between", "2021-04-01", "2021-03-01"], "FROM after TO"),
        (["--k", "0"], "--k must be at least 1"),
    ],
)
def test_bad_arguments_get_a_one_line_error(project: Path, capsys, args, message) -> None:
    with pytest.raises(SystemExit) as stop:
        run(project, *args)
    said = f"{stop.value.code}\n{capsys.readouterr().err}"
    assert message in said
