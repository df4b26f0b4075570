"""The Blink Health card in a real browser: a dashboard holding it, opened in headless Chromium.

scripts/develop creates the dashboard (`/blink-health`, one panel view with the card) through
Home Assistant's websocket API (announce_dashboard). With --check, the card step of
scripts/devloop/checks.py (check_card_step) opens it in headless Chromium (Playwright driving
Debian's chromium, never a downloaded browser), reads every camera's name and cause from the
rendered card, checks each light's animation, asks "what do I see?" for one camera and records new
batteries for another, and fails unless every camera appears with its cause in the owner's
language and nothing was requested outside Home Assistant. It prints one line per camera:
`card: <camera name>: <cause as the card shows it>`.

Against a running scripts/develop (the token is in config/dev-token): `scripts/card`, and
`scripts/card --screenshots docs` for the README's screenshots, light and dark, phone and wide.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass, field
import json
import os
from pathlib import Path
import shutil
import sys
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
from playwright.async_api import (
    Browser,
    Error as PlaywrightError,
    Page,
    async_playwright,
)

from scripts.devloop.client import DevelopError, HomeAssistantClient

if TYPE_CHECKING:
    from scripts.devloop.checks import CheckContext

REPO = Path(__file__).resolve().parent.parent
DOMAIN = "blink_health"
DASHBOARD = "blink-health"
VIEW = "cameras"
CARD = "blink-health-card"
# Where Blink Health serves the card's modules (then a hash, then the file), in its errors' stacks.
CARD_URL_PATH = f"/{DOMAIN}/card/"
DASHBOARD_CONFIG: dict[str, Any] = {
    "title": "Blink Health",
    "views": [
        {
            "title": "Blink Health",
            "path": VIEW,
            "icon": "mdi:cctv",
            "panel": True,
            "cards": [{"type": f"custom:{CARD}"}],
        }
    ],
}
# (name, width, height): a phone held upright, and a desktop browser.
SCREENS = (("phone", 390, 844), ("wide", 1280, 900))
SCHEMES = ("light", "dark")
RENDER_TIMEOUT_MS = 45_000
# The CSS animation each light runs (the steady ones run none).
LED_ANIMATIONS: dict[str, list[str]] = {
    "blinking_blue": ["blink"],
    "blinking_red": ["blink"],
    "red_while_recording": ["blink"],
    "red_six_flashes": ["six-flashes"],
}


class CardCheckError(Exception):
    """The card could not be checked (no browser, no dashboard); the message says why."""


@dataclass(slots=True)
class CardCamera:
    """A camera as Home Assistant knows it, and as the card shows it."""

    name: str
    cause: str
    expected_text: str
    shown_text: str | None = None


@dataclass(slots=True)
class CardReport:
    """What the browser saw."""

    cameras: list[CardCamera]
    explained: str = ""
    batteries: str = ""
    repairs: str = ""
    animations: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    outside_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def failures(self) -> list[str]:
        """Return what is wrong, one line each; empty when the card is right."""
        problems = [
            f"{camera.name} is not in the card"
            if camera.shown_text is None
            else f"{camera.name}: the card shows {camera.shown_text!r}, "
            f"Home Assistant says {camera.expected_text!r}"
            for camera in self.cameras
            if camera.shown_text != camera.expected_text
        ]
        if not self.explained:
            problems.append('"what do I see?" showed no answer')
        if not self.batteries:
            problems.append('"batteries replaced" recorded nothing')
        if not self.repairs.startswith("/config/repairs"):
            problems.append(f'"open the repair" failed: {self.repairs or "no button"}')
        problems += [
            f"{name}: the {led} light animates as {names or 'steady'}, expected "
            f"{LED_ANIMATIONS.get(led) or 'steady'}"
            for name, (led, names) in self.animations.items()
            if names != LED_ANIMATIONS.get(led, [])
        ]
        problems += [
            f"request outside Home Assistant: {url}" for url in self.outside_requests
        ]
        problems += [f"error in the page: {error}" for error in self.page_errors]
        return problems


async def _ws(
    session: aiohttp.ClientSession, ha_url: str, token: str, *messages: dict[str, Any]
) -> list[Any]:
    """Send websocket commands in order through the dev loop's client; return their results."""
    client = HomeAssistantClient(session, ha_url)
    client.token = token
    try:
        return await client.ws(*messages)
    except DevelopError as err:
        raise CardCheckError(str(err)) from err


