"""What the card check asserts of the battery forecast and of cameras on `blink`'s devices.

Each reads the page (card_page.py) and Home Assistant (card_checks.HomeAssistant), and notes in the
report what it saw and what is wrong.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

from playwright.async_api import Page

from custom_components.blink_health.model import CameraKind, has_battery

from .card_checks import Camera, CardReport, HomeAssistant
from .card_page import close_explain, explain_first, format_days, read_card, wait_until

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# The prefix `blink`'s sensors give its camera devices ("blink Driveway").
BLINK_PREFIX = "blink "


def _battery_camera(camera: Camera) -> bool | None:
    """Return whether the camera runs on batteries (Blink Health's reading of its type), if known."""
    return None if camera.kind is None else has_battery(CameraKind(camera.kind))


async def _forecast_states(ha: HomeAssistant) -> dict[str, dict[str, Any]]:
    """Return each camera's forecast sensor state, by camera name."""
    return {
        camera.name: await ha.state(camera.forecast_entity)
        for camera in ha.cameras
        if camera.forecast_entity
    }


def filled(template: str, values: dict[str, str]) -> str:
    """Return a card label with its {placeholders} filled."""
    for name, value in values.items():
        template = template.replace(f"{{{name}}}", value)
    return template


async def check_forecasts(page: Page, ha: HomeAssistant, report: CardReport) -> None:
    """Every battery camera shows its forecast day (the sensor's), in words; no Mini shows one."""
    states = await _forecast_states(ha)
    days = [s["state"] for s in states.values() if ISO_DAY.fullmatch(s["state"])]
    card = await wait_until(
        page,
        lambda card: all(
            any(c["name"] == name and c["forecast"] for c in card["cameras"])
            for name, state in states.items()
            if ISO_DAY.fullmatch(state["state"])
        ),
        seconds=15,
    )
    written = await format_days(page, ha.language, days)
    shown = {camera["name"]: camera for camera in card["cameras"]}
    counted = 0
    for camera in ha.cameras:
        entry = shown.get(camera.name)
        if entry is None:
            continue  # check_cameras says so
        forecast = entry["forecast"]
        battery = _battery_camera(camera)
        state = states.get(camera.name)
        if battery is False or (battery is None and not camera.has_battery):
            if forecast:
                report.wrong(
                    f"{camera.name} ({camera.kind or 'no battery'}) shows a battery forecast: "
                    f"{forecast['text']!r}"
                )
            continue
        if state is None or not ISO_DAY.fullmatch(state["state"]):
            if forecast:
                report.wrong(
                    f"{camera.name}: the card shows {forecast['text']!r}, the forecast sensor "
                    f"has no day ({state['state'] if state else 'no sensor'})"
                )
            continue
        counted += 1
        _check_forecast_text(
            ha,
            camera.name,
            forecast=forecast,
            state=state,
            written=written,
            report=report,
        )
    report.saw(
        f"battery forecast: {counted} battery cameras show their sensor's day, e.g. "
        + "; ".join(
            f"{c['name']}: {c['forecast']['text']}"
            for c in card["cameras"]
            if c["forecast"]
        )[:300]
    )


def _check_forecast_text(
    ha: HomeAssistant,
    name: str,
    *,
    forecast: dict[str, Any] | None,
    state: dict[str, Any],
    written: dict[str, str],
    report: CardReport,
) -> None:
    """One camera's forecast line: the sensor's day, in the owner's words for its basis."""
    day = state["state"]
    attributes = state.get("attributes", {})
    if forecast is None:
        report.wrong(f"{name}: no battery forecast on the card (the sensor says {day})")
        return
    if forecast["date"] != day:
        report.wrong(
            f"{name}: the card's forecast is {forecast['date']}, the sensor's {day}"
        )
        return
    date = written.get(day, day)
    if attributes.get("days_left") == 0:
        expected = filled(ha.label("forecast_now"), {"date": date})
    elif attributes.get("basis") == "learning":
        expected = filled(ha.label("forecast_learning"), {"date": date})
    else:
        expected = ""
    if expected and forecast["text"] != expected:
        report.wrong(
            f"{name}: the forecast reads {forecast['text']!r}, not {expected!r}"
        )
    elif date not in forecast["text"] or day in forecast["text"]:
        report.wrong(f"{name}: the forecast {forecast['text']!r} does not say {date!r}")


async def check_due_list(
    page: Page, ha: HomeAssistant, report: CardReport, when: str = "healthy"
) -> list[dict[str, Any]]:
    """Check that the summary lists the cameras `batteries_due_soon` lists, soonest first.

    Matched by device (the sensor's `device_id`); return the sensor's list. In an outage the
    sensor (Blink Health's own record) stays available, and so does the card's list.
    """
    state = await ha.state(ha.due_entity) if ha.due_entity else {}
    due = (state.get("attributes") or {}).get("cameras") or []
    if when != "healthy" and state.get("state") in {None, "unknown", "unavailable"}:
        report.wrong(f"{when}: batteries_due_soon is {state.get('state')}")
    name_of = {camera.device: camera.name for camera in ha.cameras}
    expected = [
        (item["date"], name_of.get(item["device_id"], item["name"])) for item in due
    ]
    card = await wait_until(
        page,
        lambda card: [(d["date"], d["camera"]) for d in card["due"]] == expected,
        seconds=15,
    )
    shown = [(item["date"], item["camera"]) for item in card["due"]]
    report.saw(
        f"batteries due soon ({when}): "
        + (", ".join(item["text"] for item in card["due"]) or "none")
        + f" (batteries_due_soon: {', '.join(f'{n} {d}' for d, n in expected) or 'none'})"
    )
    if shown != expected:
        report.wrong(
            f"{when}: the card lists the batteries due as {shown}, "
            f"batteries_due_soon says {expected}"
        )
    if not due and card["due"]:
        report.wrong(f"{when}: the card lists batteries due, batteries_due_soon none")
    return list(due)


async def check_forecast_after_change(
    page: Page, ha: HomeAssistant, report: CardReport, name: str
) -> None:
    """After new batteries are recorded, the card shows the forecast the sensor now gives."""
    camera = next((c for c in ha.cameras if c.name == name), None)
    if camera is None or not camera.forecast_entity:
        return
    # A recorded change ends the forecast from Blink's battery reading (`battery_level`).
    deadline = time.monotonic() + 15
    state = await ha.state(camera.forecast_entity)
    while (
        state.get("attributes", {}).get("basis") == "battery_level"
        and time.monotonic() < deadline
    ):
        await asyncio.sleep(0.5)
        state = await ha.state(camera.forecast_entity)
    card = await wait_until(
        page,
        lambda card: any(
            c["name"] == name and (c["forecast"] or {}).get("date") == state["state"]
            for c in card["cameras"]
        ),
        seconds=15,
    )
    entry = next((c for c in card["cameras"] if c["name"] == name), None)
    forecast = entry["forecast"] if entry else None
    written = await format_days(page, ha.language, [state["state"]])
    report.saw(
        f"{name} after new batteries: {state['attributes'].get('basis')}, "
        f"the card says {forecast['text'] if forecast else '-'!r}"
    )
    _check_forecast_text(
        ha, name, forecast=forecast, state=state, written=written, report=report
    )


def check_forecasts_kept(
    card: dict[str, Any], before: dict[str, Any], report: CardReport
) -> None:
    """In an outage each forecast (Blink Health's own record) stays shown as it was, not greyed."""
    was = {c["name"]: c["forecast"] for c in before["cameras"] if c["forecast"]}
    now = {c["name"]: c["forecast"] for c in card["cameras"]}
    for name, forecast in was.items():
        kept = now.get(name)
        if not kept or kept["date"] != forecast["date"]:
            report.wrong(
                f"outage: {name}'s forecast {forecast['text']!r} is gone: {kept}"
            )
        elif kept["look"] != forecast["look"]:
            report.wrong(
                f"outage: {name}'s forecast is greyed ({kept['look']}; before: {forecast['look']})"
            )
    report.saw(f"outage: {len(was)} battery forecasts still shown, not greyed")


async def check_blink_devices(
    page: Page, ha: HomeAssistant, report: CardReport
) -> None:
    """Cameras on `blink`'s devices: found, named as in Blink, tied to their Blink Health entry."""
    card = await read_card(page)
    shown = {camera["name"]: camera for camera in card["cameras"]}
    on_blink = [camera for camera in ha.cameras if not camera.own_device]
    for camera in ha.cameras:
        entry = shown.get(camera.name)
        if entry is None:
            continue  # check_cameras says so
        if entry["entry"] not in ha.entry_ids:
            report.wrong(
                f"{camera.name}: the card ties it to no Blink Health entry ({entry['entry']!r})"
            )
    prefixed = [
        name
        for name in shown
        if name.startswith(BLINK_PREFIX)
        and not any(
            c.blink_name.startswith(BLINK_PREFIX) and c.name == name for c in ha.cameras
        )
    ]
    if prefixed:
        report.wrong(f"cameras named with blink's prefix: {prefixed}")
    if not on_blink:
        return
    report.saw(
        f"on blink's devices: {len(on_blink)} of {len(ha.cameras)} cameras, each found, "
        "named as in Blink and tied to Blink Health's entry: "
        + ", ".join(
            f"{c.name} ({shown[c.name]['cause'] if c.name in shown else 'missing'})"
            for c in on_blink
        )
    )
    # "What do I see?" on one of them (a tile where one needs attention).
    names = [c.name for c in on_blink if c.name in shown]
    if not names:
        return
    name = next((n for n in names if shown[n]["tile"]), names[0])
    seen = await explain_first(page, name)
    report.saw(
        f'"what do I see?" for {name} on blink\'s device starts at {seen["pressed"] or "nothing"}: '
        f"{seen['answer']}"
    )
    if not seen["answer"] or seen["pressed"] != seen["light"]:
        report.wrong(f'"what do I see?" for {name} on blink\'s device: {seen}')
    await close_explain(page, name)
