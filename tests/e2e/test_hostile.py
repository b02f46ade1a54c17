"""Hostile and broken input (issue 8): the build goes on, nothing is lost or injected.

One site is built from the sample corpus plus the pages in ``tests/hostile/`` (every
payload carries a marker ``hx-<n>``), broken files generated here (empty, binary,
50 MB, undecodable, one 200 KB line...) and a hostile actor in the registry. The HTML
is then read with BeautifulSoup and compared with the sample site: a script, handler
or URL that is not on the sample site came from the corpus.

The build is run without ``--strict``: bad files legitimately warn. Instead, every
warning must be one of the expected one-line warnings naming a bad file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.ingest import IngestError, read_page
from tests.conftest import copy_project

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
# A file name with blank lines and HTML (legal on Linux; scrapers name files after titles).
EVIL_NAME = 'evil\n\n<div onclick=alert("hx-91")>x</div>\n\n`name.txt'.replace("/", "\u2215")
MARKER = re.compile(r"hx-\d+")
LOG_LINE = re.compile(r"^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-  ")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
PROSE = (
    "The mediators said that the talks would continue after the holiday, and that both "
    "sides had agreed to send their delegations to Cairo for the next round ({n})."
)

# Bad files in the hostile corpus -> words, one of which its warning must give as the reason
# (none required for garbage bytes: "no text" and "not an article" are both fair).
BAD_REASONS: dict[str, tuple[str, ...]] = {
    "empty.txt": ("empty",),
    "blank.txt": ("empty",),
    "photo.jpg": ("binary",),
    "image.png": ("binary",),
    "doc.pdf": ("binary",),
    "archive.zip": ("binary",),
    "nul.txt": ("binary", "NUL"),
    "huge.txt": ("MB", "large"),
    "garbage.txt": (),
    "bad_front.md": ("front matter",),
    "articles/broken_front.md": ("front matter",),
}


def _random(n: int, seed: int) -> bytes:
    import random

    return random.Random(seed).randbytes(n)


def write_broken_files(raw: Path) -> None:
    """Files a scraper or an editor drops into the corpus by mistake."""
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b"  \n\n\t \r\n \xc2\xa0 \n")
    (raw / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + _random(4000, 1))
    (raw / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random(4000, 2))
    (raw / "doc.pdf").write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n" + _random(4000, 3)
    )
    (raw / "archive.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + _random(4000, 4))
    (raw / "nul.txt").write_bytes(PROSE.format(n="nul").encode() + b"\x00\x00 more text.\n")
    # Bytes that are no text in any encoding (no BOM, no NUL): nothing to read.
    garbage = bytes(b for b in _random(6000, 5) if b >= 0x80 and b not in (0xFE, 0xFF))
    (raw / "garbage.txt").write_bytes(garbage)
    with (raw / "huge.txt").open("wb") as handle:  # 50 MB, generated, never committed
        block = (PROSE.format(n="huge") + "\n\n").encode() * 1000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    (raw / "bad_front.md").write_text(
        "---\ntitle: [unclosed\npublished: 2024-03-01\n---\n\n" + PROSE.format(n="bad front") + "\n"
    )


def write_odd_but_good_files(raw: Path) -> None:
    """Pages that look broken but hold an article: each must reach the site."""
    # Latin-1 bytes, invalid as UTF-8.
    (raw / "latin1.txt").write_bytes(
        "Le café de la négociation rouvre à Doha\n\n14 mars 2024\n\n".encode("latin-1")
        + (PROSE.format(n="café latin") + "\n\n").encode("latin-1")
        + "The ministry said that the café would stay open while the delegations met.\n".encode(
            "latin-1"
        )
    )
    (raw / "mixed.txt").write_bytes(
        b"Mixed line endings title for the talks\r\n\r\n"
        + PROSE.format(n="mixed one").encode()
        + b"\r\r"
        + PROSE.format(n="mixed two").encode()
        + b"\n\n"
        + PROSE.format(n="mixed three").encode()
        + b"\r\n"
    )
    sentence = PROSE.format(n="one line") + " "
    (raw / "oneline.txt").write_text(sentence * (200_000 // len(sentence) + 1))


def add_hostile_actor(registry: Path) -> None:
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    data["actors"].append(
        {
            "id": "hostile-group",
            "name": "Hostile <img src=x onerror=alert('hx-80')> Group",
            "kind": "organisation",
            "description": "A group \"><script>alert('hx-81')</script> with {{ config }} in it.",
            "aliases": ["Zorblax", "Hx<b onclick=alert('hx-82')>Front</b>"],
        }
    )
    registry.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def mkdocs(project: Path, strict: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    return subprocess.run(
        command + (["--strict"] if strict else []),
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        cwd=project,
    )


def all_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def fold(text: str) -> str:
    return " ".join(CONTROL.sub("", text).split())


@cache
def _parsed(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def soup_of(path: Path) -> BeautifulSoup:
    """A fresh parse (callers remove header links); lxml parses as browsers do."""
    return BeautifulSoup(_parsed(path), "lxml")


def content_of(soup: BeautifulSoup) -> BeautifulSoup:
    content = soup.select_one("article.md-content__inner")
    assert content is not None
    for anchor in content.select("a.headerlink"):
        anchor.decompose()
    return content


class Built:
    def __init__(self, root: Path, project: Path, result: subprocess.CompletedProcess[str]):
        self.root, self.project, self.result = root, project, result
        self.site = project / "site"
        self.output = result.stdout + result.stderr
        self.before: set[str] = set()
        self._articles: dict[Path, BeautifulSoup] | None = None

    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith("WARNING")]

    def article_pages(self) -> dict[Path, BeautifulSoup]:
        if self._articles is None:
            pages = sorted((self.site / "articles").glob("*/index.html"))
            self._articles = {p: soup_of(p) for p in pages}
        return self._articles

    def page_of_source(self, name: str) -> BeautifulSoup:
        """The article page made from the corpus file ``name`` (the first of its files)."""
        for soup in self.article_pages().values():
            if corpus_files(soup)[:1] == [fold(name)]:
                return soup
        raise AssertionError(f"no article page for {name}")


def corpus_files(soup: BeautifulSoup) -> list[str]:
    """The corpus files an article page was made from (its file, then its duplicates), as
    the page keeps them for editors: not shown, not cited as a source."""
    attribution = content_of(soup).select_one(".digest-attribution")
    return [fold(name) for name in json.loads(attribution["data-corpus-files"])]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("hostile")
    project = root / "deep" / "er" / "project"
    project.mkdir(parents=True)
    # Article pages reproduce the whole text: every hostile paragraph reaches the site.
    copy_project(project, full_text=True)
    raw = project / "content" / "raw"
    for page in sorted(HOSTILE.iterdir()):
        if page.name != "README.md":
            (raw / page.name).write_bytes(page.read_bytes())
    (raw / "actor_mention.txt").write_text(
        "Zorblax joins the talks in Cairo\n\n13 March 2024\n\n"
        "The mediators said that Zorblax would join the talks after the holiday, and that "
        "Hx<b onclick=alert('hx-82')>Front</b> had agreed to send a delegation to Cairo.\n\n"
        "The ministry said that Zorblax would publish the full text of the agreement once "
        "both parties had signed it.\n",
        encoding="utf-8",
    )
    write_broken_files(raw)
    write_odd_but_good_files(raw)
    (raw / EVIL_NAME).write_text(  # a file name is text from the web too
        "The evil file name page\n\n" + PROSE.format(n="evil name") + "\n\n"
        "The ministry said that it would publish the full text of the agreement soon.\n"
    )
    add_hostile_actor(project / "content" / "actors.yml")
    articles = project / "content" / "articles"
    articles.mkdir()
    (articles / "broken_front.md").write_text(
        "---\ntitle: 'unclosed\nid: [x\n---\n\n" + PROSE.format(n="broken article") + "\n"
    )
    (articles / "not_a_date.md").write_text(
        "---\ntitle: Article with a date that is no date\npublished: next tuesday-ish\n---\n\n"
        + PROSE.format(n="not a date")
        + "\n"
    )
    before = all_files(root)
    result = mkdocs(project)
    built = Built(root, project, result)
    built.before = before
    assert result.returncode == 0, built.output[-5000:]
    return built


# --- broken files: one line each, the rest builds ------------------------------------


def test_every_bad_file_gets_one_warning_naming_it_and_the_reason(hostile: Built) -> None:
    warnings = hostile.warnings()
    for name, reasons in BAD_REASONS.items():
        lines = [w for w in warnings if re.search(rf"(?<![\w/]){re.escape(name)}\b", w)]
        assert len(lines) == 1, (name, lines)
        if reasons:
            assert any(r.lower() in lines[0].lower() for r in reasons), (name, lines[0])


def test_no_other_warnings_and_no_traceback(hostile: Built) -> None:
    named = [w for w in hostile.warnings() if not any(n in w for n in BAD_REASONS)]
    # Only the date that is not a date may warn besides the bad files (tested below).
    assert all("not_a_date.md" in w for w in named), named
    assert "Traceback" not in hostile.output


def test_every_warning_is_one_line(hostile: Built) -> None:
    stray = [
        line for line in hostile.output.splitlines() if line.strip() and not LOG_LINE.match(line)
    ]
    assert stray == []


def test_pages_that_look_broken_but_hold_an_article_are_built(hostile: Built) -> None:
    latin = content_of(hostile.page_of_source("latin1.txt")).get_text()
    assert "Le café de la négociation rouvre à Doha" in latin
    mixed = content_of(hostile.page_of_source("mixed.txt"))
    paragraphs = [fold(p.get_text()) for p in mixed.find_all("p")]
    for n in ("mixed one", "mixed two", "mixed three"):
        assert PROSE.format(n=n) in paragraphs, n
    oneline = content_of(hostile.page_of_source("oneline.txt")).get_text()
    assert PROSE.format(n="one line") in oneline


def test_no_page_is_silently_lost(hostile: Built) -> None:
    """Every corpus file is an article's source (or a duplicate of one), or is warned about."""
    raw = hostile.project / "content" / "raw"
    files = {f for s in hostile.article_pages().values() for f in corpus_files(s)}
    warnings = "\n".join(hostile.warnings())
    names = sorted(fold(p.name) for p in raw.iterdir()) + ["articles/broken_front.md"]
    lost = [n for n in names if n not in files and n not in warnings]
    assert lost == []