async def create_dashboard(ha_url: str, token: str) -> str:
    """Create (or update) the dashboard holding the card; return its path."""
    async with aiohttp.ClientSession() as session:
        (dashboards,) = await _ws(
            session, ha_url, token, {"type": "lovelace/dashboards/list"}
        )
        if DASHBOARD not in {dashboard["url_path"] for dashboard in dashboards}:
            await _ws(
                session,
                ha_url,
                token,
                {
                    "type": "lovelace/dashboards/create",
                    "url_path": DASHBOARD,
                    "title": "Blink Health",
                    "icon": "mdi:cctv",
                    "show_in_sidebar": True,
                    "require_admin": False,
                    "mode": "storage",
                },
            )
        await _ws(
            session,
            ha_url,
            token,
            {
                "type": "lovelace/config/save",
                "url_path": DASHBOARD,
                "config": DASHBOARD_CONFIG,
            },
        )
    return f"/{DASHBOARD}/{VIEW}"


async def cameras_in_home_assistant(ha_url: str, token: str) -> list[CardCamera]:
    """Return every Blink Health camera with its cause, translated as the owner reads it."""
    async with aiohttp.ClientSession() as session:
        entities, devices, states, user = await _ws(
            session,
            ha_url,
            token,
            {"type": "config/entity_registry/list_for_display"},
            {"type": "config/device_registry/list"},
            {"type": "get_states"},
            {"type": "auth/current_user"},
        )
        language = await _user_language(session, ha_url, token, user)
        (translations,) = await _ws(
            session,
            ha_url,
            token,
            {
                "type": "frontend/get_translations",
                "language": language,
                "category": "entity",
                "integration": [DOMAIN],
            },
        )
    texts: dict[str, str] = translations["resources"]
    names = {
        d["id"]: d.get("name_by_user") or d.get("name") or d["id"] for d in devices
    }
    state_of = {s["entity_id"]: s["state"] for s in states}
    cameras = []
    for entity in entities["entities"]:
        if entity.get("pl") != DOMAIN or entity.get("tk") != "likely_cause":
            continue
        cause = state_of.get(entity["ei"], "unavailable")
        key = f"component.{DOMAIN}.entity.sensor.likely_cause.state.{cause}"
        cameras.append(
            CardCamera(
                name=names.get(entity.get("di"), entity["ei"]),
                cause=cause,
                expected_text=texts.get(key, cause),
            )
        )
    return sorted(cameras, key=lambda camera: camera.name)


async def _user_language(
    session: aiohttp.ClientSession, ha_url: str, token: str, user: dict[str, Any] | None
) -> str:
    """Return the language the owner's frontend uses (their profile's, else the server's)."""
    (data,) = await _ws(
        session, ha_url, token, {"type": "frontend/get_user_data", "key": "language"}
    )
    language = ((data or {}).get("value") or {}).get("language")
    if language:
        return str(language)
    (config,) = await _ws(session, ha_url, token, {"type": "get_config"})
    return str((config or {}).get("language") or "en")


