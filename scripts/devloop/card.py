"""The Blink Health card in a real browser: a dashboard holding it, opened in headless Chromium.

scripts/develop creates the dashboard (`/blink-health`, one panel view with the card) through Home
Assistant's websocket API (announce_dashboard). With --check, the card step of
scripts/devloop/checks.py runs `run_card_step`, which checks, in headless Chromium (Playwright
driving Debian's chromium, never a downloaded browser):

- every camera with its cause in the owner's language, errors before warnings, then by the LED
  doctor's precedence, and Blink's own words where it reports an issue; named as in Blink (never
  `blink`'s "blink Driveway") and tied to its Blink Health entry, on whichever device it sits;
  with its model's name (on `blink`'s devices too, from last_known, never Blink's raw type);
- every battery camera's forecast day (its sensor's, in words), no Mini's, and the batteries due
  soon as `batteries_due_soon` lists them (matched by device), healthy and in an outage;
- the cold hint where the likely cause notes cold (the demo's Patio, -5 °C), in the owner's unit;
  a weak signal's weak link (Wi-Fi, the Sync Module's, both) with its fix;
- local storage: nothing said of a working one (the demo's Home); then the simulator's Home
  Sync Module reports its drive full and two polls are asked for: the card warns, in the warning
  colour, with the state, the first fix and "Open the repair", which opens that repair; the
  contrast is measured with the warning shown; storage working again, the warning goes (not with
  `--with-blink`, as for the outage);
- each light's animation and its text alternative; buttons that fit the problem ("batteries
  replaced" only first for a battery cause, never on another problem) and lines that say they open;
- "what do I see?" starting at the light Blink Health believes, with an answer;
- that opening a camera's details and focusing a button survive an update of hass;
- new batteries recorded from a fine camera's details;
- text contrast of at least 4.5:1 (WCAG AA), light and dark, healthy and in an outage;
- an outage: the simulator's `rate_limited` fault on and a poll asked for, the card says why and
  since when, greys every camera's last known verdict with its time and never says all is well,
  and keeps every battery forecast as it was;
  then the fault off, and the card recovers;
- the visual editor: the card's form with the camera picker;
- "open the repair": the repairs page with that camera's repair open;
- and that the page requested nothing outside Home Assistant.

It prints one line per finding (`card: ...`). Against a running scripts/develop (the token is in
config/dev-token): `scripts/card`, and `scripts/card --screenshots docs` to retake the README's
screenshots (light and dark, phone and wide, healthy and in an outage).
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
from pathlib import Path
import sys

import aiohttp
from playwright.async_api import (
    Browser,
    Error as PlaywrightError,
    Page,
    async_playwright,
)

from .card_checks import (
    CardReport,
    HomeAssistant,
    blink_mode,
    check_animations,
    check_batteries,
    check_cameras,
    check_contrast,
    check_editor,
    check_explain,
    check_named_cameras,
    check_outage,
    check_recovery,
    check_repair,
    check_rows_open,
    check_survives_update,
)
from .card_forecast import (
    check_blink_devices,
    check_due_list,
    check_forecast_after_change,
    check_forecasts,
    check_forecasts_kept,
)
from .card_page import (
    CARD,
    CardCheckError,
    chromium_path,
    explain_first,
    open_page,
    read_card,
    wait_for_card,
    wait_until,
)
from .card_readings import (
    FULL,
    check_cold,
    check_models,
    check_storage_repair,
    check_storage_shown,
    check_storage_stopped,
    check_weak_links,
    set_sync_module,
    storage_states,
    wait_storage_back,
    working_storage,
)
from .client import DevelopError, HomeAssistantClient

REPO = Path(__file__).resolve().parents[2]
DASHBOARD = "blink-health"
VIEW = "cameras"
SOME_VIEW = "some"
SOME_CAMERAS = ["Patio", "Kitchen", "Garage"]
DASHBOARD_CONFIG = {
    "title": "Blink Health",
    "views": [
        {
            "title": "Blink Health",
            "path": VIEW,
            "icon": "mdi:cctv",
            "panel": True,
            "cards": [{"type": f"custom:{CARD}"}],
        },
        # Cameras named in the card's settings, one of them a name no camera has.
        {
            "title": "Some cameras",
            "path": SOME_VIEW,
            "icon": "mdi:cctv-off",
            "panel": True,
            "cards": [{"type": f"custom:{CARD}", "cameras": SOME_CAMERAS}],
        },
    ],
}
# (name, width, height): a phone held upright, and a desktop browser.
SCREENS = (("phone", 390, 844), ("wide", 1280, 900))
SCHEMES = ("light", "dark")
# The fault that stands for an outage: Blink answers 429 to every request.
OUTAGE_FAULT = "rate_limited"
# Home Assistant runs one refresh asked for within 10 s of the last (its debouncer's cooldown).
REFRESH_COOLDOWN_S = 11


async def create_dashboard(client: HomeAssistantClient) -> str:
    """Create (or update) the dashboard holding the card; return its path."""
    (dashboards,) = await client.ws({"type": "lovelace/dashboards/list"})
    if DASHBOARD not in {dashboard["url_path"] for dashboard in dashboards}:
        await client.ws(
            {
                "type": "lovelace/dashboards/create",
                "url_path": DASHBOARD,
                "title": "Blink Health",
                "icon": "mdi:cctv",
                "show_in_sidebar": True,
                "require_admin": False,
                "mode": "storage",
            }
        )
    await client.ws(
        {
            "type": "lovelace/config/save",
            "url_path": DASHBOARD,
            "config": DASHBOARD_CONFIG,
        }
    )
    return f"/{DASHBOARD}/{VIEW}"


async def set_fault(simulator: str, name: str, *, on: bool) -> None:
    """Switch a fault of the simulated Blink cloud through its control API (as scripts/sim does)."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"https://{simulator}/_sim/fault/{name}", json={"on": on}, ssl=False
        ) as response,
    ):
        if response.status >= 400:
            raise CardCheckError(
                f"the simulator refused fault {name}: HTTP {response.status}"
            )