def test_a_front_matter_date_that_is_no_date_is_reported(hostile: Built) -> None:
    lines = [w for w in hostile.warnings() if "not_a_date.md" in w]
    assert len(lines) == 1 and "date" in lines[0].lower().split("not_a_date.md", 1)[1]


# --- injection ---------------------------------------------------------------------------


def _script_signature(script) -> str:
    if script.get("src"):
        return "src:" + script["src"].rsplit("/", 1)[-1]
    # Material's inline scripts differ between pages only by the relative base URL.
    return "text:" + re.sub(r'"(?:\.{1,2}/?)+"|"/"', '"."', script.get_text())


@cache
def _site_facts(site: Path, head_too: bool) -> dict[str, set]:
    """Scripts, handler attributes, dangerous URLs and element kinds found on a site."""
    facts: dict[str, set] = {"scripts": set(), "handlers": set(), "urls": set(), "markers": set()}
    for html in sorted(site.rglob("*.html")):
        soup = soup_of(html)
        scope = soup if head_too else content_of(soup)
        where = html.relative_to(site).as_posix()
        for script in scope.find_all("script"):
            facts["scripts"].add(_script_signature(script))
            if MARKER.search(str(script)):
                facts["markers"].add(f"{where}: {str(script)[:120]}")
        for element in scope.find_all(True):
            for attribute, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if attribute.lower().startswith("on"):
                    facts["handlers"].add(f"{where}: <{element.name} {attribute}={value[:60]!r}>")
                squeezed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:text/html")):
                    facts["urls"].add(f"{where}: <{element.name} {attribute}={value[:60]!r}>")
    return facts


