"""The sample site, built by `mkdocs build --strict`, read back as HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.pipeline import build_model
from generator.text.words import STOPWORDS as STOP_WORDS
from tests.conftest import ROOT, build_site, copy_project, project_options
from tests.sitecheck import broken_links, content, links_to, page

# Actors a reader of the five sample pages sees named (by their registry ids).
NAMED_IN_SAMPLE = {
    "qatar", "israel", "hamas", "united-states", "egypt", "turkey",
    "benjamin-netanyahu", "donald-trump", "joe-biden", "steve-witkoff", "antony-blinken",
}  # fmt: skip
# Publication months of the dated sample pages, and months of events they report within the
# story (October 2023, long before its first article, is background: no page of its own).
SAMPLE_MONTHS = {"2024-05", "2024-11", "2024-12", "2024-03"}


def registry() -> list[dict]:
    return yaml.safe_load((ROOT / "content/actors.yml").read_text(encoding="utf-8"))["actors"]


def raw_text() -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "content/raw").iterdir())
    )


def test_every_section_has_its_index_page(sample_site: Path) -> None:
    for url in ("", "chronology/", "actors/", "months/", "articles/", "sources/"):
        assert (sample_site / url / "index.html").is_file(), url


def test_inputs_are_not_published(sample_site: Path) -> None:
    published = {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*")}
    assert not any(p.startswith(("raw/", "articles/000_")) or p.endswith(".yml") for p in published)
    assert not any(p.endswith(".txt") for p in published)


def test_every_registry_actor_named_in_the_corpus_has_a_page(sample_site: Path) -> None:
    text = raw_text()
    named = set()
    for actor in registry():
        names = [actor["name"], *actor.get("aliases", [])]
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names):
            named.add(actor["id"])
    assert NAMED_IN_SAMPLE <= named
    for actor_id in named:
        assert (sample_site / "actors" / actor_id / "index.html").is_file(), actor_id
        assert actor_id in {
            u.split("/")[1]
            for u in links_to(sample_site, "actors/")
            if u.startswith("actors/") and u != "actors/"
        }


def test_months_of_articles_and_events_have_pages(sample_site: Path) -> None:
    months = {p.name for p in (sample_site / "months").iterdir() if p.is_dir()}
    assert SAMPLE_MONTHS <= months
    assert "2023-10" not in months
    index_links = links_to(sample_site, "months/")
    for month in months:
        assert f"months/{month}/" in index_links


def test_month_pages_link_to_neighbours(sample_site: Path) -> None:
    months = sorted(p.name for p in (sample_site / "months").iterdir() if p.is_dir())
    for before, month, after in zip([None, *months[:-1]], months, [*months[1:], None], strict=True):
        links = links_to(sample_site, f"months/{month}/")
        if before:
            assert f"months/{before}/" in links, (month, before)
        if after:
            assert f"months/{after}/" in links, (month, after)


def test_actor_page_links_to_months_articles_and_co_actors(sample_site: Path) -> None:
    links = links_to(sample_site, "actors/qatar/")
    assert any(u.startswith("months/2") for u in links)
    assert any(u.startswith("articles/") and u != "articles/" for u in links)
    others = {u for u in links if u.startswith("actors/") and u not in ("actors/", "actors/qatar/")}
    assert {"actors/hamas/", "actors/israel/"} <= others


def test_month_page_links_to_actors_articles_and_events(sample_site: Path) -> None:
    links = links_to(sample_site, "months/2024-11/")
    assert any(u.startswith("actors/") for u in links)
    assert any(u.startswith("articles/") and u != "articles/" for u in links)
    body = content(page(sample_site, "months/2024-11/")).get_text(" ")
    assert "November 2024" in body


def test_article_pages_link_to_actors_month_and_credit_outlet(sample_site: Path) -> None:
    articles = sorted(
        u
        for u in links_to(sample_site, "articles/")
        if u.startswith("articles/") and u != "articles/"
    )
    assert len(articles) == 5
    dated = 0
    for url in articles:
        links = links_to(sample_site, url)
        assert any(u.startswith("actors/") for u in links), url
        dated += any(u.startswith("months/") for u in links)
        assert "Source:" in content(page(sample_site, url)).get_text(" ")
    assert dated >= 3


def test_chronology_entries_link_actors_and_sources(sample_site: Path) -> None:
    entries = content(page(sample_site, "chronology/")).select("li")
    assert entries
    for li in entries:
        hrefs = [a["href"] for a in li.find_all("a", href=True)]
        assert any("articles/" in h for h in hrefs), li.get_text()
    assert any(any("actors/" in a["href"] for a in li.find_all("a", href=True)) for li in entries)


def test_no_broken_internal_links(sample_site: Path) -> None:
    assert broken_links(sample_site) == []


NEW_PAGE = """\
Home | World | Sport | Contact
Egypt hosts a new round of Gaza truce talks in Cairo
Published: 4 March 2025
By Jane Reporter