@dataclass(slots=True)
class Browsing:
    """One run of the check: the browser, Home Assistant, the card's page and the report."""

    browser: Browser
    ha: HomeAssistant
    report: CardReport
    ha_url: str
    token: str
    path: str

    async def card_page(
        self,
        scheme: str = "light",
        width: int = 390,
        height: int = 844,
        path: str | None = None,
    ) -> Page:
        """Open the dashboard (or another view) and wait until the card lists its cameras."""
        page = await open_page(
            self.browser,
            self.ha_url,
            self.token,
            path or self.path,
            width=width,
            height=height,
            scheme=scheme,
            watch=self.report.watch,
        )
        await wait_for_card(page)
        if path is None:
            await wait_until(
                page, lambda card: len(card["cameras"]) >= len(self.ha.cameras)
            )
        return page


async def check_card(
    ha_url: str,
    token: str,
    *,
    expected_names: list[str] | None = None,
    screenshots: Path | None = None,
    simulator: str | None = None,
) -> CardReport:
    """Open the card in headless Chromium and check it; take screenshots when asked."""
    report = CardReport()
    async with aiohttp.ClientSession() as session:
        client = HomeAssistantClient(session, ha_url.rstrip("/"))
        client.token = token
        try:
            path = await create_dashboard(client)
            ha = HomeAssistant(client, simulator)
            await ha.load()
        except DevelopError as err:
            raise CardCheckError(str(err)) from err
        known = {camera.name for camera in ha.cameras}
        for name in expected_names or []:
            if name not in known:
                report.wrong(f"{name} is not a Blink Health camera in Home Assistant")
        async with async_playwright() as playwright:
            try:
                browser = await playwright.chromium.launch(
                    executable_path=chromium_path(),
                    headless=True,
                    args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
                )
            except PlaywrightError as err:
                raise CardCheckError(f"chromium did not start: {err}") from err
            run = Browsing(browser, ha, report, client.url, token, path)
            try:
                await _check(run, screenshots, simulator)
            finally:
                await browser.close()
    return report