def test_no_script_handler_or_javascript_url_in_page_content(
    hostile: Built, sample_site: Path
) -> None:
    found = _site_facts(hostile.site, head_too=False)
    sample = _site_facts(sample_site, head_too=False)
    assert found["scripts"] <= sample["scripts"]
    assert found["markers"] == set()
    assert found["handlers"] == set()
    assert found["urls"] == set()


def test_no_script_handler_or_javascript_url_anywhere_in_the_page(
    hostile: Built, sample_site: Path
) -> None:
    found = _site_facts(hostile.site, head_too=True)
    sample = _site_facts(sample_site, head_too=True)
    assert found["scripts"] <= sample["scripts"]
    assert found["markers"] == set()
    assert found["handlers"] == set()
    assert found["urls"] == set()


def _blocks(name: str) -> tuple[str, list[str], object]:
    article = read_page((HOSTILE / name).read_bytes(), name)
    return article.title, [b.text for b in article.blocks], article


@pytest.mark.parametrize("name", ["inject_front.md", "inject_dump.txt", "inject_page.html"])
def test_hostile_text_appears_as_the_text_it_is(hostile: Built, name: str) -> None:
    title, blocks, article = _blocks(name)
    assert MARKER.search(" ".join(blocks)), "the fixture lost its payloads in ingest"
    content = content_of(hostile.page_of_source(name))
    text = fold(content.get_text())
    assert fold(content.h1.get_text()) == fold(title)
    for block in blocks:
        assert fold(block) in text, block
    for value in (article.summary, article.author, article.outlet):
        if value:
            assert fold(value) in text, value


