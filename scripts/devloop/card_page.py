"""The Blink Health card's page in headless Chromium: open it signed in, read it, act on it.

Playwright drives Debian's chromium (never a downloaded browser). Each function here does one thing
an owner does or sees on the card and returns what the page showed; scripts/devloop/card.py decides
what is right.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
import shutil
import time
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, Page

CARD = "blink-health-card"
# Where Blink Health serves the card (then a hash, then the file), in its errors' stacks.
CARD_URL_PATH = "/blink_health/card/"
RENDER_TIMEOUT_MS = 45_000
CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")


class CardCheckError(Exception):
    """The card could not be checked (no browser, no dashboard); the message says why."""


def chromium_path() -> str:
    """Return Debian's chromium (or $CHROMIUM): Playwright never downloads a browser here."""
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


class PageWatch:
    """What a page did that no owner should see: requests leaving Home Assistant, card errors."""

    def __init__(self) -> None:
        """Start with nothing seen."""
        self.outside_requests: list[str] = []
        self.errors: list[str] = []

    def error(self, text: str) -> None:
        """Keep an error of the page that comes from the card (the frontend's own are not ours)."""
        if CARD_URL_PATH in text and text[:500] not in self.errors:
            self.errors.append(text[:500])


async def open_page(
    browser: Browser,
    ha_url: str,
    token: str,
    path: str,
    *,
    width: int,
    height: int,
    scheme: str,
    watch: PageWatch,
) -> Page:
    """Open a page of Home Assistant signed in with the token, in the light or dark scheme."""
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
            watch.outside_requests.append(url)

    page.on("request", on_request)
    page.on("pageerror", lambda error: watch.error(f"{error.message} {error.stack}"))
    page.on(
        "console",
        lambda message: watch.error(message.text) if message.type == "error" else None,
    )
    await page.goto(f"{origin}{path}", wait_until="domcontentloaded")
    return page


async def wait_for_card(page: Page) -> None:
    """Wait until the card has rendered its summary."""
    await page.locator(f"{CARD} [data-summary]").wait_for(timeout=RENDER_TIMEOUT_MS)


async def read_card(page: Page) -> dict[str, Any]:
    """Return the summary, the notices (outage, batteries due, local storage) and each camera."""
    result: dict[str, Any] = await page.locator(CARD).evaluate(
        """card => {
          const root = card.shadowRoot;
          const text = (element) => (element ? element.textContent.trim().replace(/\\s+/g, " ") : "");
          const outage = root.querySelector("[data-outage]");
          // The theme's warning text colour, as the browser computes it here.
          const probe = document.createElement("span");
          probe.style.color = "var(--bh-warning-text)";
          root.appendChild(probe);
          const warningColour = getComputedStyle(probe).color;
          probe.remove();
          return {
            summary: text(root.querySelector("[data-summary]")),
            tone: root.querySelector("[data-summary]")?.dataset.tone || "",
            outage: outage ? {state: outage.dataset.outage, text: text(outage)} : null,
            notFound: text(root.querySelector("[data-not-found]")),
            due: [...root.querySelectorAll("[data-batteries-due] [data-due]")].map((item) => ({
              date: item.dataset.due,
              camera: item.dataset.dueCamera,
              text: text(item),
            })),
            storage: [...root.querySelectorAll("[data-storage]")].map((notice) => {
              const title = notice.querySelector(".storage-state");
              return {
                state: notice.dataset.storage,
                module: notice.dataset.syncModule,
                device: notice.dataset.device,
                title: text(title),
                text: text(notice),
                warning: Boolean(title) && getComputedStyle(title).color === warningColour,
                repair: notice.querySelector('[data-action="repair"]')?.dataset.issue || "",
              };
            }),
            cameras: [...root.querySelectorAll("[data-camera]")].map((entry) => ({
              name: entry.dataset.camera,
              device: entry.dataset.device,
              entry: entry.dataset.entry || "",
              state: entry.dataset.state,
              stale: entry.dataset.stale === "true",
              tile: entry.classList.contains("tile"),
              cause: text(entry.querySelector("[data-cause]")),
              asOf: text(entry.querySelector("[data-as-of]")),
              since: text(entry.querySelector("[data-since]")),
              blinkSays: text(entry.querySelector("[data-blink-issues]")),
              meta: text(entry.querySelector(".meta")),
              cold: (() => {
                const cold = entry.querySelector("[data-cold]");
                return cold ? {celsius: Number(cold.dataset.cold), text: text(cold)} : null;
              })(),
              weakLink: (() => {
                const link = entry.querySelector("[data-weak-link]");
                return link ? {link: link.dataset.weakLink, text: text(link)} : null;
              })(),
              forecast: (() => {
                const forecast = entry.querySelector("[data-forecast]");
                if (!forecast) {
                  return null;
                }
                const style = getComputedStyle(forecast);
                return {date: forecast.dataset.forecast, text: text(forecast),
                        look: [style.color, style.opacity, style.filter].join(" ")};
              })(),
              light: entry.querySelector("svg[data-led]")?.getAttribute("aria-label") || "",
              buttons: [...entry.querySelectorAll(".actions > button[data-action]")]
                .map((button) => button.dataset.action),
            })),
          };
        }"""
    )
    return result


