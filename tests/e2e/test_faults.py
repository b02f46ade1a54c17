"""The fault check of issue 20, end to end: one bad file never stops the build, nothing from
outside the corpus is published, no page vanishes silently, and the build's own state
survives failures and overlapping builds.

Each check runs the real commands (`mkdocs build`, `digest ...`) in subprocesses on a copy of
the sample project. Timeouts only guard the test run (the issue's limit for the whole fault
corpus is 3 minutes; it builds in seconds).
"""

from __future__ import annotations

import collections
import json
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
SECRET = "vault-ledger-outside-the-project"
PROSE = (
    "The negotiators met again on Tuesday in a hotel near the harbour, and both sides said "
    "that the next round of talks on the crossings would follow within a week ({n}).\n\n"
    "A spokesman said that the delegations had exchanged written proposals on the release "
    "of prisoners and on the reopening of the border crossings ({n}).\n"
)
# Distinct stories (no sentence shared), so that no two pages are merged as one article.
SENTENCES = [
    "Fishing fleets from both ports were told on Monday that the quota dispute would go to a panel.",
    "The panel, three retired judges, promised a ruling on the northern fishing grounds by June.",
    "Grain convoys waited for a second day at the mountain pass while customs officers argued.",
    "A regional governor drove up to the pass and ordered the barrier lifted before nightfall.",
    "Engineers inspecting the flood barriers found cracked concrete along two kilometres of wall.",
    "The city council voted to close the riverside promenade until the repairs are finished.",
    "Museum curators signed an agreement to lend forty paintings for an exhibition next spring.",
    "Insurers demanded that the paintings travel by road, escorted, rather than by air.",
    "Rail freight resumed across the border after the signalling software was finally replaced.",
    "Hauliers complained that the new timetable gives them only two night slots a week.",
    "Tea auctions in the old exchange building closed early when the power failed twice.",
    "Brokers blamed the outage on a substation that was struck by lightning last autumn.",
    "Radio licences for the coastal stations were renewed for five years without a hearing.",
    "Critics noted that one station had broadcast nothing but weather reports since March.",
    "School exchanges between the two provinces will double next year, the ministry announced.",
    "Parents asked whether the visiting pupils would be housed with families or in hostels.",
    "Mining permits for the eastern hills were suspended after protests by shepherds.",
    "The company said it would appeal and called the protests a misunderstanding.",
    "Airport slots at the capital were reallocated, and two budget carriers lost their mornings.",
    "One carrier threatened to move its base to a smaller airfield forty kilometres away.",
    "Cable repairs in the strait took longer than planned because of strong currents.",
    "Internet traffic was routed through a slower overland link for most of the week.",
    "The harbour master said the ferry schedule would return to normal on the first of the month.",
    "Ferry passengers were offered refunds or a free crossing later in the season.",
]


def story(n: int) -> str:
    return f"{SENTENCES[2 * n]}\n\n{SENTENCES[2 * n + 1]}\n"


LOG_LINE = re.compile(r"^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-  ")


def laughs(levels: int = 9, fan: int = 10) -> list[str]:
    lines = ["l0: &l0 [" + ", ".join(["ha"] * fan) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * fan) + "]" for i in range(1, levels)]
    return lines


def front(meta: str, n: int) -> str:
    return f"---\n{meta}\n---\n\n{story(n)}"


def write_fault_corpus(project: Path) -> dict[str, str]:
    """The pages of the check; returns page name -> what must become of it
    ("built": an article page; "warned": a warning line names it)."""
    raw = project / "content" / "raw"
    outside = project.parent / "outside"
    outside.mkdir()
    (outside / "ledger.txt").write_text(
        f"The ledger of the vault\n\n{PROSE.format(n=SECRET)}", encoding="utf-8"
    )
    pages = {
        "deep_flow.md": (front("title: " + "[" * 5000 + "]" * 5000, 0), "warned"),
        "deep_block.md": (
            front("".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "x", 1),
            "warned",
        ),
        "laughs.md": (front("\n".join([*laughs(), "captions: *l8"]), 2), "warned"),
        "small_aliases.md": (
            front("t: &t Talks by the harbour resume\ntitle: *t", 3),
            "built",
        ),
        "emoji.md": (
            front('title: "Crossings \\uD83D\\uDD25 reopen \\ud83c\\udf0d"', 4),
            "built",
        ),
        "_underscore.txt": (f"Harbour talks, first draft\n\n{story(5)}", "built"),
        "README_second.txt": (f"Harbour talks, second day\n\n{story(6)}", "built"),
        "readme-third.txt": (f"Harbour talks, third day\n\n{story(7)}", "built"),
        ".hidden_page.txt": (f"Harbour talks, fourth day\n\n{story(8)}", "built"),
        "README.txt": (f"Harbour talks, fifth day\n\n{story(9)}", "warned"),
    }
    for name, (text, _) in pages.items():
        (raw / name).write_text(text, encoding="utf-8")
    (raw / "ledger.txt").symlink_to(outside / "ledger.txt")
    (raw / "up.txt").symlink_to(Path("..") / ".." / ".." / "outside" / "ledger.txt")
    (raw / "outside_folder").symlink_to(outside, target_is_directory=True)
    expected = {name: fate for name, (_, fate) in pages.items()}
    expected |= {"ledger.txt": "warned", "up.txt": "warned", "outside_folder": "warned"}
    return expected