async def _check(
    run: Browsing, screenshots: Path | None, simulator: str | None
) -> None:
    """Every check, in an order that leaves each what it needs (the repair leaves the page)."""
    page = await run.card_page()
    await check_cameras(page, run.ha, run.report)
    await check_blink_devices(page, run.ha, run.report)
    await check_forecasts(page, run.ha, run.report)
    await check_due_list(page, run.ha, run.report)
    await check_models(page, run.ha, run.report)
    await check_cold(page, run.ha, run.report)
    await check_weak_links(page, run.ha, run.report)
    await check_storage_shown(page, run.ha, run.report)
    await check_animations(page, run.report)
    await check_rows_open(page, run.report)
    await check_explain(page, run.report)
    await check_survives_update(page, run.ha, run.report)
    # "What do I see?" and a camera's details are open: every kind of text is on the card.
    await check_contrast(page, run.report, "light")
    recorded = await check_batteries(page, run.ha, run.report)
    if recorded:
        await check_forecast_after_change(page, run.ha, run.report, recorded)
    # What the check saw, for when it fails (config/ is git-ignored).
    await page.screenshot(path=str(REPO / "config" / "card-check.png"), full_page=True)
    await _dark_contrast(run, "dark")
    if screenshots is not None:
        await _screenshots(run, screenshots, "")
    if simulator is not None:
        await _outage(run, page, simulator, screenshots)
        await _storage_stopped(run, page, simulator)
    named = await run.card_page(path=f"/{DASHBOARD}/{SOME_VIEW}")
    await check_named_cameras(named, run.ha, run.report, SOME_CAMERAS)
    await named.context.close()
    editor = await open_page(
        run.browser,
        run.ha_url,
        run.token,
        f"{run.path}?edit=1",
        width=1280,
        height=900,
        scheme="light",
        watch=run.report.watch,
    )
    await wait_for_card(editor)
    await check_editor(editor, run.ha, run.report)
    await editor.context.close()
    on_blink = frozenset(c.name for c in run.ha.cameras if not c.own_device)
    await check_repair(page, run.report, on_blink)
    await page.context.close()


async def _dark_contrast(run: Browsing, what: str) -> None:
    """Measure the contrast in the dark theme, with "what do I see?" and a camera opened."""
    page = await run.card_page("dark")
    if what == "dark":
        await explain_first(page)
        await page.locator(f'{CARD} .row [data-action="toggle"]').first.click()
    else:
        await wait_until(page, lambda card: card["outage"] is not None)
    await check_contrast(page, run.report, what)
    await page.context.close()


async def _outage(
    run: Browsing, page: Page, simulator: str, screenshots: Path | None
) -> None:
    """Blink answers nothing but 429 for a poll: the card shows the outage, then recovers."""
    if await blink_mode(run.ha) == "blink_integration":
        # Blink Health then reads the Blink integration's refresh, which blinkpy makes at most
        # once per 300 s: no poll can be asked for, so no outage can be made in the time box.
        run.report.saw(
            "outage: not checked on the Blink integration's session (its refresh, which "
            "blinkpy throttles to one in 300 s, cannot be asked for)"
        )
        return
    before = await read_card(page)
    due = await check_due_list(page, run.ha, run.report)
    await set_fault(simulator, OUTAGE_FAULT, on=True)
    try:
        await run.ha.poll()
        if await check_outage(page, run.ha, run.report, before):
            check_forecasts_kept(await read_card(page), before, run.report)
            if await check_due_list(page, run.ha, run.report, "outage") != due:
                run.report.wrong(f"outage: batteries_due_soon changed from {due}")
            await check_contrast(page, run.report, "light, outage")
            await _dark_contrast(run, "dark, outage")
            if screenshots is not None:
                await _screenshots(run, screenshots, "-outage")
    finally:
        await set_fault(simulator, OUTAGE_FAULT, on=False)
        await run.ha.poll()
    await check_recovery(page, run.report, before)