async def wait_until(
    page: Page, check: Any, *, seconds: float = RENDER_TIMEOUT_MS / 1000
) -> dict[str, Any]:
    """Read the card until `check(card)` holds or time is up; return the last reading."""
    deadline = time.monotonic() + seconds
    while True:
        card = await read_card(page)
        if check(card) or time.monotonic() > deadline:
            return card
        await asyncio.sleep(0.5)


async def format_days(page: Page, language: str, days: list[str]) -> dict[str, str]:
    """Return each YYYY-MM-DD day as the owner's language writes it (the card's medium style)."""
    formatted: dict[str, str] = await page.evaluate(
        """([language, days]) => {
          const format = new Intl.DateTimeFormat(language, {dateStyle: "medium", timeZone: "UTC"});
          return Object.fromEntries(days.map((day) => [day, format.format(new Date(`${day}T00:00:00Z`))]));
        }""",
        [language, days],
    )
    return formatted


async def animations(page: Page) -> dict[str, tuple[str, list[str]]]:
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


async def contrast(page: Page) -> list[dict[str, Any]]:
    """Return every text of the card with its colours and contrast ratio."""
    texts: list[dict[str, Any]] = await page.locator(CARD).evaluate(CONTRAST_JS)
    return texts


async def explain_first(page: Page, name: str | None = None) -> dict[str, str]:
    """Open "what do I see?" on the first camera (or the one named); return where it starts, the answer.

    A camera's line is opened first, for its button.
    """
    entry = (
        page.locator(f"{CARD} [data-camera]").first
        if name is None
        else page.locator(f'{CARD} [data-camera="{name}"]')
    )
    toggle = entry.locator('[data-action="toggle"][aria-expanded="false"]')
    if await toggle.count():
        await toggle.click()
    await entry.locator('.actions > [data-action="explain"]').click()
    panel = entry.locator("[data-explain]")
    await panel.wait_for(timeout=RENDER_TIMEOUT_MS)
    answer = entry.locator("[data-answer]")
    await answer.wait_for(timeout=RENDER_TIMEOUT_MS)
    pressed = panel.locator('[data-observed][aria-pressed="true"]')
    believed = panel.locator("[data-observed][data-believed]")
    first = answer.locator("[data-candidate] .candidate-cause").first
    return {
        "camera": await entry.get_attribute("data-camera") or "",
        "light": await entry.locator("svg[data-led]").first.get_attribute("data-led")
        or "",
        "pressed": ",".join(
            [
                await pressed.nth(i).get_attribute("data-observed") or ""
                for i in range(await pressed.count())
            ]
        ),
        "believed": (
            await believed.first.get_attribute("data-observed") or ""
            if await believed.count()
            else ""
        ),
        "answer": (
            await first.inner_text()
            if await first.count()
            else await answer.inner_text()
        ).strip(),
        # The fixes' steps as the owner reads them (Markdown drawn, never its marks).
        "steps": await answer.locator(".steps").all_inner_texts(),
        "markdown": await answer.locator("ha-markdown.steps").count(),
    }


