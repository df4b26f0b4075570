"""The layers hold: each package imports only what its layer may know.

`blink/` alone knows blinkpy and Blink's wire format; the model, the diagnosis engine and the
forecast are pure (no Home Assistant, no blinkpy, nothing of the layers above them); nothing an
owner installs can reach the simulated Blink cloud.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "custom_components" / "blink_health"
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