def run(command: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, env=ENV, cwd=cwd, timeout=timeout
    )


def mkdocs_build(project: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml"], project, timeout)


def digest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "generator.cli", "-f", "mkdocs.yml", *args], project)


class Built:
    def __init__(self, project: Path, result: subprocess.CompletedProcess[str], fates, peak):
        self.project, self.result, self.fates, self.peak = project, result, fates, peak
        self.output = result.stdout + result.stderr
        self.site = project / "site"

    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith("WARNING")]

    def site_text(self) -> str:
        return "\n".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(self.site.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt")
        )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = tmp_path_factory.mktemp("faults") / "project"
    project.mkdir()
    copy_project(project)
    fates = write_fault_corpus(project)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = mkdocs_build(project, timeout=180)  # the limit for this corpus
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, largest child so far
    return Built(project, result, fates, max(peak, before))


def test_the_fault_corpus_builds_without_a_traceback_in_little_memory(built: Built) -> None:
    assert built.result.returncode == 0, built.output[-3000:]
    assert "Traceback" not in built.output
    assert built.peak < 4 * 1024 * 1024  # KiB: under 4 GB (the bombs grew to 4.6 and 6 GB)
    stray = [
        line for line in built.output.splitlines() if line.strip() and not LOG_LINE.match(line)
    ]
    assert stray == []


def test_nothing_from_outside_the_corpus_is_published(built: Built) -> None:
    text = built.site_text()
    assert SECRET not in text and "The ledger of the vault" not in text


def test_every_page_is_built_or_named_in_a_warning(built: Built) -> None:
    warnings = built.warnings()
    sources = (built.project / "site" / "articles").rglob("index.html")
    footers = " ".join(p.read_text(encoding="utf-8") for p in sources)
    for name, fate in built.fates.items():
        named = [w for w in warnings if name in w]
        if fate == "warned":
            assert len(named) == 1, (name, named)
        else:
            assert f"file {name}" in footers or name in footers, name
            assert named == [], named


def test_json_escaped_emoji_are_published_as_emoji(built: Built) -> None:
    text = built.site_text()
    assert "Crossings \U0001f525 reopen \U0001f30d" in text
    assert "\ufffd" not in text


def test_a_registry_bomb_fails_in_seconds_with_one_line(built: Built, tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    registry = project / "content" / "actors.yml"
    registry.write_text(
        "\n".join([*laughs(), "actors:", "  - id: a", "    name: A", "    aliases: *l8"]) + "\n"
    )
    result = mkdocs_build(project, timeout=60)  # unguarded, it grew to 6 GB
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if "actors.yml" in line]
    assert len(lines) == 1 and "aliases" in lines[0] and len(lines[0]) < 300, lines


def test_explain_on_a_missing_file_is_one_line(built: Built) -> None:
    result = digest(built.project, "ingest", "--explain", "no-such-page.txt")
    assert result.returncode != 0
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    assert "no-such-page.txt" in result.stderr


def test_a_template_error_names_its_real_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "templates" / "actor.md.j2").write_text(
        "# {{ actor.name | md }}\n\n{{ actor.description\n\nMore text.\n", encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert re.search(r"actor\.md\.j2:3: ", result.stdout + result.stderr), result.stderr[-2000:]


def test_a_failed_digest_build_leaves_the_last_good_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert digest(project, "build").returncode == 0
    good = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    (project / "templates" / "overview.md.j2").write_text("{% if %}\n", encoding="utf-8")
    failed = digest(project, "build")
    assert failed.returncode != 0
    assert "last good site" in failed.stderr
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == good
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_two_overlapping_builds_leave_one_index_with_each_entry_once(tmp_path: Path) -> None:
    """The second build starts while the first holds the project (stopped right after it
    empties the site), and must wait for it rather than write the same site and index."""
    project = copy_project(tmp_path)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml"]
    first = subprocess.Popen(command, cwd=project, env=ENV, stderr=subprocess.PIPE, text=True)
    second = None
    try:
        log_first = _read_until(first, "Cleaning site directory")
        first.send_signal(signal.SIGSTOP)
        second = subprocess.Popen(command, cwd=project, env=ENV, stderr=subprocess.PIPE, text=True)
        log_second = _read_until(second, "Waiting for another build")
    finally:
        first.send_signal(signal.SIGCONT)
    log_first += first.communicate(timeout=600)[1]
    log_second += second.communicate(timeout=600)[1]
    assert "Waiting for another build" in log_second
    assert first.returncode == 0 and second.returncode == 0, log_first + log_second
    docs = json.loads((project / "site" / "search" / "search_index.json").read_text())["docs"]
    counts = collections.Counter(doc["location"] for doc in docs)
    assert counts and max(counts.values()) == 1
    assert any(location.startswith("actors/") for location in counts)


def _read_until(process: subprocess.Popen, words: str) -> str:
    """The process's log up to the line with ``words`` (or to its end)."""
    seen = []
    for line in process.stderr:
        seen.append(line)
        if words in line:
            break
    return "".join(seen)