CAIRO — Egyptian mediators hosted Israeli and Hamas negotiators in Cairo on March 3, 2025, for \
a new round of talks on the second phase of the Gaza ceasefire, officials said.

Qatar's prime minister joined the talks by video link, according to two people familiar with them.

Share this article: Facebook | Twitter | Email
"""


def test_a_new_raw_page_arrives_on_its_actor_and_month_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content/raw/zzz_new_page.txt").write_text(NEW_PAGE, encoding="utf-8")
    site = build_site(project)
    articles = [u for u in links_to(site, "articles/") if "egypt-hosts" in u]
    assert len(articles) == 1
    article = articles[0]
    assert article in links_to(site, "actors/egypt/")
    assert article in links_to(site, "actors/qatar/")
    assert article in links_to(site, "months/2025-03/")
    assert "months/2025-03/" in links_to(site, article)


def article_urls(site: Path) -> list[str]:
    return sorted(
        u for u in links_to(site, "articles/") if u.startswith("articles/") and u.endswith("/")
    )


def test_site_builds_without_the_plugin_from_generated_pages(
    tmp_path: Path, sample_site: Path
) -> None:
    """`digest generate` writes what the plugin hands MkDocs: a plain MkDocs build works on it."""
    from generator.cli import main

    project = copy_project(tmp_path)
    assert (
        main(["-f", str(project / "mkdocs.yml"), "generate", "--out", str(project / "generated")])
        == 0
    )
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "generated"
    config["plugins"] = ["search"]
    (project / "plain.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copy(project / "plain.yml", project / "mkdocs.yml")
    site = build_site(project)
    assert (site / "actors/qatar/index.html").is_file()
    assert broken_links(site) == []
    # The plugin hands MkDocs its long lists as placeholders and puts them back: the pages'
    # content must come out as MkDocs makes it of the same Markdown with the lists inline.
    with_plugin = sample_site
    urls = ["actors/qatar/", "months/2024-11/", "chronology/", "sources/", ""]
    urls += article_urls(with_plugin)[:3]
    for url in urls:
        ours, plain = (str(content(page(s, url))) for s in (with_plugin, site))
        assert "<!--digest:" not in ours, url
        assert ours.count("<li") + ours.count("<p>") > 3, url  # lists there, not lost
        assert ours == plain, url


def test_site_url_gives_feeds_absolute_links_and_a_sitemap(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    project = copy_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^#\s*site_url:.*$", "", config)
    (project / "mkdocs.yml").write_text(
        "site_url: https://example.org/digest/\n" + config, encoding="utf-8"
    )
    site = build_site(project)
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = [
        site / "feeds/articles.xml",
        site / "feeds/events.xml",
        site / "feeds/actors/qatar.xml",
    ]
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()
        links = [link.get("href") for link in root.iter(f"{atom}link")]
        assert links and all(h.startswith("https://example.org/digest/") for h in links), feed
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/digest/actors/qatar/" in sitemap


# --- search ----------------------------------------------------------------------------


def search_docs(site: Path) -> list[dict]:
    import json

    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_has_one_lean_entry_per_actor_month_and_article(sample_site: Path) -> None:
    docs = search_docs(sample_site)
    locations = [d["location"].partition("#")[0] for d in docs]
    generated = [u for u in locations if u.startswith(("actors/", "months/", "articles/"))]
    assert len(generated) == len(set(generated)), "a generated page indexed twice"
    expected = {
        str(p.parent.relative_to(sample_site)) + "/"
        for folder in ("actors", "months", "articles")
        for p in (sample_site / folder).glob("*/index.html")
    }
    assert set(generated) == expected  # every page once; list pages (the indexes) not at all
    # Hand-written pages are still indexed by Material itself.
    assert "" in locations


def test_search_finds_an_actor_by_alias_and_an_article_by_its_last_paragraph(
    sample_project: Path, sample_site: Path
) -> None:
    docs = {d["location"]: d for d in search_docs(sample_site)}
    qatar = docs["actors/qatar/"]
    assert qatar["title"] == "Qatar" and qatar["boost"] > 1
    assert "doha" in qatar["names"].split()
    # The article pages quote passages only: the index holds the rest of the text's words.
    digest = build_model(project_options(sample_project, cache_dir=None)).digest
    for entry in digest.articles:
        doc = docs[f"articles/{entry.slug}/"]
        words = set(re.findall(r"\w+", f"{doc['title']} {doc['text']} {doc['body']}".lower()))
        last = entry.article.paragraphs[-1]
        said = {w for w in re.findall(r"\w+", last.lower()) if len(w) > 3}
        assert said and said <= words | STOP_WORDS, entry.slug


def test_no_search_entry_has_an_empty_title_or_text(sample_site: Path) -> None:
    """What a result shows: the home page's entry too has both."""
    docs = search_docs(sample_site)
    assert "" in {d["location"] for d in docs}
    empty = [d["location"] for d in docs if not d["title"].strip() or not d["text"].strip()]
    assert empty == []


