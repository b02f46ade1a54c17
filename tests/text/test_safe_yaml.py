"""YAML within limits (issue 20): deep nesting, alias bombs and alias loops are refused
before anything is built from them, in one short line; JSON-escaped emoji survive."""

from __future__ import annotations

import pytest
import yaml

from generator.text.safe_yaml import (
    Limits,
    YamlLimitError,
    check_expansion,
    join_surrogates,
    load_yaml,
    shown,
)


def laughs(levels: int, fan: int = 10) -> str:
    """The "billion laughs": each level a list of ``fan`` aliases of the one before."""
    lines = ["l0: &l0 [" + ", ".join(["ha"] * fan) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * fan) + "]")
    return "\n".join(lines) + "\n"


def test_plain_documents_load_as_safe_load_loads_them() -> None:
    text = (
        "title: Talks resume\ncaptions: [one, two]\nwhen: 2024-03-01\nn: 3\nmap: {a: [1, {b: c}]}\n"
    )
    assert load_yaml(text) == yaml.safe_load(text)


def test_a_few_aliases_are_fine() -> None:
    assert load_yaml("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 3000 + "]" * 3000,
        "a: " + "{b: " * 3000 + "c" + "}" * 3000,
        "".join("  " * i + f"k{i}:\n" for i in range(400)),
        "".join("  " * i + "-\n" for i in range(400)) + "  " * 400 + "- x\n",
    ],
    ids=["flow lists", "flow maps", "block maps", "block lists"],
)
def test_deep_nesting_is_refused_not_a_recursion_error(text: str) -> None:
    with pytest.raises(YamlLimitError, match="nested too deeply"):
        load_yaml(text)


def test_nesting_at_the_limit_loads() -> None:
    depth = Limits().depth
    assert load_yaml("[" * (depth - 1) + "]" * (depth - 1)) is not None


def test_an_alias_bomb_is_refused_before_it_is_expanded() -> None:
    # 10**9 values once expanded: refused on the node graph, in a moment.
    with pytest.raises(YamlLimitError, match="aliases are expanded") as found:
        load_yaml(laughs(9))
    assert len(str(found.value)) < 100
    assert found.value.line > 1  # names a line of the aliases, not the document's start


def test_the_size_limit_is_the_one_given() -> None:
    text = laughs(3)  # 10 + 100 + 1,000 values plus their lists
    assert load_yaml(text, Limits(nodes=2_000)) is not None
    with pytest.raises(YamlLimitError):
        load_yaml(text, Limits(nodes=1_000))


def test_merge_keys_cannot_double_their_way_past_the_limit() -> None:
    lines = ["m0: &m0 {a: 1, b: 2}"]
    lines += [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], k{i}: 1}}" for i in range(1, 40)]
    with pytest.raises(YamlLimitError):
        load_yaml("\n".join(lines))


def test_aliases_that_nest_too_deep_are_refused() -> None:
    lines = ["d0: &d0 " + "[" * 40 + "]" * 40]
    lines += [f"d{i}: &d{i} " + "[" * 30 + f"*d{i - 1}" + "]" * 30 for i in range(1, 4)]
    with pytest.raises(YamlLimitError, match="deep"):
        load_yaml("\n".join(lines))


def test_too_many_aliases_are_refused() -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * 50) + "]\n"
    assert len(load_yaml(text)["b"]) == 50
    with pytest.raises(YamlLimitError, match="aliases"):
        load_yaml(text, Limits(aliases=20))


def test_an_alias_inside_its_own_value_is_refused() -> None:
    with pytest.raises(YamlLimitError, match="part of"):
        load_yaml("a: &a [x, *a]\n")


def test_check_expansion_can_pass_and_fail() -> None:
    node = yaml.compose(laughs(2))
    check_expansion(node, Limits(nodes=1_000))
    with pytest.raises(YamlLimitError):
        check_expansion(node, Limits(nodes=50))


def test_json_escaped_surrogate_pairs_become_the_character() -> None:
    loaded = load_yaml('title: "\\uD83D\\uDD25 on the \\ud83c\\udf0d"\n"\\uD83D\\uDE00": key\n')
    assert loaded["title"] == "\U0001f525 on the \U0001f30d"
    assert loaded["\U0001f600"] == "key"


def test_a_lone_surrogate_becomes_the_replacement_character() -> None:
    assert join_surrogates("a\ud83d b") == "a\ufffd b"
    assert join_surrogates("plain") == "plain"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("short", "'short'"),
        (["x"] * 10_000_000, "a list of 10,000,000 items"),
        ({"a": 1}, "a mapping of 1 item"),
        (7, "'7'"),
    ],
)
def test_shown_values_are_short(value: object, expected: str) -> None:
    assert shown(value) == expected


def test_shown_text_is_one_short_line() -> None:
    text = shown("line one\nline two\x1b[31m " + "x" * 10_000_000)
    assert "\n" not in text and "\x1b" not in text
    assert len(text) < 70 and text.endswith("…'")


def test_text_longer_than_the_limit_is_refused_before_it_is_read() -> None:
    text = "x: '" + "long " * 1000 + "'"
    assert load_yaml(text, Limits(chars=len(text)))
    with pytest.raises(YamlLimitError, match="too long"):
        load_yaml(text, Limits(chars=len(text) - 1))
