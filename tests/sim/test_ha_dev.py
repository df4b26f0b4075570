"""blink_sim.ha_dev: Blink Health's session factory sent to the simulator, and back."""

from pathlib import Path
import sys

import pytest

from blink_sim import ha_dev
from blink_sim.server import LoopbackResolver
import custom_components.blink_health as package
from custom_components.blink_health.blink import session as session_module

REPO = Path(__file__).resolve().parents[2]


async def test_sessions_to_simulator_patches_every_reference() -> None:
    """Inside, every imported reference makes loopback sessions; after, the original is back."""
    original = session_module.create_blink_session
    holders = [
        module
        for name, module in sys.modules.items()
        if name.startswith(ha_dev.PACKAGE)
        and getattr(module, ha_dev.FACTORY, None) is original
    ]
    assert package in holders  # the package's __init__ imported it by name
    with ha_dev.sessions_to_simulator(4321) as made:
        for module in holders:
            assert getattr(module, ha_dev.FACTORY) is not original
        # A module imported while patched binds the replacement...
        late = type(sys)("custom_components.blink_health._late_test_module")
        late.create_blink_session = session_module.create_blink_session
        sys.modules[late.__name__] = late
        session = package.create_blink_session(None)
        try:
            assert made == [session.connector]
            resolver = session.connector._resolver
            assert isinstance(resolver, LoopbackResolver)
            assert (await resolver.resolve("api.oauth.blink.com"))[0]["port"] == 4321
            # Let go of as Blink Health does: the connector stays for its owner to close.
            session.detach()
            assert not made[0].closed
        finally:
            await made[0].close()
    try:
        # ...and is put back too on the way out.
        assert late.create_blink_session is original
        assert all(getattr(m, ha_dev.FACTORY) is original for m in holders)
    finally:
        del sys.modules[late.__name__]


def test_prepare_refuses_another_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Home Assistant reuses the imported module: one not under CONFIG is refused."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    with pytest.raises(RuntimeError, match="not from"):
        ha_dev.prepare(4321, REPO / "config")
    assert session_module.create_blink_session.__module__ == session_module.__name__


def test_prepare_patches_the_loaded_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loaded from CONFIG/custom_components (here: the repository), the factory is replaced."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    undo = ha_dev.prepare(4321, REPO)
    try:
        assert session_module.create_blink_session.__module__ == ha_dev.__name__
    finally:
        undo()
    assert session_module.create_blink_session.__module__ == session_module.__name__


def test_main_runs_home_assistant_with_the_other_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The launcher takes its own options and hands the rest to Home Assistant's main()."""
    calls: list[tuple[int, Path]] = []
    monkeypatch.setattr(
        ha_dev, "prepare", lambda port, config: calls.append((port, config)) or None
    )
    seen: list[list[str]] = []

    def fake_main() -> int:
        """Record Home Assistant's arguments."""
        seen.append(list(sys.argv))
        return 7

    monkeypatch.setattr("homeassistant.__main__.main", fake_main)
    monkeypatch.setattr(sys, "argv", ["x"])
    assert ha_dev.main(["--simulator-port", "9999", "-c", "cfg", "--skip-pip"]) == 7
    assert calls == [(9999, Path("cfg"))]
    assert seen == [["hass", "-c", "cfg", "--skip-pip"]]