def test_hostile_text_changes_no_page_structure(hostile: Built, sample_site: Path) -> None:
    allowed: set[str] = set()
    for html in (sample_site / "articles").glob("*/index.html"):
        allowed |= {e.name for e in content_of(soup_of(html)).find_all(True)}
    for name in ("inject_front.md", "inject_dump.txt", "inject_page.html"):
        content = content_of(hostile.page_of_source(name))
        kinds = {e.name for e in content.find_all(True)}
        assert kinds <= allowed, (name, kinds - allowed)
        assert len(content.find_all("h1")) == 1
        assert len(content.find_all("hr")) <= 1
        assert not content.select(".admonition, details, table, blockquote, pre, ol, dl")
        headings = [fold(h.get_text()) for h in content.find_all("h2")]
        _, _, article = _blocks(name)
        wanted = [fold(b.text) for b in article.blocks if b.kind == "heading"]
        assert [h for h in headings if h != "Events in this article"] == wanted


def test_hostile_names_in_the_registry_stay_text(hostile: Built) -> None:
    content = content_of(soup_of(hostile.site / "actors" / "hostile-group" / "index.html"))
    assert fold(content.h1.get_text()) == "Hostile <img src=x onerror=alert('hx-80')> Group"
    assert not content.find_all(["img", "script"])


def test_every_file_written_is_inside_site(hostile: Built) -> None:
    after = all_files(hostile.root)
    project = hostile.project.relative_to(hostile.root).as_posix()
    # The site, and the pipeline's cache (an optimisation, kept next to mkdocs.yml).
    allowed = (f"{project}/site/", f"{project}/.cache/")
    outside = sorted(p for p in after - hostile.before if not p.startswith(allowed))
    assert outside == []
    # Titles and ids with ../ and slashes became one path segment under articles/.
    for path in hostile.site.rglob("*"):
        rel = path.relative_to(hostile.site).as_posix()
        assert ".." not in rel.split("/")
        if MARKER.search(rel):
            assert re.fullmatch(r"articles/[a-z0-9-]+(?:/index\.html)?", rel), rel


def test_hostile_titles_and_ids_get_safe_distinct_pages(hostile: Built) -> None:
    slugs = {p.parent.name for p in hostile.article_pages()}
    for name in (
        "title_dotdot.md", "title_slashes.md", "title_punct.md", "title_dots_only.md",
        "id_dotdot.md", "id_slash.md", "id_index.md", "id_number.md",
    ):  # fmt: skip
        hostile.page_of_source(name)  # each has a page of its own
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in slugs), slugs
    # The articles index stays the index: no article took its place.
    index = content_of(soup_of(hostile.site / "articles" / "index.html"))
    assert index.h1.get_text(strip=True).startswith("Articles")


def test_duplicate_ids_and_same_slug_titles_are_disambiguated_by_file_name(hostile: Built) -> None:
    def slug_of(name: str) -> str:
        for path, soup in hostile.article_pages().items():
            if corpus_files(soup)[:1] == [name]:
                return path.parent.name
        raise AssertionError(name)

    assert slug_of("dup_id_a.md") == "shared-id"
    assert slug_of("dup_id_b.md") == "shared-id-2"
    assert slug_of("same_slug_a.md") == "qatar-talks-resume"
    assert slug_of("same_slug_b.md") == "qatar-talks-resume-2"


# --- a file name is text too ----------------------------------------------------------------


def test_a_hostile_file_name_stays_text(hostile: Built) -> None:
    content = content_of(hostile.page_of_source(fold(EVIL_NAME)))  # found by its name
    assert not content.find_all(["div", "script"], onclick=True)
    assert fold(EVIL_NAME) not in fold(content.get_text())  # a file is no source to cite


