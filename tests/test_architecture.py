"""The floors of the house (ARCHITECTURE.md) hold: every import points down, and the rules that keep it so."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("core", "geo", "queries", "clients", "data", "reports", "dashboard", "ops")


def _python_files(*packages: str) -> list[Path]:
    return [p for pkg in packages for p in (ROOT / pkg).rglob("*.py")]


def test_import_contracts_are_kept():
    """import-linter checks the layers contract in pyproject.toml: zero upward imports."""
    lint = Path(sys.executable).with_name("lint-imports")
    res = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout


def test_the_ground_floor_imports_nothing_of_the_project():
    for path in _python_files("core"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in PRODUCT + ("bench", "tests") or \
                    node.module.startswith("core"), f"{path.name} imports {node.module}"


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, also inside functions (``from x import y`` gives ``x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_a_page_reaches_the_database_only_through_its_room():
    """One route from a page to the data: page -> its room in dashboard/ -> queries (issue 25). A page that imports
    ``queries``, ``data`` or ``clients`` itself opens a second route around the room."""
    pages = sorted((ROOT / "dashboard" / "pages").glob("*.py"))
    assert len(pages) >= 12
    for page in pages:
        omweg = sorted(m for m in _imported_modules(page) if m.split(".")[0] in {"queries", "data", "clients"})
        assert not omweg, f"{page.name} imports {omweg}: go through its room in dashboard/"


def test_environment_is_read_in_settings_only():
    """Every environment variable is read in core/settings.py (ops may pass an environment on to a child)."""
    offenders = []
    for path in _python_files(*PRODUCT):
        if path == ROOT / "core" / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") and \
                    isinstance(node.value, ast.Name) and node.value.id == "os":
                # passing the whole environment to a child process is not reading a setting
                if path.parts[-2] == "ops" or path.parts[-3:-1] == ("ops", "cli"):
                    continue
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_the_product_wheel_leaves_the_tools_out():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    include = next(line for line in text.splitlines() if line.startswith("include = "))
    assert "bench" not in include and "tests" not in include
    assert all(f'"{pkg}*"' in include for pkg in PRODUCT)


def test_today_and_now_come_from_the_convenants_clock():
    """``date.today()`` and a naive ``datetime.now()`` give the server's (UTC) day: between 23:00 and 01:00 UTC that
    is not Rotterdam's day. Product code takes both from core/kalender.py; UTC instants (``datetime.now(UTC)``,
    for session expiry) are fine."""
    offenders = []
    for path in _python_files(*PRODUCT, "bench"):
        if path == ROOT / "core" / "kalender.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            naam = f"{getattr(node.func.value, 'id', '')}.{node.func.attr}"
            utc = [a for a in node.args if getattr(a, "id", None) == "UTC"]
            if naam == "date.today" or (naam == "datetime.now" and not utc) or naam == "datetime.today":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {naam}")
    assert offenders == []
