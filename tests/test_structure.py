"""The architecture as a test (issue 17): one package per stage, MkDocs touched only at the
edge, no import cycles, no MkDocs private names, short functions, a short README."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from generator.cache import imported_names
from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
STAGES = ("ingest", "extract", "model", "render", "plugin")
MAX_ENTRIES = 14
MAX_FUNCTION_LINES = 120
MKDOCS_PRIVATE = ("_current_page", "_build_page", "_content")


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, absolute or relative."""
    return imported_names(path, module_name(path))


def import_graph() -> dict[str, set[str]]:
    """Module -> the ``generator`` modules it imports (a name imported from a package counts
    as the package unless it is a module of it)."""
    modules = {module_name(path): path for path in sources()}

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in modules.items():
        targets = {resolve(found) for found in imports(path) if found.startswith("generator")}
        graph[name] = {target for target in targets if target and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph)))
    try:
        for node in sorted(graph):
            if node not in index:
                visit(node)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_one_package_per_stage_and_few_entries() -> None:
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
    assert len(entries) <= MAX_ENTRIES, entries


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_can_fail() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_only_the_plugin_and_the_cli_import_mkdocs_or_material() -> None:
    allowed = {PACKAGE / "cli.py", *(PACKAGE / "plugin").rglob("*.py")}
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in sources()
        if path not in allowed
        and any(name.split(".")[0] in ("mkdocs", "material") for name in imports(path))
    ]
    assert offenders == []


def test_no_mkdocs_private_names() -> None:
    pattern = re.compile(rf"\b(?:{'|'.join(MKDOCS_PRIVATE)})\b")
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{n}"
        for path in sources()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_bytes())
    return [
        f"{path.relative_to(ROOT).as_posix()}:{node.lineno} {node.name} "
        f"({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


def test_no_function_over_120_lines() -> None:
    offenders = [found for path in sources() for found in long_functions(path)]
    assert offenders == []


def test_readme_is_short_and_starts_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 250
    head = "\n".join(lines[:30])
    assert "pip install -e . && mkdocs build" in head
    assert 'pip install -e ".[test]" && pytest' in head