def test_feeds_are_well_formed_and_carry_text_as_text(hostile: Built) -> None:
    import xml.etree.ElementTree as ET

    feeds = sorted(hostile.site.rglob("*.xml"))
    assert feeds
    for feed in feeds:
        tree = ET.parse(feed)  # well-formed, whatever the titles held
        for element in tree.iter():
            # Atom text constructs: text, never "html" a reader would render.
            if element.tag.rsplit("}", 1)[-1] in ("title", "subtitle", "summary", "content"):
                assert element.get("type") in (None, "text"), (feed.name, element.tag)
            for value in element.attrib.values():
                assert not value.strip().lower().startswith("javascript:"), (feed.name, value)


def test_search_entries_carry_hostile_text_as_text(hostile: Built) -> None:
    """Material shows a result's title and text as HTML: markup from the corpus must come
    out as entities there, and the word bag holds words only."""
    import json

    docs = json.loads((hostile.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    ours = [d for d in docs if d["location"].startswith(("articles/", "actors/", "months/"))]
    assert any(MARKER.search(d["title"] + d["text"]) for d in ours), "payloads never reached search"
    for doc in ours:
        for field in ("title", "text", "names"):
            soup = BeautifulSoup(doc.get(field, ""), "html.parser")
            assert soup.find(True) is None, (doc["location"], field, doc[field])
        assert re.fullmatch(r"[\w'’. ]*", doc.get("body", "")), doc["location"]


# --- front matter of the wrong type ------------------------------------------------------

WRONG_TYPES = {
    "captions_int": "captions: 7",
    "evidence_int": "date_evidence: 5",
    "sources_int": "sources: 5",
    "outlet_list": "outlet: [a, b]",
    "summary_list": "summary: [a, b]",
    "url_int": "url: 5",
    "date_year_one": "published: 0001-01-01",
}


@pytest.mark.parametrize("key", ["captions_int", "evidence_int", "sources_int"])
def test_front_matter_of_the_wrong_type_raises_nothing_but_ingest_error(key: str) -> None:
    page = f"---\ntitle: T\n{WRONG_TYPES[key]}\n---\n\n{PROSE.format(n=key)}\n"
    try:
        read_page(page, f"{key}.md")
    except IngestError as exc:
        assert f"{key}.md" in str(exc)


def test_a_build_with_front_matter_of_the_wrong_type_goes_on(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    for key, line in WRONG_TYPES.items():
        (project / "content" / "raw" / f"{key}.md").write_text(
            f"---\ntitle: Wrong type {key}\n{line}\n---\n\n{PROSE.format(n=key)}\n"
        )
    result = mkdocs(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    out = result.stdout + result.stderr
    for key in WRONG_TYPES:  # an article page, or a warning naming the file
        page = project / "site" / "articles" / f"wrong-type-{key.replace('_', '-')}"
        assert page.is_dir() or f"{key}.md" in out, key


# --- editors' mistakes: templates, registry, corpus folder ------------------------------


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "templates" / "actor.md.j2").write_text("# {{ term.name | md }}\n\n{% if %}\n")
    error = _one_line_error(mkdocs(project))
    assert re.search(r"templates/actor\.md\.j2:3\b", error), error


def test_undefined_template_variable_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "templates" / "month.md.j2").write_text(
        "# {{ term.name | md }}\n\n\n{{ no_such_variable }}\n"
    )
    error = _one_line_error(mkdocs(project))
    assert re.search(r"templates/month\.md\.j2:4\b", error), error
    assert "no_such_variable" in error


def test_undefined_attribute_in_a_template_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "templates" / "article.md.j2").write_text(
        "# {{ term.title | md }}\n{{ term.nope }}\n"
    )
    error = _one_line_error(mkdocs(project))
    assert re.search(r"templates/article\.md\.j2:2\b", error) and "nope" in error, error


def test_broken_registry_yaml_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content" / "actors.yml").write_text(
        "actors:\n  - id: qatar\n    name: Qatar\n    aliases: [Doha\n"
    )
    error = _one_line_error(mkdocs(project))
    assert re.search(r"actors\.yml:\d+", error), error


