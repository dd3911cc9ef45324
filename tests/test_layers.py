"""Apps import one way: the import graph between the apps of thidua/ has no cycle. Every
import counts, also one inside a function (a lazy import is still a dependency). The
layers, bottom up: core; audit; accounts; units; workflow, documents; the domain apps
(movements, exemplars, quotas, imports, plans, conferences); home and demo; and the
modules beside urls.py (api.py, urls.py), which gather them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "thidua"


def _app_of(path: Path) -> str:
    part = path.relative_to(ROOT).parts[0]
    return "(root)" if part.endswith(".py") else part


def import_graph() -> dict[str, set[str]]:
    """{app: the other apps it imports}, from every module outside migrations."""
    graph: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        app = _app_of(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                parts = name.split(".")
                if len(parts) > 1 and parts[0] == "thidua":
                    other = parts[1] if (ROOT / parts[1]).is_dir() else "(root)"
                    if other != app:
                        graph.setdefault(app, set()).add(other)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a path (first node repeated at the end), or []."""
    state: dict[str, str] = {}

    def visit(node, trail):
        state[node] = "open"
        for other in sorted(graph.get(node, ())):
            if state.get(other) == "open":
                return [*trail[trail.index(other) :], other] if other in trail else [node, other]
            if other not in state and (found := visit(other, [*trail, other])):
                return found
        state[node] = "done"
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return []


def test_the_apps_import_one_way():
    assert find_cycle(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"accounts": {"units"}, "units": {"audit"}, "audit": {"accounts"}, "core": set()}

    assert find_cycle(graph) == ["accounts", "units", "audit", "accounts"]


def test_core_imports_no_app():
    assert import_graph().get("core", set()) == set()
