"""The layers hold: each package imports only what its layer may know.

`blink/` alone knows blinkpy and Blink's wire format; the model, the diagnosis engine and the
forecast are pure (no Home Assistant, no blinkpy, nothing of the layers above them); nothing an
owner installs can reach the simulated Blink cloud. tests/README.md, the map of which tests cover
which module, has a row for every module, names every test file, and names only files that exist.
"""

from __future__ import annotations

import ast
from pathlib import Path
import re

import pytest

REPO = Path(__file__).parents[1]
TESTS = REPO / "tests"
PACKAGE = REPO / "custom_components" / "blink_health"
PURE = ("model", "diagnosis", "forecast")
# What the pure layers may import from the integration: each other, the typed reading with
# Blink's vocabulary and value ranges, and the constants; all of them pure too.
PURE_MODULES = (
    "blink/reading.py",
    "blink/values.py",
    "blink/vocabulary.py",
    "const.py",
)
PURE_MAY_IMPORT = {
    *PURE,
    *(module.removesuffix(".py").replace("/", ".") for module in PURE_MODULES),
}


def _imports(path: Path) -> list[tuple[str, int]]:
    """Return each module a file imports: absolute names, and relative ones as `.name` levels."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
    return found


def _resolved(path: Path, module: str, level: int) -> str:
    """Return an import as a dotted name within the integration, or the absolute name."""
    if not level:
        return module
    package = list(path.relative_to(PACKAGE).parent.parts)
    parts = package[: len(package) - (level - 1)]
    return ".".join([*parts, *([module] if module else [])])


def _files(*packages: str) -> list[Path]:
    roots = [PACKAGE / name for name in packages] if packages else [PACKAGE]
    return sorted(file for root in roots for file in root.rglob("*.py"))


def _pure_files() -> list[Path]:
    return [*_files(*PURE), *(PACKAGE / module for module in PURE_MODULES)]


@pytest.mark.parametrize(
    "path", _pure_files(), ids=lambda path: str(path.relative_to(PACKAGE))
)
def test_pure_layers_import_nothing_above_them(path: Path) -> None:
    """The model, the diagnosis and the forecast run without Home Assistant or blinkpy."""
    for module, level in _imports(path):
        name = _resolved(path, module, level)
        assert not name.startswith(("homeassistant", "blinkpy", "aiohttp")), (
            path,
            name,
        )
        if level:
            assert any(
                name == allowed or name.startswith(f"{allowed}.")
                for allowed in PURE_MAY_IMPORT
            ), (path, name)


def test_only_blink_package_knows_blinkpy() -> None:
    """Everything that knows blinkpy lives in `blink/`."""
    outside = [
        (str(path.relative_to(PACKAGE)), module)
        for path in _files()
        if "blink" not in path.relative_to(PACKAGE).parts[:1]
        for module, level in _imports(path)
        if not level and module.split(".")[0] == "blinkpy"
    ]
    assert outside == []


def test_nothing_installed_reaches_the_simulator() -> None:
    """The simulated Blink cloud is never imported by what owners install."""
    reached = [
        str(path.relative_to(PACKAGE))
        for path in _files()
        for module, level in _imports(path)
        if not level and module.split(".")[0] in {"blink_sim", "tests", "scripts"}
    ]
    assert reached == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The import reader finds Home Assistant in a relative and an absolute import alike."""
    file = tmp_path / "sample.py"
    file.write_text(
        "import homeassistant.core\nfrom blinkpy.blinkpy import Blink\nfrom . import x\n",
        encoding="utf-8",
    )
    assert _imports(file) == [
        ("homeassistant.core", 0),
        ("blinkpy.blinkpy", 0),
        ("", 1),
    ]


# The map: a row's first cell names its module (relative to the integration) or test file
# (relative to tests/); every file it names, in any cell, is relative to one of these.
TEST_MAP = TESTS / "README.md"
MAP_ROOTS = (TESTS, PACKAGE, REPO)
_ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)
_NAMED_FILE = re.compile(r"`([\w./-]+\.(?:py|mjs|js|ambr))`")


def _only_reexports(path: Path) -> bool:
    """Return whether a file holds nothing but a docstring, imports and `__all__`."""
    for index, node in enumerate(ast.parse(path.read_text(encoding="utf-8")).body):
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if index == 0 and isinstance(node, ast.Expr):
            continue
        if isinstance(node, ast.Assign) and [
            getattr(target, "id", None) for target in node.targets
        ] == ["__all__"]:
            continue
        return False
    return True


def _modules_to_map() -> list[str]:
    """Return every module the map needs a row for: all but a package's re-exporting `__init__`."""
    return [
        path.relative_to(PACKAGE).as_posix()
        for path in _files()
        if path.name != "__init__.py"
        or path.parent == PACKAGE
        or not _only_reexports(path)
    ]


def _unmapped(text: str, modules: list[str]) -> list[str]:
    """Return the modules that have no row of their own in the map's text."""
    rows = set(_ROW.findall(text))
    return [module for module in modules if module not in rows]


def _missing_files(text: str) -> list[str]:
    """Return each file the map's text names that exists under none of the map's roots."""
    return sorted(
        name
        for name in set(_NAMED_FILE.findall(text))
        if not any((root / name).is_file() for root in MAP_ROOTS)
    )


def _unnamed_tests(text: str) -> list[str]:
    """Return the test files under tests/ that the map's text never names."""
    named = set(_NAMED_FILE.findall(text))
    return [
        path.relative_to(TESTS).as_posix()
        for path in sorted(TESTS.rglob("test_*.py"))
        if path.relative_to(TESTS).as_posix() not in named
    ]


def test_the_map_has_a_row_for_every_module() -> None:
    """tests/README.md says which tests cover each module of the integration."""
    assert _unmapped(TEST_MAP.read_text(encoding="utf-8"), _modules_to_map()) == []


def test_the_map_names_only_files_that_exist() -> None:
    """No row of tests/README.md points at a test file or module that was renamed or removed."""
    assert _missing_files(TEST_MAP.read_text(encoding="utf-8")) == []


def test_the_map_names_every_test_file() -> None:
    """Each test file appears in tests/README.md: under a module, or for what it guards."""
    assert _unnamed_tests(TEST_MAP.read_text(encoding="utf-8")) == []


def test_the_map_check_sees_a_gap_and_a_stale_name(tmp_path: Path) -> None:
    """A module without a row, a test file that does not exist and code in an `__init__` count."""
    text = (
        "| `coordinator.py` | polls | `test_init.py` |\n"
        "| `entity.py`, `sensor.py` | entities | `test_gone.py` |\n"
    )
    assert _unmapped(text, ["coordinator.py", "entity.py", "sensor.py"]) == [
        "entity.py",
        "sensor.py",
    ]
    assert _missing_files(text) == ["test_gone.py"]
    assert "test_layers.py" in _unnamed_tests(text)
    assert "__init__.py" in _modules_to_map()
    assert "model/__init__.py" not in _modules_to_map()
    assert "blink/signed_in/rest.py" in _modules_to_map()
    package = tmp_path / "__init__.py"
    package.write_text('"""Doc."""\n\nfrom .a import b\n\n__all__ = ["b"]\n', "utf-8")
    assert _only_reexports(package)
    package.write_text(
        '"""Doc."""\n\nfrom .a import b\n\n\ndef c() -> None: ...\n', "utf-8"
    )
    assert not _only_reexports(package)
