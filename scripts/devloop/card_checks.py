"""What the card check asserts, one function a behaviour.

Each reads the page (card_page.py) and Home Assistant, and notes in the report what it saw and
what is wrong.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import time
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Page

from custom_components.blink_health.blink.homescreen import camera_kind
from custom_components.blink_health.diagnosis import RULES, Fix
from custom_components.blink_health.model import model_name

from .card_page import (
    CARD,
    RENDER_TIMEOUT_MS,
    PageWatch,
    animations,
    contrast,
    explain_first,
    mark_row,
    open_editor,
    open_row_and_focus,
    opened_repair,
    row_survived,
    wait_until,
)
from .client import DOMAIN, DevelopError, HomeAssistantClient

# The CSS animation each light runs (the steady ones run none).
LED_ANIMATIONS: dict[str, list[str]] = {
    "blinking_blue": ["blink"],
    "blinking_red": ["blink"],
    "red_while_recording": ["blink"],
    "red_six_flashes": ["six-flashes"],
}
# WCAG 2 AA for text of normal size.
AA_CONTRAST = 4.5
# The LED doctor's precedence, highest first: the card lists cameras of one severity this way.
PRECEDENCE = list(dict.fromkeys(rule.cause.value for rule in RULES))
SEVERITIES = ["error", "warning"]
# Where new batteries are a fix: only there is "batteries replaced" a camera's first action.
BATTERY_CAUSES = frozenset(
    rule.cause.value for rule in RULES if Fix.REPLACE_BATTERIES in rule.fixes
)


@dataclass(slots=True)
class Camera:
    """A camera as Home Assistant knows it: the card must show it so.

    `name` is the name its owner knows: the device's name given by the owner, else the camera's
    name in Blink (the simulator's, where the check has it), never `blink`'s "blink Driveway".
    `kind` is how Blink Health reads the camera's type (battery, mini, doorbell, wired), where the
    simulator tells it. `own_device`: the camera sits on Blink Health's device, not `blink`'s.
    `model` is the model name the card must show (Blink Health's own device's; on `blink`'s, the
    name of the simulator's type). `evidence` and `fixes` are its likely cause's.
    """

    name: str
    device: str
    cause: str
    cause_entity: str
    severity: str | None
    blink_issues: list[str]
    has_battery: bool
    expected_text: str
    blink_name: str = ""
    kind: str | None = None
    forecast_entity: str | None = None
    own_device: bool = True
    model: str = ""
    evidence: list[str] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SyncModule:
    """A Sync Module's local storage sensor, and the module's name in Blink (else its device's)."""

    name: str
    serial: str
    device: str
    storage_entity: str


@dataclass(slots=True)
class CardReport:
    """What the browser saw: one line per finding, and what is wrong."""

    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    watch: PageWatch = field(default_factory=PageWatch)

    def saw(self, line: str) -> None:
        """Note a finding (printed as `card: <line>`)."""
        self.findings.append(line)

    def wrong(self, problem: str) -> None:
        """Note what is wrong."""
        self.problems.append(problem)

    def failures(self) -> list[str]:
        """Return what is wrong, one line each; empty when the card is right."""
        return [
            *self.problems,
            *(
                f"request outside Home Assistant: {url}"
                for url in self.watch.outside_requests
            ),
            *(f"error in the page: {error}" for error in self.watch.errors),
        ]


@dataclass(slots=True)
class HomeAssistant:
    """Home Assistant as the check reads it: its cameras and Blink Health's words."""

    client: HomeAssistantClient
    simulator: str | None = None
    texts: dict[str, str] = field(default_factory=dict)
    cameras: list[Camera] = field(default_factory=list)
    language: str = "en"
    entry_ids: set[str] = field(default_factory=set)
    due_entity: str | None = None
    sync_modules: list[SyncModule] = field(default_factory=list)

    def text(self, key: str) -> str:
        """Return a Blink Health translation (`entity...` or `selector...`)."""
        return self.texts.get(f"component.{DOMAIN}.{key}", "")

    def label(self, key: str) -> str:
        """Return one of the card's own labels."""
        return self.text(f"selector.card.options.{key}")

    async def load(self) -> None:
        """Read the cameras, their verdicts and the translations in the owner's language."""
        entities, devices, states, user = await self.client.ws(
            {"type": "config/entity_registry/list_for_display"},
            {"type": "config/device_registry/list"},
            {"type": "get_states"},
            {"type": "auth/current_user"},
        )
        language = self.language = await self._language(user)
        for category in ("entity", "selector"):
            (translations,) = await self.client.ws(
                {
                    "type": "frontend/get_translations",
                    "language": language,
                    "category": category,
                    "integration": [DOMAIN],
                }
            )
            self.texts.update(translations["resources"])
        (entries,) = await self.client.ws(
            {"type": "config_entries/get", "domain": DOMAIN}
        )
        self.entry_ids = {entry["entry_id"] for entry in entries}
        in_blink = await self._simulated("cameras")
        modules_in_blink = await self._simulated("sync_modules")
        device_of = {d["id"]: d for d in devices}
        state_of = {s["entity_id"]: s for s in states}
        ours = [e for e in entities["entities"] if e.get("pl") == DOMAIN]
        battery_devices = {
            e.get("di") for e in ours if e.get("tk") == "batteries_replaced"
        }
        forecasts = {
            e.get("di"): e["ei"]
            for e in ours
            if e.get("tk") == "battery_replacement_due"
        }
        self.due_entity = next(
            (e["ei"] for e in ours if e.get("tk") == "batteries_due_soon"), None
        )
        self.sync_modules = []
        for entity in ours:
            if entity.get("tk") != "local_storage":
                continue
            device = device_of.get(entity.get("di") or "", {})
            serial = _serial(device)
            self.sync_modules.append(
                SyncModule(
                    name=device.get("name_by_user")
                    or modules_in_blink.get(serial, {}).get("name")
                    or device.get("name")
                    or "",
                    serial=serial,
                    device=entity.get("di") or "",
                    storage_entity=entity["ei"],
                )
            )
        self.cameras = []
        for entity in ours:
            if entity.get("tk") != "likely_cause":
                continue
            state = state_of.get(entity["ei"], {})
            cause = state.get("state", "unavailable")
            attributes = state.get("attributes", {})
            device = device_of.get(entity.get("di") or "", {})
            blink = in_blink.get(_serial(device), {})
            own_device = device.get("config_entry_id") in self.entry_ids
            self.cameras.append(
                Camera(
                    name=device.get("name_by_user")
                    or blink.get("name")
                    or device.get("name")
                    or entity["ei"],
                    blink_name=blink.get("name") or device.get("name") or "",
                    kind=camera_kind("", blink["type"]).value if blink else None,
                    forecast_entity=forecasts.get(entity.get("di")),
                    own_device=own_device,
                    model=(device.get("model") if own_device else None)
                    or (model_name(blink["type"]) if blink else None)
                    or "",
                    evidence=list(attributes.get("evidence") or []),
                    fixes=list(attributes.get("fixes") or []),
                    device=entity.get("di") or "",
                    cause=cause,
                    cause_entity=entity["ei"],
                    severity=attributes.get("severity"),
                    blink_issues=list(attributes.get("blink_issues") or []),
                    has_battery=entity.get("di") in battery_devices,
                    expected_text=self.text(f"entity.sensor.likely_cause.state.{cause}")
                    or cause,
                )
            )
        self.cameras.sort(key=lambda camera: camera.name)

    async def _simulated(self, devices: str) -> dict[str, dict[str, Any]]:
        """Return the simulated cloud's `cameras` or `sync_modules` by serial; none without it."""
        if self.simulator is None:
            return {}
        async with self.client.session.get(
            f"https://{self.simulator}/_sim/state", ssl=False
        ) as response:
            if response.status >= 400:
                raise DevelopError(f"the simulator's state: HTTP {response.status}")
            state = await response.json()
        return {str(device["serial"]): device for device in state[devices]}

    async def _language(self, user: dict[str, Any] | None) -> str:
        """Return the language the owner's frontend uses (their profile's, else the server's)."""
        (data,) = await self.client.ws(
            {"type": "frontend/get_user_data", "key": "language"}
        )
        language = ((data or {}).get("value") or {}).get("language")
        if language:
            return str(language)
        (config,) = await self.client.ws({"type": "get_config"})
        return str((config or {}).get("language") or "en")

    async def state(self, entity_id: str) -> dict[str, Any]:
        """Return an entity's state object."""
        result: dict[str, Any] = await self.client.request(
            "GET", f"/api/states/{entity_id}"
        )
        return result

    async def poll(self) -> None:
        """Ask Blink Health for a poll now (one camera's update polls the whole account)."""
        await self.client.request(
            "POST",
            "/api/services/homeassistant/update_entity",
            {"entity_id": self.cameras[0].cause_entity},
        )


def _serial(device: dict[str, Any]) -> str:
    """Return a device's serial: its identifier in Blink Health's domain or `blink`'s."""
    return next(
        (
            s
            for domain, s in device.get("identifiers", [])
            if domain in (DOMAIN, "blink")
        ),
        "",
    )


async def check_cameras(page: Page, ha: HomeAssistant, report: CardReport) -> None:
    """Every camera with its cause, in order, with Blink's words, its light described, fit buttons."""
    card = await wait_until(
        page,
        lambda card: (
            len(card["cameras"]) >= len(ha.cameras)
            and all(camera["cause"] for camera in card["cameras"])
        ),
    )
    shown = {camera["name"]: camera for camera in card["cameras"]}
    for camera in ha.cameras:
        entry = shown.get(camera.name)
        report.saw(f"{camera.name}: {entry['cause'] if entry else '(missing)'}")
        if entry is None:
            report.wrong(f"{camera.name} is not in the card")
        elif entry["cause"] != camera.expected_text:
            report.wrong(
                f"{camera.name}: the card shows {entry['cause']!r}, "
                f"Home Assistant says {camera.expected_text!r}"
            )
    by_name = {camera.name: camera for camera in ha.cameras}
    tiles = [
        by_name[c["name"]]
        for c in card["cameras"]
        if c["tile"] and c["name"] in by_name
    ]
    ranks = [
        (SEVERITIES.index(c.severity or "warning"), PRECEDENCE.index(c.cause))
        for c in tiles
    ]
    if ranks != sorted(ranks):
        report.wrong(
            "cameras needing attention are not errors first, then by precedence: "
            + ", ".join(f"{c.name} ({c.severity} {c.cause})" for c in tiles)
        )
    for entry in card["cameras"]:
        _check_entry(entry, by_name.get(entry["name"]), report)
    await _check_blink_issues(page, ha, report)


def _check_entry(
    entry: dict[str, Any], camera: Camera | None, report: CardReport
) -> None:
    """One camera's light has a text alternative and its buttons fit its problem."""
    name = entry["name"]
    if not entry["light"]:
        report.wrong(f"{name}: the light drawing has no text alternative")
    if camera is None or not entry["tile"]:
        return
    if not entry["since"]:
        report.wrong(f"{name} ({camera.cause}): the tile does not say since when")
    buttons = entry["buttons"]
    battery_first = camera.cause in BATTERY_CAUSES and camera.has_battery
    if battery_first and buttons[:1] != ["batteries"]:
        report.wrong(
            f'{name} ({camera.cause}): "batteries replaced" is not first: {buttons}'
        )
    if not battery_first and "batteries" in buttons:
        report.wrong(f'{name} ({camera.cause}): offers "batteries replaced": {buttons}')


async def _check_blink_issues(
    page: Page, ha: HomeAssistant, report: CardReport
) -> None:
    """Where Blink reports an issue, the card shows Blink's own words (a line: in its details)."""
    for camera in ha.cameras:
        if not camera.blink_issues:
            continue
        entry = page.locator(f'{CARD} [data-camera="{camera.name}"]')
        toggle = entry.locator('[data-action="toggle"][aria-expanded="false"]')
        if await toggle.count():
            await toggle.click()
        says = entry.locator("[data-blink-issues]")
        text = (await says.inner_text()).strip() if await says.count() else ""
        report.saw(f"{camera.name}: {text or '(no words of Blink)'}")
        if not all(issue in text for issue in camera.blink_issues):
            report.wrong(
                f"{camera.name}: Blink reports {camera.blink_issues}, the card {text!r}"
            )
        if await entry.locator('[data-action="toggle"][aria-expanded="true"]').count():
            await entry.locator('[data-action="toggle"]').click()


async def check_named_cameras(
    page: Page, ha: HomeAssistant, report: CardReport, names: list[str]
) -> None:
    """Check that a card given camera names shows those cameras and says which match none."""
    known = {camera.name for camera in ha.cameras}
    card = await wait_until(
        page, lambda card: len(card["cameras"]) >= len(known.intersection(names))
    )
    shown = sorted(camera["name"] for camera in card["cameras"])
    missing = [name for name in names if name not in known]
    report.saw(
        f"a card for {names}: shows {shown}; {card['notFound'] or card['summary']!r}"
    )
    if shown != sorted(known.intersection(names)):
        report.wrong(f"a card for {names} shows {shown}")
    text = card["notFound"] or card["summary"]
    if not all(name in text for name in missing) or card["tone"] == "ok":
        report.wrong(
            f"a card for {names} does not say {missing} match no camera: {text!r}"
        )


async def check_rows_open(page: Page, report: CardReport) -> None:
    """Check that a line says it can be opened: aria-expanded and a chevron."""
    heads = page.locator(f"{CARD} .row .row-head")
    count = await heads.count()
    for index in range(count):
        head = heads.nth(index)
        if await head.get_attribute("aria-expanded") not in {"true", "false"}:
            report.wrong("a camera's line has no aria-expanded")
        if not await head.locator(".chevron").count():
            report.wrong("a camera's line shows no chevron")
    report.saw(
        f"{count} lines of cameras that need nothing, each with aria-expanded and a chevron"
    )


async def check_animations(page: Page, report: CardReport) -> None:
    """Each light runs its animation (the steady ones none)."""
    for name, (led, names) in (await animations(page)).items():
        if names != LED_ANIMATIONS.get(led, []):
            report.wrong(
                f"{name}: the {led} light animates as {names or 'steady'}, expected "
                f"{LED_ANIMATIONS.get(led) or 'steady'}"
            )


async def check_explain(page: Page, report: CardReport) -> None:
    """Check that "what do I see?" starts at the light Blink Health believes, and answers."""
    seen = await explain_first(page)
    report.saw(
        f'"what do I see?" for {seen["camera"]} starts at {seen["pressed"] or "nothing"} '
        f"(believed {seen['believed'] or '-'}): {seen['answer']}"
    )
    if not seen["answer"]:
        report.wrong('"what do I see?" showed no answer')
    if (
        not seen["light"]
        or seen["pressed"] != seen["light"]
        or seen["believed"] != seen["light"]
    ):
        report.wrong(
            f'"what do I see?" for {seen["camera"]} starts at {seen["pressed"]!r} '
            f"(marked believed: {seen['believed']!r}), Blink Health believes {seen['light']!r}"
        )
    raw = [steps for steps in seen["steps"] if "](" in steps or "**" in steps]
    report.saw(
        f'"what do I see?": {len(seen["steps"])} fixes\' steps, {seen["markdown"]} drawn '
        "by Home Assistant's ha-markdown"
    )
    if raw or not seen["steps"]:
        report.wrong(f'"what do I see?": steps show Markdown marks or none: {raw[:1]}')


async def check_contrast(page: Page, report: CardReport, what: str) -> None:
    """Every text of the card reaches 4.5:1 against its background."""
    texts = await contrast(page)
    if not texts:
        report.wrong(f"contrast ({what}): no text measured")
        return
    lowest = min(texts, key=lambda text: text["ratio"])
    report.saw(
        f"contrast {what}: {len(texts)} texts, lowest {lowest['ratio']:.2f}:1 "
        f"({lowest['element']} {lowest['colour']} on {lowest['background']}: {lowest['text']!r})"
    )
    for text in texts:
        if text["ratio"] < AA_CONTRAST:
            report.wrong(
                f"contrast {what}: {text['ratio']:.2f}:1 for {text['element']} "
                f"{text['colour']} on {text['background']} ({text['text']!r})"
            )


async def check_survives_update(
    page: Page, ha: HomeAssistant, report: CardReport
) -> None:
    """Check that opened details and the focused button survive a state change of hass."""
    name = await open_row_and_focus(page)
    camera = next((c for c in ha.cameras if c.name == name), None)
    if camera is None:
        report.wrong(f"focus check: {name!r} is not a camera Home Assistant knows")
        return
    await mark_row(page, name)
    original = await ha.state(camera.cause_entity)
    pushed = "recording" if original["state"] != "recording" else "ok"
    # A state written through the API reaches every frontend like one of Blink Health's own; the
    # next poll (or the restore below) writes the real one back.
    await ha.client.request(
        "POST",
        f"/api/states/{camera.cause_entity}",
        {"state": pushed, "attributes": original["attributes"]},
    )
    try:
        deadline = time.monotonic() + 15
        after = await row_survived(page, name)
        while after["state"] != pushed and time.monotonic() < deadline:
            await asyncio.sleep(0.3)
            after = await row_survived(page, name)
    finally:
        await ha.client.request(
            "POST",
            f"/api/states/{camera.cause_entity}",
            {"state": original["state"], "attributes": original["attributes"]},
        )
    report.saw(
        f"{name}: cause pushed as {pushed}; the card shows {after['state'] or '-'}, details "
        f"{'open' if after['open'] else 'closed'}, focus {'kept' if after['focused'] else 'lost'}, "
        f"{'same' if after['marked'] else 'new'} element"
    )
    if after["state"] != pushed:
        report.wrong(f"focus check: the card never showed {name}'s pushed state")
    elif not (after["open"] and after["focused"] and after["marked"]):
        report.wrong(
            f"an update of hass lost {name}'s open details or the focused button: {after}"
        )


async def check_batteries(
    page: Page, ha: HomeAssistant, report: CardReport
) -> str | None:
    """Record new batteries from a fine battery camera's details; Home Assistant has them.

    Return the camera's name when they were recorded.
    """
    row = page.locator(f"{CARD} .row[data-camera]")
    target = None
    for index in range(await row.count()):
        entry = row.nth(index)
        if await entry.get_attribute("data-stale") == "true":
            continue
        toggle = entry.locator('[data-action="toggle"]')
        opened = await toggle.get_attribute("aria-expanded") == "false"
        if opened:
            await toggle.click()
        if await entry.locator('[data-action="batteries"]').count():
            target = entry
            break
        if opened:
            await toggle.click()
    if target is None:
        report.wrong('"batteries replaced": no fine camera with batteries offers it')
        return None
    name = await target.get_attribute("data-camera") or ""
    device = await target.get_attribute("data-device") or ""
    sensor = await _batteries_sensor(ha, device)
    before = (await ha.state(sensor))["state"] if sensor else None
    await target.locator('[data-action="batteries"]').click()
    await target.locator('[data-action="batteries-confirm"]').click()
    await target.locator('[role="status"]').wait_for(timeout=RENDER_TIMEOUT_MS)
    deadline = time.monotonic() + 10
    replaced = before
    while sensor and time.monotonic() < deadline:
        replaced = (await ha.state(sensor))["state"]
        if replaced not in {before, None, "unknown", "unavailable"}:
            report.saw(f'"batteries replaced" for {name}: recorded {replaced}')
            return name
        await asyncio.sleep(0.5)
    report.wrong(f'"batteries replaced" for {name} recorded nothing ({replaced})')
    return None


async def _batteries_sensor(ha: HomeAssistant, device: str) -> str | None:
    """Return a camera's "batteries replaced" sensor."""
    (entities,) = await ha.client.ws(
        {"type": "config/entity_registry/list_for_display"}
    )
    return next(
        (
            e["ei"]
            for e in entities["entities"]
            if e.get("pl") == DOMAIN
            and e.get("di") == device
            and e.get("tk") == "batteries_replaced"
            and e["ei"].startswith("sensor.")
        ),
        None,
    )


async def check_editor(page: Page, ha: HomeAssistant, report: CardReport) -> None:
    """Check that the editor is Home Assistant's form with the camera picker, in words."""
    editor = await open_editor(page)
    if not editor["form"]:
        report.wrong(f"the visual editor shows no form: {editor['text'][:200]!r}")
        return
    report.saw(
        f"visual editor: form with {editor['picker']} camera picker "
        f"(multiple: {editor['picker_multiple']}, integration: {editor['picker_integration']}), "
        f"labels {editor['labels']}"
    )
    if (
        editor["picker"] != 1
        or not editor["picker_multiple"]
        or editor["picker_integration"] != DOMAIN
    ):
        report.wrong(
            f"the visual editor has no multiple picker of Blink Health devices: {editor}"
        )
    if ha.label("editor_cameras") not in editor["labels"]:
        report.wrong(
            f"the visual editor's labels are not Blink Health's: {editor['labels']}"
        )
    if "visual editor" in editor["text"].lower():
        report.wrong(f"the card editor says: {editor['text'][:200]!r}")


async def check_repair(
    page: Page, report: CardReport, prefer: frozenset[str] = frozenset()
) -> None:
    """Every camera needing attention links its repair; one opens that camera's repair.

    The one opened is a camera's own repair (not its Sync Module's), among `prefer` (cameras on
    `blink`'s devices) where one of them links one.
    """
    tiles = page.locator(f"{CARD} .tile[data-camera]")
    buttons = page.locator(f'{CARD} .tile[data-camera] [data-action="repair"]')
    # Repairs open at the second poll: a check right after start-up may wait for them.
    await wait_until(
        page,
        lambda card: all(
            "repair" in c["buttons"] for c in card["cameras"] if c["tile"]
        ),
        seconds=15,
    )
    linked, total = await buttons.count(), await tiles.count()
    if not linked or linked < total:
        report.wrong(
            f'"open the repair": {linked} of {total} cameras needing attention link theirs'
        )
        if not linked:
            return
    linking = tiles.filter(has=page.locator('[data-action="repair"]'))
    candidates = []
    for index in range(await linking.count()):
        entry = linking.nth(index)
        device = await entry.get_attribute("data-device") or ""
        issue = await entry.locator('[data-action="repair"]').get_attribute(
            "data-issue"
        )
        own = (issue or "").endswith(f"_{device}")
        name = await entry.get_attribute("data-camera") or ""
        candidates.append((not own, name not in prefer, index))
    tile = linking.nth(min(candidates)[2])
    name = await tile.get_attribute("data-camera") or ""
    button = tile.locator('[data-action="repair"]')
    issue = await button.get_attribute("data-issue") or ""
    await button.click()
    await page.wait_for_url("**/config/repairs", timeout=RENDER_TIMEOUT_MS)
    opened = await opened_repair(page)
    report.saw(
        f'"open the repair" for {name}: {urlsplit(page.url).path}, '
        f"{opened['title'] or 'no dialog'} ({opened['issue'] or '-'})"
    )
    if opened["issue"] != issue or name not in opened["title"]:
        report.wrong(
            f'"open the repair" for {name} did not open its repair {issue}: {opened}'
        )


async def check_outage(
    page: Page, ha: HomeAssistant, report: CardReport, before: dict[str, Any]
) -> bool:
    """In an outage the card says why and since when and greys every last known verdict."""
    card = await wait_until(
        page,
        lambda card: (
            card["outage"] is not None
            and all(camera["stale"] for camera in card["cameras"])
        ),
        seconds=45,
    )
    connection = await _connection(ha)
    reason = ha.text(f"entity.sensor.connection.state.{connection}")
    stale = [camera for camera in card["cameras"] if camera["stale"]]
    report.saw(
        f"outage ({connection}): {card['summary']!r}; {len(stale)} of {len(card['cameras'])} "
        f"cameras greyed, e.g. {stale[0]['name']}: {stale[0]['cause']}, {stale[0]['asOf']}"
        if stale
        else f"outage ({connection}): {card['summary']!r}; no camera greyed"
    )
    if card["outage"] is None or not reason or reason not in card["summary"]:
        report.wrong(f"outage: the card does not say {reason!r}: {card['summary']!r}")
        return False
    if card["tone"] == "ok" or ha.label("all_fine") in card["summary"]:
        report.wrong(f"outage: the card says all is well: {card['summary']!r}")
    was = {camera["name"]: camera["cause"] for camera in before["cameras"]}
    for camera in card["cameras"]:
        if not camera["stale"] or not camera["asOf"]:
            report.wrong(
                f"outage: {camera['name']} is not greyed with its time: {camera}"
            )
        elif camera["cause"] != was.get(camera["name"]):
            report.wrong(
                f"outage: {camera['name']} shows {camera['cause']!r}, last known "
                f"{was.get(camera['name'])!r}"
            )
        elif camera["tile"] and not camera["since"]:
            report.wrong(f"outage: {camera['name']} does not say since when: {camera}")
    # Its buttons fit its last known problem: "Record new batteries" (Blink Health's own record,
    # available in an outage) first for low batteries.
    by_name = {camera.name: camera for camera in ha.cameras}
    for camera in card["cameras"]:
        _check_entry(camera, by_name.get(camera["name"]), report)
    # Blink's own words (a possible hardware fault's) stay, from blink_health/last_known.
    await _check_blink_issues(page, ha, report)
    return True


async def check_outage_after_reload(
    page: Page,
    ha: HomeAssistant,
    report: CardReport,
    before: dict[str, Any],
    connection: str,
) -> None:
    """Check the card of an entry reloaded in the outage (set-up retried): it still says why.

    Every camera keeps its last known verdict, greyed and dated, from what Blink Health stored.
    """
    card = await wait_until(
        page,
        lambda card: (
            card["outage"] is not None
            and bool(card["cameras"])
            and all(camera["stale"] for camera in card["cameras"])
        ),
        seconds=45,
    )
    reason = ha.text(f"entity.sensor.connection.state.{connection}")
    stale = [camera for camera in card["cameras"] if camera["stale"]]
    report.saw(
        f"outage, entry reloaded (set-up retried): {card['summary']!r}; {len(stale)} of "
        f"{len(card['cameras'])} cameras greyed with their last known verdict"
    )
    if card["outage"] is None or not reason or reason not in card["summary"]:
        report.wrong(
            f"outage, reloaded: the card does not say {reason!r}: {card['summary']!r}"
        )
    was = {camera["name"]: camera["cause"] for camera in before["cameras"]}
    for camera in card["cameras"]:
        if not camera["stale"] or not camera["asOf"]:
            report.wrong(f"outage, reloaded: {camera['name']} is not greyed: {camera}")
        elif camera["cause"] != was.get(camera["name"]):
            report.wrong(
                f"outage, reloaded: {camera['name']} shows {camera['cause']!r}, last "
                f"known {was.get(camera['name'])!r}"
            )


async def entry_state(ha: HomeAssistant) -> str:
    """Return the state of Blink Health's (first) config entry ("loaded", "setup_retry")."""
    (entries,) = await ha.client.ws({"type": "config_entries/get", "domain": DOMAIN})
    return str(entries[0]["state"]) if entries else "-"


async def reload_entry(ha: HomeAssistant) -> None:
    """Reload Blink Health's config entries, as the owner's "Reload" in its menu does."""
    for entry_id in ha.entry_ids:
        await ha.client.request(
            "POST", f"/api/config/config_entries/entry/{entry_id}/reload"
        )


async def connection_state(ha: HomeAssistant) -> str:
    """Return the state of the account's connection sensor."""
    return await _connection(ha)


async def check_recovery(
    page: Page, report: CardReport, before: dict[str, Any]
) -> None:
    """Once Blink answers again the card shows current verdicts, as before the outage."""
    card = await wait_until(
        page,
        lambda card: (
            card["outage"] is None
            and not any(camera["stale"] for camera in card["cameras"])
        ),
        seconds=45,
    )
    report.saw(f"after the outage: {card['summary']!r}")
    if card["outage"] is not None or any(camera["stale"] for camera in card["cameras"]):
        report.wrong(f"the card did not recover from the outage: {card['summary']!r}")
    elif card["summary"] != before["summary"]:
        report.wrong(
            f"after the outage the card says {card['summary']!r}, before {before['summary']!r}"
        )


async def blink_mode(ha: HomeAssistant) -> str:
    """Return how Blink Health reaches Blink: `signed_in`, or `blink_integration` (its session).

    Read from the entry's diagnostics, the one place Home Assistant shows it.
    """
    (entries,) = await ha.client.ws({"type": "config_entries/get", "domain": DOMAIN})
    if not entries:
        return "-"
    diagnostics = await ha.client.request(
        "GET", f"/api/diagnostics/config_entry/{entries[0]['entry_id']}"
    )
    return str(diagnostics["data"]["source"]["mode"])


async def _connection(ha: HomeAssistant) -> str:
    """Return the state of the account's connection sensor."""
    (entities,) = await ha.client.ws(
        {"type": "config/entity_registry/list_for_display"}
    )
    entity = next(
        (
            e["ei"]
            for e in entities["entities"]
            if e.get("pl") == DOMAIN and e.get("tk") == "connection"
        ),
        None,
    )
    return str((await ha.state(entity))["state"]) if entity else "-"
