"""Run Home Assistant (or a test) with Blink Health's sessions sent to the simulator on loopback.

Blink Health makes every aiohttp session through
`custom_components.blink_health.blink.session.create_blink_session(hass)`. Here that factory is replaced
by one returning `blink_sim.server.make_session(port)`: Blink's hostnames resolve to the simulator
and its self-signed certificate is accepted. The product itself has no simulator switch.

    python -m blink_sim.ha_dev --simulator-port 8443 -c config --skip-pip

imports the integration the way Home Assistant will (from CONFIG/custom_components), patches the
factory, then runs Home Assistant's own `main()` with the remaining arguments.
"""

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
import importlib
import os
from pathlib import Path
import sys
from typing import Any

from aiohttp import BaseConnector, ClientSession, TCPConnector
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE

from blink_sim.server import make_connector, make_session

PACKAGE = "custom_components.blink_health"
SESSION_MODULE = f"{PACKAGE}.blink.session"
FACTORY = "create_blink_session"

type SessionFactory = Callable[[Any], ClientSession]


def simulator_factory(
    port: int, made: list[BaseConnector] | None = None
) -> SessionFactory:
    """Return a stand-in for create_blink_session that reaches the simulator on `port`.

    Like Home Assistant's, its sessions do not own their connector: Blink Health lets go of a
    session with `detach()`, as it must with Home Assistant's. The connectors are collected in
    `made`, for whoever runs the simulator to close; without `made` (scripts/develop) every
    session shares one connector, closed as Home Assistant stops.
    """

    shared: list[TCPConnector] = []

    def create_blink_session(hass: Any) -> ClientSession:
        """Return a session whose every Blink hostname resolves to the simulator."""
        if made is not None:
            session = make_session(port, connector_owner=False)
            if session.connector is not None:
                made.append(session.connector)
            return session
        # Home Assistant's way: one connector for every session, closed as Home Assistant stops.
        if not shared or shared[0].closed:
            connector = make_connector(port)
            shared[:] = [connector]

            async def close(_event: Any) -> None:
                """Close the connector as Home Assistant closes its own."""
                await connector.close()

            hass.bus.async_listen_once(EVENT_HOMEASSISTANT_CLOSE, close)
        return make_session(port, connector_owner=False, connector=shared[0])

    return create_blink_session


def _swap(old: object, new: object) -> None:
    """Point every reference to `old` in Blink Health's imported modules at `new`."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == PACKAGE or name.startswith(f"{PACKAGE}.")):
            continue
        for attribute, value in list(vars(module).items()):
            if value is old:
                setattr(module, attribute, new)


def install(factory: SessionFactory) -> Callable[[], None]:
    """Replace the session factory everywhere Blink Health holds it; return an undo function.

    The session module's attribute serves later `from .session import create_blink_session`
    imports; modules already imported (the package's __init__, maybe the config flow) hold their
    own reference, so every such reference in the package is replaced too. Undoing also restores
    the references of modules imported in between.
    """
    original = getattr(importlib.import_module(SESSION_MODULE), FACTORY)
    _swap(original, factory)

    def undo() -> None:
        """Put the original factory back."""
        _swap(factory, original)

    return undo


@contextmanager
def sessions_to_simulator(port: int) -> Iterator[list[BaseConnector]]:
    """Send Blink Health's sessions to the simulator while inside; yield their connectors."""
    made: list[BaseConnector] = []
    undo = install(simulator_factory(port, made))
    try:
        yield made
    finally:
        undo()


def prepare(simulator_port: int, config_dir: Path) -> Callable[[], None]:
    """Import Blink Health from CONFIG/custom_components, as Home Assistant will, and patch it.

    Home Assistant reuses the module already imported under the same name, so the patched module
    is the one it runs; one loaded from anywhere else is refused. Return the undo function.
    """
    # As Home Assistant names it (resolve() would follow the custom_components link).
    config = Path(os.path.abspath(config_dir))  # noqa: PTH100
    if str(config) not in sys.path:
        sys.path.insert(0, str(config))
    importlib.import_module(SESSION_MODULE)
    loaded = Path(str(sys.modules[PACKAGE].__file__))
    if not loaded.is_relative_to(config):
        raise RuntimeError(f"{PACKAGE} was imported from {loaded}, not from {config}")
    return install(simulator_factory(simulator_port))


CORE_BLINK_MODULES = (
    "homeassistant.components.blink",
    "homeassistant.components.blink.config_flow",
)


def send_core_blink_to_simulator(port: int) -> Callable[[], None]:
    """Point Home Assistant's own `blink` integration at the simulator too; return an undo.

    Core's blink takes Home Assistant's shared session (`async_get_clientsession`) in its set-up
    and config flow: those two references get one simulator session instead. Development only.
    """
    shared: list[ClientSession] = []

    def async_get_clientsession(
        hass: Any, *_args: Any, **_kwargs: Any
    ) -> ClientSession:
        """Return the one session that reaches the simulator."""
        if not shared or shared[0].closed:
            shared[:] = [make_session(port)]
        return shared[0]

    originals: list[tuple[Any, Any]] = []
    for name in CORE_BLINK_MODULES:
        module: Any = importlib.import_module(name)
        originals.append((module, module.async_get_clientsession))
        module.async_get_clientsession = async_get_clientsession

    def restore() -> None:
        """Give core's blink Home Assistant's shared session back."""
        for module, original in originals:
            module.async_get_clientsession = original

    return restore


def main(argv: list[str] | None = None) -> int:
    """Patch the session factory, then run Home Assistant with the other arguments."""
    parser = argparse.ArgumentParser(
        prog="python -m blink_sim.ha_dev",
        description="Home Assistant with Blink Health's sessions sent to the simulator; "
        "other arguments go to Home Assistant.",
    )
    parser.add_argument("--simulator-port", type=int, default=8443)
    parser.add_argument("-c", "--config", default="config")
    parser.add_argument(
        "--with-blink",
        action="store_true",
        help="also send Home Assistant's own blink integration to the simulator",
    )
    args, rest = parser.parse_known_args(argv)
    prepare(args.simulator_port, Path(args.config))
    if args.with_blink:
        send_core_blink_to_simulator(args.simulator_port)
    from homeassistant.__main__ import main as hass_main  # noqa: PLC0415

    sys.argv = ["hass", "-c", args.config, *rest]
    return hass_main()


if __name__ == "__main__":
    sys.exit(main())
