"""swdesk's modules import each other without cycles (issue 13 item 6): low-level pieces at the
bottom, and every import — at the top of a module or inside a function — points downwards.

The graph is read from the source with ast (no module is imported), so an in-function import that
merely dodges a cycle at import time still counts as an edge."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "swdesk"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def known_modules() -> dict[str, Path]:
    return {module_name(p): p for p in (ROOT / PACKAGE).rglob("*.py")}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The swdesk module that `name` (a module or a name inside one) refers to."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every swdesk module `module` imports, anywhere in its body (TYPE_CHECKING blocks excepted:
    they never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _resolve(alias.name, modules)
                if target:
                    found.add(target)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                target = _resolve(f"{base}.{alias.name}", modules) or _resolve(base, modules)
                if target:
                    found.add(target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(module)
    # Importing swdesk.x runs swdesk/__init__.py first, but that is not an edge of this module.
    found.discard(PACKAGE)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = known_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def strongconnect(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strongconnect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    import sys

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in sorted(graph):
        if v not in index:
            strongconnect(v)
    return sorted(found)


def shortest_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One concrete cycle inside `component`, for the failure message."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                return paths[v] + [start]
            if w not in paths:
                paths[w] = paths[v] + [w]
                queue.append(w)
    return component


def test_the_graph_sees_top_level_and_in_function_imports(tmp_path):
    modules = known_modules()
    sample = tmp_path / "sample.py"
    sample.write_text("from swdesk import db\n"
                      "from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from swdesk import pdf\n"
                      "def f():\n    from swdesk.services import settings\n    import swdesk.files\n",
                      encoding="utf-8")
    assert imports_of("swdesk.sample", sample, modules) == {
        "swdesk.db", "swdesk.services.settings", "swdesk.files"}
    graph = import_graph()
    assert "swdesk.connection" in graph["swdesk.models"] and len(graph) > 40


def test_swdesk_has_no_import_cycle():
    graph = import_graph()
    found = cycles(graph)
    described = ["  " + " → ".join(shortest_cycle(graph, c)) + f"   ({len(c)} modules: {', '.join(c)})"
                 for c in found]
    assert not found, "import cycles in swdesk/:\n" + "\n".join(described)