@pytest.mark.parametrize(
    "bad, line",
    [
        ("    roles: [{title: Envoy, from: 2024-02-30}]\n", 6),  # YAML builds dates itself
        ("    links: {wikipedia: [a, b]}\n", 6),
        ("  - [not, a, mapping]\n", 6),
    ],
)
def test_registry_mistakes_are_one_registry_error_with_file_and_line(bad: str, line: int) -> None:
    from generator.extract.actors import RegistryError, parse_registry

    text = "actors:\n  - id: qatar\n    name: Qatar\n    kind: country\n    description: x\n" + bad
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, "content/actors.yml")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"content/actors.yml:{line}: "), message


def test_actor_id_colliding_with_a_reserved_name_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content" / "actors.yml").write_text(
        "actors:\n  - id: qatar\n    name: Qatar\n    kind: country\n    description: x\n"
        "  - id: index\n    name: Index\n    kind: person\n    description: y\n"
    )
    error = _one_line_error(mkdocs(project))
    assert re.search(r"actors\.yml:6\b", error) and "index" in error, error


@pytest.mark.parametrize("state", ["missing", "empty", "undated only"])
def test_no_corpus_builds_a_small_site_saying_nothing_yet(tmp_path: Path, state: str) -> None:
    project = copy_project(tmp_path)
    raw = project / "content" / "raw"
    for page in raw.iterdir():
        page.unlink()
    if state == "missing":
        raw.rmdir()
    elif state == "undated only":
        (raw / "undated.txt").write_text(PROSE.format(n="undated") + "\n")
    result = mkdocs(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    if state != "undated only":
        warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
        assert any("content/raw" in w for w in warnings), result.stderr
        overview = content_of(soup_of(project / "site" / "index.html")).get_text()
        assert re.search(r"nothing yet|no articles", overview, re.I), overview


# --- data safety: an interrupted ingest ---------------------------------------------------


def _fresh_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    return copy_project(dest)


def _ingest(project: Path) -> None:
    from generator.cli import main

    assert main(["-f", str(project / "mkdocs.yml"), "ingest"]) == 0


def _article_files(project: Path) -> dict[str, bytes]:
    folder = project / "content" / "articles"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_an_interrupted_ingest_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupt ``digest ingest`` at its renames: never a partial or stray file, and the
    files it wrote stay its own (refreshed when their raw page changes), not an editor's."""
    real_replace = os.replace
    counted = {"n": 0}

    def counting(src, dst, *args, **kwargs):
        counted["n"] += 1
        return real_replace(src, dst, *args, **kwargs)

    reference = _fresh_project(tmp_path / "reference")
    monkeypatch.setattr(os, "replace", counting)
    _ingest(reference)
    monkeypatch.setattr(os, "replace", real_replace)
    complete = _article_files(reference)
    assert len([n for n in complete if n.endswith(".md")]) >= 5
    # The first article, the second, the last and the record: every kind of moment.
    stops = sorted({1, 2, counted["n"] - 1, counted["n"]})

    for stop in stops:
        project = _fresh_project(tmp_path / f"stop{stop}")
        calls = {"n": 0}

        def replace(src, dst, *args, _stop=stop, _calls=calls, **kwargs):
            _calls["n"] += 1
            if _calls["n"] == _stop:
                raise KeyboardInterrupt  # the editor's Ctrl-C, between two writes
            return real_replace(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "replace", replace)
        with pytest.raises(KeyboardInterrupt):
            _ingest(project)
        monkeypatch.setattr(os, "replace", real_replace)
        files = _article_files(project)
        assert not [n for n in files if n.endswith(".tmp")], (stop, sorted(files))
        for name, data in files.items():  # whatever is there is whole
            assert data == complete[name], (stop, name)
        _ingest(project)  # the next run completes the job
        assert _article_files(project) == complete, stop
        # ...and every article is still ingest's own: a changed raw page refreshes it.
        for raw in sorted((project / "content" / "raw").iterdir()):
            article = complete[raw.with_suffix(".md").name].decode("utf-8")
            text = raw.read_text(encoding="utf-8")
            blocks = article.split("\n---\n", 1)[1].strip().split("\n\n")
            first = next(b for b in blocks if not b.startswith("#") and b in text)
            added = f"{first}\n\n{PROSE.format(n=raw.stem)}"
            raw.write_text(text.replace(first, added, 1), encoding="utf-8")
        _ingest(project)
        refreshed = _article_files(project)
        for raw in sorted((project / "content" / "raw").iterdir()):
            article = refreshed[raw.with_suffix(".md").name].decode("utf-8")
            assert PROSE.format(n=raw.stem) in article, (stop, raw.name)