async def close_explain(page: Page, name: str) -> None:
    """Close the camera's "what do I see?" and its line's details, as they were before."""
    entry = page.locator(f'{CARD} [data-camera="{name}"]')
    await entry.locator('[data-action="explain-close"]').click()
    toggle = entry.locator('[data-action="toggle"][aria-expanded="true"]')
    if await toggle.count():
        await toggle.click()


async def open_row_and_focus(page: Page) -> str:
    """Open the first line's details and focus its "what do I see?"; return the camera's name."""
    row = page.locator(f"{CARD} .row[data-camera]").first
    await row.locator('[data-action="toggle"]').click()
    button = row.locator('.row-body [data-action="explain"]')
    await button.focus()
    return await row.get_attribute("data-camera") or ""


async def row_survived(page: Page, name: str) -> dict[str, Any]:
    """Return whether the camera's line is still open and its button still focused."""
    result: dict[str, Any] = await page.locator(CARD).evaluate(
        """(card, name) => {
          const row = [...card.shadowRoot.querySelectorAll(".row[data-camera]")]
            .find((entry) => entry.dataset.camera === name);
          const focused = card.shadowRoot.activeElement;
          return {
            open: row?.querySelector(".row-head")?.getAttribute("aria-expanded") === "true"
              && Boolean(row?.querySelector(".row-body")),
            focused: Boolean(row && focused && row.contains(focused)
              && focused.dataset.action === "explain"),
            marked: row?.__bhProbe === true,
            state: row?.dataset.state || "",
          };
        }""",
        name,
    )
    return result


async def mark_row(page: Page, name: str) -> None:
    """Tag the camera's line element, to tell it apart from one rebuilt in its place."""
    await page.locator(CARD).evaluate(
        """(card, name) => {
          const row = [...card.shadowRoot.querySelectorAll(".row[data-camera]")]
            .find((entry) => entry.dataset.camera === name);
          row.__bhProbe = true;
        }""",
        name,
    )


async def open_editor(page: Page) -> dict[str, Any]:
    """Open the card's editor from the dashboard's edit mode; return what the dialog shows."""
    await page.locator("hui-card-options").get_by_text("Edit", exact=True).first.click()
    dialog = page.locator("hui-dialog-edit-card")
    editor = dialog.locator("hui-card-element-editor")
    await editor.wait_for(timeout=RENDER_TIMEOUT_MS)
    form = editor.locator("ha-form")
    try:
        await form.wait_for(timeout=15_000)
    except Exception:  # noqa: BLE001 -- no form is the finding, whatever Playwright raised
        return {"form": False, "text": (await editor.inner_text()).strip()}
    picker = form.locator("ha-selector-device")
    return {
        "form": True,
        "picker": await picker.count(),
        "picker_multiple": await picker.first.evaluate(
            "el => Boolean(el.selector?.device?.multiple)"
        )
        if await picker.count()
        else False,
        "picker_integration": await picker.first.evaluate(
            "el => (el.selector?.device?.filter || []).map(f => f.integration).join(',')"
        )
        if await picker.count()
        else "",
        "labels": await form.evaluate(
            "form => (form.schema || []).map(s => form.computeLabel ? form.computeLabel(s) : s.name)"
        ),
        "text": (await editor.inner_text()).strip(),
    }


async def opened_repair(page: Page) -> dict[str, str]:
    """Wait for a repair's dialog; return its issue id and its title (empty when none opened)."""
    deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
    while True:
        opened: dict[str, str] = await page.evaluate(
            """() => {
              const roots = [document];
              while (roots.length) {
                for (const element of roots.pop().querySelectorAll("*")) {
                  if (element.localName === "dialog-data-entry-flow" && element.shadowRoot) {
                    const subtitle = element.shadowRoot.querySelector("dialog-repairs-issue-subtitle");
                    const title = element.shadowRoot.querySelector("[slot=headerTitle], [slot=headline], .dialog-title");
                    return {issue: subtitle?.issue?.issue_id || "",
                            title: (title?.textContent || "").trim()};
                  }
                  if (element.shadowRoot) roots.push(element.shadowRoot);
                }
              }
              return {issue: "", title: ""};
            }"""
        )
        if (opened["issue"] and opened["title"]) or time.monotonic() > deadline:
            return opened
        await asyncio.sleep(0.3)
