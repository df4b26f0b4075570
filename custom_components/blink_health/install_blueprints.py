"""Copy the automation blueprints shipped with Blink Health into Home Assistant's blueprint folder.

Only missing files are copied: an owner's edited copy is never overwritten, and a deleted one comes
back at the next set-up. The file I/O runs in the executor, never in the event loop. Home Assistant
loads automations before Blink Health (an after-dependency), so automations made from a blueprint
that was just copied failed to load: they are reloaded once it is there, on the first start too.
"""

from __future__ import annotations

from pathlib import Path

from homeassistant.core import HomeAssistant

from .const import DOMAIN, LOGGER

SHIPPED_BLUEPRINTS = Path(__file__).parent / "blueprints"


def blueprint_folder(hass: HomeAssistant) -> Path:
    """Return where Home Assistant looks for Blink Health's automation blueprints."""
    return Path(hass.config.path("blueprints", "automation", DOMAIN))


async def async_install_blueprints(hass: HomeAssistant) -> list[str]:
    """Copy every shipped blueprint that is missing; return the names of those copied."""
    target = blueprint_folder(hass)
    try:
        copied = await hass.async_add_executor_job(_copy_missing, target)
    except OSError as err:
        LOGGER.warning(
            "Could not copy Blink Health's blueprints to %s: %s", target, err
        )
        return []
    if copied:
        LOGGER.info(
            "Added Blink Health blueprints to %s: %s", target, ", ".join(copied)
        )
        await _async_reload_automations(hass)
    return copied


async def _async_reload_automations(hass: HomeAssistant) -> None:
    """Load the automations again, for those made from a blueprint just copied.

    A failing reload (an automation of the owner's that does not load) never stops Blink Health.
    """
    if not hass.services.has_service("automation", "reload"):
        return
    try:
        await hass.services.async_call("automation", "reload", blocking=True)
    except Exception as err:  # noqa: BLE001 - the owner's configuration, not Blink Health's
        LOGGER.warning(
            "Could not reload the automations after adding blueprints: %s", err
        )


def _copy_missing(target: Path) -> list[str]:
    """Copy the shipped blueprints absent from `target`; never replace an existing file."""
    target.mkdir(parents=True, exist_ok=True)
    copied: list[str] = []
    for source in sorted(SHIPPED_BLUEPRINTS.glob("*.yaml")):
        try:
            # "x" fails if the file appeared meanwhile: an owner's copy always wins.
            with (target / source.name).open("xb") as destination:
                destination.write(source.read_bytes())
        except FileExistsError:
            continue
        copied.append(source.name)
    return copied