def chromium_path() -> str:
    """Return Debian's chromium (Playwright never downloads a browser here)."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        "/usr/bin/chromium",
        "/usr/lib/chromium/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    raise CardCheckError(
        "no chromium: scripts/setup installs Debian's chromium in the environment"
    )


async def _open_card(
    browser: Browser,
    ha_url: str,
    token: str,
    path: str,
    *,
    width: int,
    height: int,
    scheme: str,
    report: CardReport,
) -> Page:
    """Open the dashboard signed in with the token; return the page once the card rendered."""
    context = await browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme="dark" if scheme == "dark" else "light",
        device_scale_factor=2,
        reduced_motion="reduce",
    )
    origin = f"{urlsplit(ha_url).scheme}://{urlsplit(ha_url).netloc}"
    tokens = {
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": 315_360_000,
        "hassUrl": origin,
        "clientId": f"{origin}/",
        "expires": int(time.time() * 1000) + 315_360_000_000,
        "refresh_token": "",
    }
    await context.add_init_script(
        f"window.localStorage.setItem('hassTokens', {json.dumps(json.dumps(tokens))});"
    )
    page = await context.new_page()

    def on_request(request: Any) -> None:
        url = str(request.url)
        if not url.startswith((origin, "data:", "blob:")):
            report.outside_requests.append(url)

    page.on("request", on_request)
    page.on(
        "pageerror", lambda error: _note_error(report, f"{error.message} {error.stack}")
    )
    page.on(
        "console",
        lambda message: (
            _note_error(report, message.text) if message.type == "error" else None
        ),
    )
    await page.goto(f"{origin}{path}", wait_until="domcontentloaded")
    await page.locator(f"{CARD} [data-summary]").wait_for(timeout=RENDER_TIMEOUT_MS)
    return page


def _note_error(report: CardReport, text: str) -> None:
    """Keep an error of the page that comes from the card (the frontend's own are not ours)."""
    if CARD_URL_PATH in text and text not in report.page_errors:
        report.page_errors.append(text[:500])


async def _read_card(page: Page) -> dict[str, str]:
    """Return camera name -> cause, as the rendered card shows them."""
    shown: dict[str, str] = {}
    entries = page.locator(f"{CARD} [data-camera]")
    for index in range(await entries.count()):
        entry = entries.nth(index)
        name = (await entry.locator("[data-name]").first.inner_text()).strip()
        shown[name] = (await entry.locator("[data-cause]").first.inner_text()).strip()
    return shown


async def _wait_for_cameras(page: Page, count: int) -> None:
    """Wait until the card lists `count` cameras, each with a cause."""
    deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        shown = await _read_card(page)
        if len(shown) >= count and all(shown.values()):
            return
        await asyncio.sleep(0.5)


async def _explain_first(page: Page) -> str:
    """Ask "what do I see?" for the first camera with the light it shows; return the answer."""
    entry = page.locator(f"{CARD} [data-camera]").first
    await entry.locator('[data-action="explain"]').click()
    led = await entry.locator("svg[data-led]").first.get_attribute("data-led") or "off"
    await entry.locator(f'[data-action="observe"][data-observed="{led}"]').click()
    answer = entry.locator("[data-answer]")
    await answer.wait_for(timeout=RENDER_TIMEOUT_MS)
    first = answer.locator("[data-candidate] .cause").first
    text = (
        await first.inner_text() if await first.count() else await answer.inner_text()
    )
    name = (await entry.locator("[data-name]").first.inner_text()).strip()
    return f"{name}, {led}: {text.strip()}"


async def _animations(page: Page) -> dict[str, tuple[str, list[str]]]:
    """Return camera name -> (its light, the animations the browser runs on it)."""
    found: dict[str, list[Any]] = await page.locator(CARD).evaluate(
        """card => Object.fromEntries([...card.shadowRoot.querySelectorAll("[data-camera]")]
            .map(entry => {
              const svg = entry.querySelector("svg[data-led]");
              const lit = svg.querySelector(".lit");
              return [entry.dataset.camera,
                      [svg.dataset.led, lit.getAnimations().map(a => a.animationName)]];
            }))"""
    )
    return {
        name: (str(led), [str(n) for n in names])
        for name, (led, names) in found.items()
    }


async def _press_batteries(page: Page, ha_url: str, token: str) -> str:
    """Record new batteries for the first healthy battery camera; return what Home Assistant says."""
    rows = page.locator(f"{CARD} .row[data-camera]")
    for index in range(await rows.count()):
        row = rows.nth(index)
        await row.locator('[data-action="toggle"]').click()
        button = row.locator('[data-action="batteries"]')
        if await button.count():
            break
        await row.locator('[data-action="toggle"]').click()
    else:
        return "no healthy camera with batteries"
    name = await row.get_attribute("data-camera") or ""
    device = await row.get_attribute("data-device") or ""
    before = await _batteries_replaced(ha_url, token, device)
    await button.click()
    await row.locator('[data-action="batteries-confirm"]').click()
    await row.locator('[role="status"]').wait_for(timeout=RENDER_TIMEOUT_MS)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        replaced = await _batteries_replaced(ha_url, token, device)
        if replaced not in {before, None, "unknown", "unavailable"}:
            return f"{name}: batteries replaced {replaced}"
        await asyncio.sleep(0.5)
    return ""


async def _open_repair(page: Page) -> str:
    """Wait until every camera needing attention links its repair; open one; return the page."""
    tiles = page.locator(f"{CARD} .tile[data-camera]")
    buttons = page.locator(f'{CARD} .tile[data-camera] [data-action="repair"]')
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if await buttons.count() >= await tiles.count():
            break
        await asyncio.sleep(0.5)
    linked, total = await buttons.count(), await tiles.count()
    if not linked or linked < total:
        return f"{linked} of {total} cameras needing attention link their repair"
    await buttons.first.click()
    await page.wait_for_url("**/config/repairs", timeout=RENDER_TIMEOUT_MS)
    return f"{urlsplit(page.url).path} ({linked} of {total} cameras needing attention link theirs)"


async def _batteries_replaced(ha_url: str, token: str, device: str) -> str | None:
    """Return the state of a camera's "batteries replaced" sensor."""
    async with aiohttp.ClientSession() as session:
        entities, states = await _ws(
            session,
            ha_url,
            token,
            {"type": "config/entity_registry/list_for_display"},
            {"type": "get_states"},
        )
    for entity in entities["entities"]:
        if (
            entity.get("pl") == DOMAIN
            and entity.get("di") == device
            and entity.get("tk") == "batteries_replaced"
            and entity["ei"].startswith("sensor.")
        ):
            return next(
                (str(s["state"]) for s in states if s["entity_id"] == entity["ei"]),
                None,
            )
    return None


async def check_card(
    ha_url: str,
    token: str,
    *,
    expected_names: list[str] | None = None,
    screenshots: Path | None = None,
) -> CardReport:
    """Open the card in headless Chromium, read it, and take screenshots when asked."""
    ha_url = ha_url.rstrip("/")
    path = await create_dashboard(ha_url, token)
    cameras = await cameras_in_home_assistant(ha_url, token)
    known = {camera.name for camera in cameras}
    cameras += [
        CardCamera(name=name, cause="-", expected_text="(in Home Assistant)")
        for name in expected_names or []
        if name not in known
    ]
    report = CardReport(cameras=cameras)
    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(
                executable_path=chromium_path(),
                headless=True,
                args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            )
        except PlaywrightError as err:
            raise CardCheckError(f"chromium did not start: {err}") from err
        try:
            page = await _open_card(
                browser,
                ha_url,
                token,
                path,
                width=390,
                height=844,
                scheme="light",
                report=report,
            )
            await _wait_for_cameras(page, len(known))
            shown = await _read_card(page)
            for camera in cameras:
                camera.shown_text = shown.get(camera.name)
            report.animations = await _animations(page)
            report.explained = await _explain_first(page)
            report.batteries = await _press_batteries(page, ha_url, token)
            # What the check saw, for when it fails (config/ is git-ignored).
            await page.screenshot(
                path=str(REPO / "config" / "card-check.png"), full_page=True
            )
            report.repairs = await _open_repair(page)
            await page.context.close()
            if screenshots is not None:
                await _screenshots(
                    browser,
                    ha_url=ha_url,
                    token=token,
                    path=path,
                    folder=screenshots,
                    report=report,
                )
        finally:
            await browser.close()
    return report


async def _screenshots(
    browser: Browser,
    *,
    ha_url: str,
    token: str,
    path: str,
    folder: Path,
    report: CardReport,
) -> None:
    """Save the card light and dark, on a phone and a wide screen, with one answer open."""
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    for scheme in SCHEMES:
        for screen, width, height in SCREENS:
            page = await _open_card(
                browser,
                ha_url,
                token,
                path,
                width=width,
                height=height,
                scheme=scheme,
                report=report,
            )
            await _wait_for_cameras(
                page, sum(c.shown_text is not None for c in report.cameras)
            )
            if screen == "wide":
                await _explain_first(page)
            await _fit_card(page, width)
            target = folder / f"card-{screen}-{scheme}.png"
            await page.locator(CARD).screenshot(path=str(target), animations="disabled")
            print(
                f"  screenshot: {target.relative_to(REPO) if target.is_relative_to(REPO) else target}"
            )
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


def print_report(report: CardReport) -> None:
    """Print one line per camera as the card shows it, and the explain answer."""
    for camera in report.cameras:
        print(f"card: {camera.name}: {camera.shown_text or '(missing)'}")
    if report.explained:
        print(f'card: "what do I see?" for {report.explained}')
    if report.batteries:
        print(f'card: "batteries replaced" for {report.batteries}')
    if report.repairs:
        print(f'card: "open the repair" opens {report.repairs}')


async def run_card_step(
    ha_url: str,
    token: str,
    *,
    expected_names: list[str] | None = None,
    screenshots: Path | None = None,
) -> list[str]:
    """Read the card in the browser (creating its dashboard); return the failures."""
    try:
        report = await check_card(
            ha_url, token, expected_names=expected_names, screenshots=screenshots
        )
    except (CardCheckError, PlaywrightError, aiohttp.ClientError) as err:
        return [f"card check: {err}"]
    print_report(report)
    return report.failures()


async def announce_dashboard(ha_url: str, token: str) -> None:
    """Create the dashboard holding the card (scripts/develop) and say where it is."""
    try:
        path = await create_dashboard(ha_url.rstrip("/"), token)
    except (CardCheckError, aiohttp.ClientError) as err:
        print(f"  (could not create the dashboard with the Blink Health card: {err})")
        return
    print(f"  The Blink Health card: {ha_url.rstrip('/')}{path}")


async def check_card_step(ctx: CheckContext) -> list[str]:
    """scripts/develop --check's card step: every camera in the card, in headless Chromium."""
    print()
    failures = await run_card_step(
        ctx.ha.url,
        ctx.ha.token or "",
        expected_names=[camera.name for camera in ctx.cameras],
    )
    if not failures:
        print("  The Blink Health card shows every camera with its cause.")
    return failures


def main() -> int:
    """Check the card of a running scripts/develop; take screenshots when asked."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ha", default="http://127.0.0.1:8123")
    parser.add_argument("--token-file", default=str(REPO / "config" / "dev-token"))
    parser.add_argument("--screenshots", type=Path, default=None)
    args = parser.parse_args()
    token = Path(args.token_file).read_text(encoding="utf-8").strip()
    failures = asyncio.run(run_card_step(args.ha, token, screenshots=args.screenshots))
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