async def _storage_stopped(run: Browsing, page: Page, simulator: str) -> None:
    """Fill a Sync Module's drive: the card warns, with its repair; then storage works again."""
    if await blink_mode(run.ha) == "blink_integration":
        run.report.saw(
            "local storage stopped: not checked on the Blink integration's session (its "
            "refresh, which blinkpy throttles to one in 300 s, cannot be asked for)"
        )
        return
    module = working_storage(run.ha, await storage_states(run.ha))
    if module is None:
        run.report.saw(
            "local storage stopped: no Sync Module's storage works, not checked"
        )
        return
    await set_sync_module(simulator, module.serial, local_storage_status=FULL)
    try:
        # The card warns from the first poll; the repair stands from the second, which Home
        # Assistant's refresh debouncer lets through 10 s after the first at the earliest.
        await run.ha.poll()
        await wait_until(
            page,
            lambda card: any(n["device"] == module.device for n in card["storage"]),
        )
        await asyncio.sleep(REFRESH_COOLDOWN_S)
        await run.ha.poll()
        if await check_storage_stopped(page, run.ha, run.report, module):
            await check_contrast(page, run.report, "light, storage stopped")
            dark = await run.card_page("dark")
            await wait_until(dark, lambda card: bool(card["storage"]))
            await check_contrast(dark, run.report, "dark, storage stopped")
            await dark.context.close()
            repair = await run.card_page()
            await wait_until(
                repair, lambda card: any(n["repair"] for n in card["storage"])
            )
            await check_storage_repair(repair, run.report, module)
            await repair.context.close()
    finally:
        await set_sync_module(simulator, module.serial, local_storage_status="active")
        await run.ha.poll()
    await wait_storage_back(page, run.ha, run.report, module)


async def _screenshots(run: Browsing, folder: Path, suffix: str) -> None:
    """Save the card light and dark, on a phone and a wide screen (wide: an answer open)."""
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    for scheme in SCHEMES:
        for screen, width, height in SCREENS:
            page = await run.card_page(scheme, width, height)
            if suffix:
                await wait_until(page, lambda card: card["outage"] is not None)
            elif screen == "wide":
                await explain_first(page)
            await _fit_card(page, width)
            target = folder / f"card{suffix}-{screen}-{scheme}.png"
            await page.locator(CARD).screenshot(path=str(target), animations="disabled")
            shown = target.relative_to(REPO) if target.is_relative_to(REPO) else target
            print(f"  screenshot: {shown}")
            await page.context.close()


async def _fit_card(page: Page, width: int) -> None:
    """Make the window tall enough for the whole card, so the fixed header hides none of it."""
    box = await page.locator(CARD).bounding_box()
    if box is not None:
        await page.set_viewport_size(
            {"width": width, "height": int(box["y"] + box["height"] + 24)}
        )
    await page.evaluate("window.scrollTo(0, 0)")
    await page.wait_for_timeout(500)


async def run_card_step(
    ha_url: str,
    token: str,
    *,
    expected_names: list[str] | None = None,
    screenshots: Path | None = None,
    simulator: str | None = None,
) -> list[str]:
    """Check the card in the browser (creating its dashboard), print what it saw; return failures."""
    try:
        report = await check_card(
            ha_url,
            token,
            expected_names=expected_names,
            screenshots=screenshots,
            simulator=simulator,
        )
    except (CardCheckError, PlaywrightError, aiohttp.ClientError, DevelopError) as err:
        return [f"card check: {err}"]
    for line in report.findings:
        print(f"card: {line}")
    return report.failures()


async def announce_dashboard(ha_url: str, token: str) -> None:
    """Create the dashboard holding the card (scripts/develop) and say where it is."""
    async with aiohttp.ClientSession() as session:
        client = HomeAssistantClient(session, ha_url.rstrip("/"))
        client.token = token
        try:
            path = await create_dashboard(client)
        except (DevelopError, aiohttp.ClientError) as err:
            print(
                f"  (could not create the dashboard with the Blink Health card: {err})"
            )
            return
    print(f"  The Blink Health card: {ha_url.rstrip('/')}{path}")


def main() -> int:
    """Check the card of a running scripts/develop; take screenshots when asked."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ha", default="http://127.0.0.1:8123")
    parser.add_argument("--token-file", default=str(REPO / "config" / "dev-token"))
    parser.add_argument("--screenshots", type=Path, default=None)
    parser.add_argument(
        "--simulator",
        default="127.0.0.1:8443",
        help="the simulated Blink cloud, for the outage (scripts/develop's --port)",
    )
    args = parser.parse_args()
    token = Path(args.token_file).read_text(encoding="utf-8").strip()
    failures = asyncio.run(
        run_card_step(
            args.ha, token, screenshots=args.screenshots, simulator=args.simulator
        )
    )
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
