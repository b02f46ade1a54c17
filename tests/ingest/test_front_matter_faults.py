"""Front matter from the web (issue 20): one bad page is one short line, never a crash."""

from __future__ import annotations

import pytest

from generator.ingest import IngestError, read_page

BODY = (
    "\n\nThe negotiators met again on Tuesday in a hotel near the harbour, and both sides "
    "said that the next round would follow within a week.\n"
)


def refused(front: str) -> str:
    with pytest.raises(IngestError) as found:
        read_page(f"---\n{front}\n---{BODY}".encode("utf-8", "surrogatepass"), "page.md")
    message = str(found.value)
    assert "\n" not in message and len(message) < 200, message[:300]
    assert message.startswith("page.md: ")
    return message


def test_front_matter_nested_thousands_deep_is_one_line() -> None:
    assert "nested too deeply" in refused("title: " + "[" * 5000 + "]" * 5000)


def test_block_front_matter_nested_deep_names_its_line() -> None:
    message = refused("".join("  " * i + f"k{i}:\n" for i in range(200)))
    # Level 51 is the key of the 50th mapping: YAML line 50, the file's line 51.
    assert "(line 51)" in message


def test_an_alias_bomb_in_front_matter_is_refused() -> None:
    lines = ["a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    assert "expand" in refused("\n".join([*lines, "captions: [*a8, *a8]"]))


def test_a_large_list_is_named_by_its_size_not_printed() -> None:
    # 6,000 values, within the limits, but not a list of texts.
    message = refused("captions: [" + ", ".join(["[x]"] * 3_000) + "]")
    assert "3,000 items" in message


@pytest.mark.parametrize("key", ["published", "date_confidence"])
def test_a_long_bad_value_is_shortened(key: str) -> None:
    message = refused(f"{key}: '{'soon ' * 12_000}'")
    assert "…" in message


def test_a_list_where_the_source_name_belongs_is_refused() -> None:
    assert "'source' must be text" in refused("source: [" + ", ".join(["x"] * 1000) + "]")


def test_json_escaped_emoji_in_front_matter_are_the_emoji() -> None:
    front = 'title: "Talks \\uD83D\\uDD25 resume"\nsummary: "\\ud83c\\udf0d watch"'
    article = read_page(f"---\n{front}\n---{BODY}".encode(), "page.md")
    assert article.title == "Talks \U0001f525 resume"
    assert article.summary == "\U0001f30d watch"
    assert "\ufffd" not in article.title + article.summary


def test_front_matter_longer_than_any_article_needs_is_refused() -> None:
    assert "too long" in refused("captions: [" + ", ".join(["[x]"] * 30_000) + "]")
