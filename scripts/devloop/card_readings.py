"""What the card check asserts of the readings: models, the cold, the weak link, local storage.

Each reads the page (card_page.py) and Home Assistant (card_checks.HomeAssistant), and notes in the
report what it saw and what is wrong.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from playwright.async_api import Page

from custom_components.blink_health.model.storage import STOPPED, LocalStorage
from custom_components.blink_health.repairs.issues import WEAK_LINKS
from custom_components.blink_health.repairs.storage import LOCAL_STORAGE

from .card_checks import CardReport, HomeAssistant, SyncModule
from .card_forecast import filled
from .card_page import CARD, CardCheckError, opened_repair, read_card, wait_until

# The likely cause's evidence of cold at a battery camera, in °C (diagnosis/engine.py).
COLD_FACT = "cold_temperature_c="
WEAK_SIGNAL = "weak_wifi"
STOPPED_STATES = frozenset(state.value for state in STOPPED)
# The stopped state the check makes: Blink's status word for a full drive.
FULL = LocalStorage.FULL.value


async def check_models(page: Page, ha: HomeAssistant, report: CardReport) -> None:
    """Check each camera's model name: on `blink`'s devices too (never Blink's raw type)."""
    shown: list[str] = []
    for camera in ha.cameras:
        if not camera.model:
            continue
        entry = page.locator(f'{CARD} [data-camera="{camera.name}"]')
        if not await entry.count():
            continue  # check_cameras says so
        toggle = entry.locator('[data-action="toggle"][aria-expanded="false"]')
        opened = bool(await toggle.count())
        if opened:
            await toggle.click()
        meta = entry.locator(".meta").first
        text = (await meta.inner_text()).strip() if await meta.count() else ""
        if opened:
            await entry.locator('[data-action="toggle"]').click()
        model = text.split(" · ")[0]
        where = "own device" if camera.own_device else "blink's device"
        shown.append(f"{camera.name}: {model or '-'} ({where})")
        if model != camera.model:
            report.wrong(
                f"{camera.name} ({where}): the card shows the model {model!r}, "
                f"expected {camera.model!r}"
            )
    report.saw("models: " + ", ".join(shown))


async def check_cold(page: Page, ha: HomeAssistant, report: CardReport) -> None:
    """Check the cold hint: where the likely cause notes cold, in the owner's unit."""
    card = await read_card(page)
    shown = {camera["name"]: camera for camera in card["cameras"]}
    (config,) = await ha.client.ws({"type": "get_config"})
    unit = str(((config or {}).get("unit_system") or {}).get("temperature") or "°C")
    for camera in ha.cameras:
        entry = shown.get(camera.name)
        if entry is None:
            continue
        fact = next((e for e in camera.evidence if e.startswith(COLD_FACT)), None)
        cold = entry["cold"]
        if fact is None:
            if cold:
                report.wrong(
                    f"{camera.name}: a cold hint without cold: {cold['text']!r}"
                )
            continue
        celsius = float(fact.removeprefix(COLD_FACT))
        value = celsius * 9 / 5 + 32 if unit == "°F" else celsius
        expected = filled(ha.label("cold"), {"temperature": f"{value:.0f} {unit}"})
        report.saw(
            f"{camera.name}: {fact}; the card: {cold['text'] if cold else '-'!r}"
        )
        if cold is None or cold["celsius"] != celsius or cold["text"] != expected:
            report.wrong(
                f"{camera.name}: the cold hint is {cold}, expected {expected!r}"
            )


async def check_weak_links(page: Page, ha: HomeAssistant, report: CardReport) -> None:
    """Check that a weak signal names its weak link (Wi-Fi, the Sync Module's, both)."""
    card = await read_card(page)
    shown = {camera["name"]: camera for camera in card["cameras"]}
    links = {fix.value: link for fix, link in WEAK_LINKS.items()}
    for camera in ha.cameras:
        entry = shown.get(camera.name)
        if entry is None or not entry["tile"]:
            continue
        link = links.get(camera.fixes[0]) if camera.fixes else None
        expected = link if camera.cause == WEAK_SIGNAL else None
        seen = entry["weakLink"]
        if expected is None:
            if seen:
                report.wrong(
                    f"{camera.name} ({camera.cause}): names a weak link: {seen}"
                )
            continue
        text = ha.label(f"weak_link_{expected}")
        report.saw(
            f"{camera.name}: weak {expected}; the card: {seen['text'] if seen else '-'!r}"
        )
        if seen is None or seen["link"] != expected or seen["text"] != text:
            report.wrong(f"{camera.name}: the weak link is {seen}, expected {text!r}")


async def storage_states(ha: HomeAssistant) -> dict[str, dict[str, Any]]:
    """Return each Sync Module's local storage sensor state, by device."""
    return {
        module.device: await ha.state(module.storage_entity)
        for module in ha.sync_modules
    }


async def check_storage_shown(
    page: Page, ha: HomeAssistant, report: CardReport
) -> None:
    """Check that the card warns of a local storage that worked and stopped, of no other."""
    states = await storage_states(ha)
    card = await read_card(page)
    notices = {notice["device"]: notice for notice in card["storage"]}
    for module in ha.sync_modules:
        state = states[module.device]
        stopped = state.get("state") in STOPPED_STATES and (
            (state.get("attributes") or {}).get("worked") is True
        )
        notice = notices.get(module.device)
        report.saw(
            f"{module.name}: local storage {state.get('state')}; the card "
            + (f"warns: {notice['title']!r}" if notice else "says nothing")
        )
        if stopped != (notice is not None):
            report.wrong(
                f"{module.name}: local storage {state.get('state')} "
                f"(worked: {(state.get('attributes') or {}).get('worked')}), card: {notice}"
            )


async def set_sync_module(simulator: str, serial: str, **fields: Any) -> None:
    """Change a Sync Module of the simulated Blink cloud through its control API."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"https://{simulator}/_sim/sync_module/{serial}", json=fields, ssl=False
        ) as response,
    ):
        if response.status >= 400:
            raise CardCheckError(
                f"the simulator refused to change {serial}: HTTP {response.status}"
            )


def working_storage(
    ha: HomeAssistant, states: dict[str, dict[str, Any]]
) -> SyncModule | None:
    """Return a Sync Module whose local storage is working (the demo's Home), if any."""
    return next(
        (
            module
            for module in ha.sync_modules
            if states[module.device].get("state") == LocalStorage.ACTIVE.value
        ),
        None,
    )


async def check_storage_stopped(
    page: Page, ha: HomeAssistant, report: CardReport, module: SyncModule
) -> dict[str, Any] | None:
    """Check that with the module's drive full the card warns, in the warning colour, with its repair.

    Return the warning as the card shows it, once its repair is linked; None when it never was.
    """
    card = await wait_until(
        page,
        lambda card: any(
            n["device"] == module.device and n["repair"] for n in card["storage"]
        ),
        seconds=45,
    )
    notice = next((n for n in card["storage"] if n["device"] == module.device), None)
    state = ha.text(f"entity.sensor.local_storage.state.{FULL}")
    expected = filled(
        ha.label("storage_stopped"), {"sync_module": module.name, "state": state}
    )
    report.saw(
        f"{module.name}'s drive full: "
        + (
            f"{notice['text']!r}, warning colour {notice['warning']}, repair "
            f"{notice['repair'] or '-'}"
            if notice
            else "the card says nothing"
        )
    )
    issue = f"{LOCAL_STORAGE}_{module.device}"
    if notice is None:
        report.wrong(f"{module.name}'s drive full: the card does not warn")
        return None
    fix = ha.text(f"selector.local_storage_fix.options.{FULL}")
    if (
        notice["state"] != FULL
        or notice["title"] != expected
        or fix not in notice["text"]
    ):
        report.wrong(
            f"{module.name}'s drive full: the card says {notice['text']!r}, "
            f"expected {expected!r} and {fix!r}"
        )
    if not notice["warning"]:
        report.wrong(f"{module.name}'s drive full: not in the warning colour")
    if notice["repair"] != issue:
        report.wrong(
            f"{module.name}'s drive full: the repair link is {notice['repair']!r}"
        )
        return None
    return notice


async def check_storage_repair(
    page: Page, report: CardReport, module: SyncModule
) -> None:
    """Check that the warning's "Open the repair" opens the Sync Module's storage repair."""
    issue = f"{LOCAL_STORAGE}_{module.device}"
    button = page.locator(
        f'{CARD} [data-storage] [data-action="repair"][data-issue="{issue}"]'
    )
    await button.click()
    await page.wait_for_url("**/config/repairs", timeout=15_000)
    opened = await opened_repair(page)
    report.saw(
        f'"open the repair" for {module.name}\'s storage: '
        f"{opened['title'] or 'no dialog'} ({opened['issue'] or '-'})"
    )
    if opened["issue"] != issue or module.name not in opened["title"]:
        report.wrong(
            f'"open the repair" for {module.name}\'s local storage did not open {issue}: '
            f"{opened}"
        )


async def wait_storage_back(
    page: Page, ha: HomeAssistant, report: CardReport, module: SyncModule
) -> None:
    """Check that the card's warning goes once the storage works again."""
    card = await wait_until(
        page,
        lambda card: all(n["device"] != module.device for n in card["storage"]),
        seconds=45,
    )
    state = (await ha.state(module.storage_entity)).get("state")
    report.saw(f"{module.name}'s storage back ({state}): the card's warning is gone")
    if any(n["device"] == module.device for n in card["storage"]):
        report.wrong(
            f"{module.name}'s storage works again ({state}), the card still warns"
        )