def test_links_hold_without_directory_urls(tmp_path: Path) -> None:
    """Raw HTML lists carry final URLs, which depend on `use_directory_urls`."""
    project = copy_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text("use_directory_urls: false\n" + config, encoding="utf-8")
    site = build_site(project)
    qatar = page(site, "actors/qatar.html")
    assert any(a["href"].endswith(".html") for a in content(qatar).select("ul.digest-articles a"))
    assert broken_links(site) == []


def test_pages_announce_their_feeds_in_the_head(sample_site: Path) -> None:
    from tests.sitecheck import resolve

    for url, expected in [("", 2), ("actors/qatar/", 3), ("months/2024-11/", 2)]:
        soup = page(sample_site, url)
        feeds = soup.head.find_all("link", rel="alternate", type="application/atom+xml")
        assert len(feeds) == expected, url
        for link in feeds:
            target, _ = resolve(sample_site, sample_site / url / "index.html", link["href"])
            assert target.is_file() and target.read_text(encoding="utf-8").startswith("<?xml")
    qatar = page(sample_site, "actors/qatar/").head
    assert qatar.find("link", href="../../feeds/actors/qatar.xml")["title"].endswith(": Qatar")


def test_a_minimal_mkdocs_yml_builds_a_working_site_titled_by_its_site_name(tmp_path: Path):
    """A new story's mkdocs.yml with no Markdown extensions and no digest title."""
    from tests.conftest import mkdocs_build

    shutil.copytree(ROOT / "content" / "raw", tmp_path / "content" / "raw")
    shutil.copy(ROOT / "content" / "actors.yml", tmp_path / "content" / "actors.yml")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Harbour strike digest\ndocs_dir: content\n"
        "theme:\n  name: material\nplugins:\n  - search\n  - digest\n",
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "does not contain an anchor" not in result.stderr
    site = tmp_path / "site"
    chronology = (site / "chronology" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'id="m20\d\d-\d\d"', chronology) and "{ #" not in chronology
    timeline = (site / "timeline.json").read_text(encoding="utf-8")
    assert "Harbour strike digest" in timeline
