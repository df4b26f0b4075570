"""The dashboard card: built from its Lit sources, served to every frontend, in step with Python."""

from __future__ import annotations

import hashlib
from http import HTTPStatus
import json
from pathlib import Path
import re
import shutil
from unittest.mock import patch

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.issue_registry import IssueSeverity
from homeassistant.setup import async_setup_component
from homeassistant.util import slugify
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.card import (
    CARD_DIR,
    CARD_ENTRY,
    CARD_URL_ROOT,
    card_module_url,
)
from custom_components.blink_health.connection import Connection
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.diagnosis import (
    RULES,
    Cause,
    Confidence,
    Fix,
    LedState,
)
from custom_components.blink_health.forecast import Basis
from custom_components.blink_health.model import model_name
from custom_components.blink_health.model.storage import STOPPED
from custom_components.blink_health.repairs.issues import WEAK_LINKS
from custom_components.blink_health.repairs.storage import LOCAL_STORAGE
from custom_components.blink_health.websocket import COMMAND_LAST_KNOWN

from .core_blink import add_health, setup_core_blink

ROOT = Path(__file__).parent.parent / "custom_components" / "blink_health"
FRONTEND = Path(__file__).parent.parent / "frontend"
STRINGS = json.loads((ROOT / "strings.json").read_text(encoding="utf-8"))
LABELS = STRINGS["selector"]["card"]["options"]
# The card's Lit sources, by file name; CARD_JS is all of them, for what holds across modules.
MODULES = {
    path.name: path.read_text("utf-8")
    for path in sorted((FRONTEND / "src").glob("*.js"))
}
CARD_JS = "\n".join(MODULES.values())
# What Blink Health serves: the bundle scripts/build_card makes of the sources and Lit.
SERVED = {path.name: path.read_bytes() for path in sorted(CARD_DIR.iterdir())}
BUNDLE = (CARD_DIR / CARD_ENTRY).read_text("utf-8")
IMPORT = re.compile(r'^import \{[\w\s,]+\} from "([\w./-]+)";$', re.MULTILINE)


def _js_list(name: str) -> list[str]:
    """Return the strings of a `const NAME = [...]` or `new Set([...])` in the card."""
    match = re.search(rf"const {name} = (?:new Set\()?\[(.*?)\]", CARD_JS, re.DOTALL)
    assert match, name
    return re.findall(r'"(\w+)"', match.group(1))


def _js_string(name: str) -> str:
    """Return the string of a `const NAME = "..."` in the card."""
    match = re.search(rf'const {name} = "(\w+)";', CARD_JS)
    assert match, name
    return match.group(1)


def _inputs_hash() -> str:
    """Return the hash build.mjs writes into the bundle: every input's name and content."""
    names = sorted(
        [f"src/{name}" for name in MODULES]
        + ["build.mjs", "package.json", "package-lock.json"]
    )
    digest = hashlib.sha256()
    for name in names:
        content = (FRONTEND / name).read_bytes()
        digest.update(f"{len(name.encode())}:{name}{len(content)}:".encode())
        digest.update(content)
    return digest.hexdigest()[:16]


def test_served_bundle_is_built_from_these_sources() -> None:
    """The committed bundle was built from the sources, build script and lockfile as they are.

    (scripts/test also rebuilds it with Node and compares byte for byte: scripts/build_card --check.)
    """
    assert set(SERVED) == {CARD_ENTRY}
    banner = BUNDLE.splitlines()[0]
    built_from = re.search(r"\(inputs ([0-9a-f]{16})\)", banner)
    assert built_from, banner
    assert built_from.group(1) == _inputs_hash(), (
        "the card bundle is stale: run scripts/build_card and commit it"
    )


def test_lit_is_pinned_and_bundled() -> None:
    """Lit's exact version is pinned and locked; the bundle needs nothing else to load."""
    package = json.loads((FRONTEND / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((FRONTEND / "package-lock.json").read_text(encoding="utf-8"))
    pinned = package["dependencies"] | package["devDependencies"]
    assert set(package["dependencies"]) == {"lit"}
    for name, version in pinned.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), name
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name
    assert lock["packages"][""]["dependencies"] == package["dependencies"]
    for path, locked in lock["packages"].items():
        if path:
            assert locked["integrity"].startswith("sha512-"), path
    # One self-contained module: no import left for the browser to resolve.
    assert not re.search(r"^\s*(import|export)\b", BUNDLE, re.MULTILINE)
    assert "// node_modules/lit-html/lit-html.js" in BUNDLE


async def test_card_is_served_and_every_frontend_loads_it(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """With a frontend, the bundle is served under the hashed path; the index loads it."""
    assert await async_setup_component(hass, "frontend", {})
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()

    url = card_module_url()
    assert re.fullmatch(rf"{CARD_URL_ROOT}/[0-9a-f]{{12}}/{CARD_ENTRY}", url)
    assert url in hass.data[DATA_EXTRA_MODULE_URL].urls

    client = await hass_client()
    base = url.removesuffix(CARD_ENTRY)
    for name, content in SERVED.items():
        response = await client.get(base + name)
        assert response.status == HTTPStatus.OK, name
        assert "javascript" in response.headers["Content-Type"], name
        assert "max-age" in response.headers["Cache-Control"], name
        assert await response.read() == content, name
    stale = await client.get(f"{CARD_URL_ROOT}/000000000000/{CARD_ENTRY}")
    assert stale.status == HTTPStatus.NOT_FOUND

    with patch(
        "homeassistant.components.frontend.onboarding.async_is_onboarded",
        return_value=True,
    ):
        index = await client.get("/")
    assert index.status == HTTPStatus.OK
    assert url in await index.text()


async def test_no_frontend_no_card(hass: HomeAssistant) -> None:
    """Without a frontend (a headless install, tests) Blink Health loads and serves no card."""
    assert await async_setup_component(hass, DOMAIN, {})
    assert "frontend" not in hass.config.components
    assert DATA_EXTRA_MODULE_URL not in hass.data
    routes = {resource.canonical for resource in hass.http.app.router.resources()}
    assert not [route for route in routes if route.startswith(f"/{DOMAIN}/")]


def test_module_url_changes_with_any_card_file(tmp_path: Path) -> None:
    """Browsers fetch the card again after an update: the URL hashes every served file."""
    copy = tmp_path / "www"
    shutil.copytree(CARD_DIR, copy)
    with patch("custom_components.blink_health.card.CARD_DIR", copy):
        before = card_module_url()
        seen = {before}
        for name, content in SERVED.items():
            (copy / name).write_bytes(content + b"\n// changed\n")
            changed = card_module_url()
            assert changed not in seen, name
            seen.add(changed)
            (copy / name).write_bytes(content)
            assert card_module_url() == before, name
        (copy / "added.js").write_text("", encoding="utf-8")
        assert card_module_url() not in seen
        (copy / "added.js").rename(copy / "renamed.js")
        assert card_module_url() not in seen
    assert card_module_url().endswith(f"/{CARD_ENTRY}")


def test_card_sources_import_each_other_and_lit_only() -> None:
    """Every import is a card module or Lit; every module is used; none is long or unsafe."""
    assert CARD_ENTRY in MODULES
    imports: dict[str, set[str]] = {}
    for name, source in MODULES.items():
        statements = IMPORT.findall(source)
        assert len(re.findall(r"^import\b", source, re.MULTILINE)) == len(statements), (
            name
        )
        local = {s.removeprefix("./") for s in statements if s.startswith("./")}
        assert local <= set(MODULES), name
        assert {s for s in statements if not s.startswith("./")} <= {
            "lit",
            "lit/directives/repeat.js",
        }, name
        imports[name] = local
        assert len(source.splitlines()) < 300, name
    reached, todo = set(), [CARD_ENTRY]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo.extend(imports[name])
    assert reached == set(MODULES)
    # Templates escape what they show; hass is the one Home Assistant hands the card.
    assert not re.search(r"innerHTML|unsafeHTML|insertAdjacentHTML|\.write\(", CARD_JS)
    assert not re.search(
        r"querySelector\([^)]*\)\??\.hass|window\.hass|hassConnection", CARD_JS
    )
    assert "static styles = STYLES;" in MODULES["card.js"]


def test_card_labels_are_translated_and_used() -> None:
    """Every label the card shows is in strings.json, and every card string is used."""
    direct = set(re.findall(r'label\((?:this\.)?hass,\s*"(\w+)"', CARD_JS))
    chosen = re.findall(r'label\(hass,\s*[\w.]+ \? "(\w+)" : "(\w+)"', CARD_JS)
    schema = re.findall(r'name: "(\w+)"', MODULES["editor.js"])
    used = direct | {key for pair in chosen for key in pair}
    used |= {f"confidence_{level.value}" for level in Confidence}
    used |= {f"weak_link_{link}" for link in WEAK_LINKS.values()}
    assert "`weak_link_${camera.weakLink}`" in MODULES["camera-views.js"]
    used |= {f"editor_{name}" for name in schema} | {"editor_cameras_helper"}
    assert "`editor_${schema.name}`" in MODULES["editor.js"]
    assert '"editor_cameras_helper"' in MODULES["editor.js"]
    assert used == set(LABELS)


def test_card_label_strings_pass_hassfest_rules() -> None:
    """The card's strings follow hassfest's rules for translation values."""
    for key, text in LABELS.items():
        assert re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", key), key
        assert text == text.strip(), key
        assert not re.search(r"<[a-z/]", text), key
        assert not re.search(r"https?://|www\.", text), key
        assert not re.search(r"'\{\w+\}'", text), key
        for placeholder in re.findall(r"\{([^}]*)\}", text):
            assert placeholder.isidentifier(), key


def test_card_translation_keys_exist() -> None:
    """Each Blink Health translation the card reads exists for every value it can take.

    The local storage states it warns of have their words and their first fix.
    """
    sensor = STRINGS["entity"]["sensor"]
    leds = set(_js_list("LED_STATES"))
    assert leds == {led.value for led in LedState}
    assert leds == set(sensor["led_state"]["state"])
    assert leds == set(STRINGS["selector"]["led_state"]["options"])
    assert set(_js_list("CAUSE_ORDER")) == set(sensor["likely_cause"]["state"])
    assert set(sensor["connection"]["state"]) == {state.value for state in Connection}
    assert STRINGS["entity"]["button"]["batteries_replaced"]["name"]
    prefixes = set(re.findall(r"\$\{TRANSLATIONS\}\.([\w.]+)\.\$\{", CARD_JS))
    assert prefixes == {
        "entity.sensor.likely_cause.state",
        "entity.sensor.led_state.state",
        "entity.sensor.connection.state",
        "entity.sensor.local_storage.state",
        "selector.fix_title.options",
        "selector.led_state.options",
        "selector.local_storage_fix.options",
        "selector.card.options",
    }
    stopped = set(_js_list("STORAGE_STOPPED"))
    assert stopped <= set(sensor["local_storage"]["state"])
    assert stopped <= set(STRINGS["selector"]["local_storage_fix"]["options"])


def test_card_orders_and_offers_as_the_integration_decides() -> None:
    """The card decides as the integration does: precedence, fixes, links, storage, roles.

    Precedence is the LED doctor's; "batteries replaced" leads where batteries are a fix; a weak
    signal's link is the repair event's `weak_link` for its first fix; a stopped local storage is
    the states and the issue id of its repair; the roles are the entities the card reads.
    """
    assert _js_list("CAUSE_ORDER") == list(dict.fromkeys(r.cause.value for r in RULES))
    assert set(_js_list("BATTERY_CAUSES")) == {
        rule.cause.value for rule in RULES if Fix.REPLACE_BATTERIES in rule.fixes
    }
    assert _js_list("SEVERITY_ORDER") == [IssueSeverity.ERROR, IssueSeverity.WARNING]
    roles = dict(re.findall(r'"(\w+\.\w+)": "(\w+)"', MODULES["constants.js"]))
    assert roles == {
        "sensor.likely_cause": "cause",
        "sensor.led_state": "led",
        "binary_sensor.problem": "problem",
        "button.batteries_replaced": "batteriesButton",
        "sensor.battery_replacement_due": "forecast",
        "sensor.connection": "connection",
        "sensor.batteries_due_soon": "dueSoon",
        "sensor.local_storage": "storage",
    }
    assert _js_string("LEARNING") == Basis.LEARNING.value
    # A weak signal's link, by its first fix, as its repair's event names it.
    assert _js_string("WEAK_SIGNAL") == Cause.WEAK_WIFI.value
    links = re.search(r"const WEAK_LINKS = \{(.*?)\}", CARD_JS, re.DOTALL)
    assert links
    assert dict(re.findall(r'(\w+): "(\w+)"', links.group(1))) == {
        fix.value: link for fix, link in WEAK_LINKS.items()
    }
    # A stopped local storage: the states its repair is raised for, and the repair's id.
    assert set(_js_list("STORAGE_STOPPED")) == {state.value for state in STOPPED}
    assert _js_string("STORAGE_ISSUE") == LOCAL_STORAGE
    assert f"`${{DOMAIN}}/{COMMAND_LAST_KNOWN.split('/')[1]}`" in MODULES["card.js"]


@pytest.mark.parametrize("scenario", ["demo"])
async def test_what_the_card_reads_is_what_blink_health_gives(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The attributes, roles and last known fields the card reads exist on a real set-up.

    The demo's account carries `batteries_due_soon` with each camera's device (Patio, low, is
    due); Patio's likely cause notes the cold as the card reads it (`cold_temperature_c=-5`); a
    Sync Module's local storage says whether it worked; last_known gives each camera and Sync
    Module its name in Blink and its model.
    """
    entities = er.async_get(hass)
    devices = dr.async_get(hass)
    ours = er.async_entries_for_config_entry(entities, init_integration.entry_id)
    by_key = {(e.domain, e.translation_key): e for e in ours}
    roles = dict(re.findall(r'"(\w+)\.(\w+)": "\w+"', MODULES["constants.js"]))
    for domain, key in roles.items():
        assert (domain, key) in by_key, (domain, key)
    cameras = MODULES["cameras.js"]
    forecast_js = MODULES["forecast.js"]
    cause = hass.states.get(by_key["sensor", "likely_cause"].entity_id)
    assert set(re.findall(r"(?<![\w.])attributes\.(\w+)", cameras)) <= set(
        cause.attributes
    )
    # The account device (Blink Health's own, in every mode) carries the connection and the
    # batteries due soon.
    connection = by_key["sensor", "connection"]
    account = devices.async_get(connection.device_id or "")
    assert account is not None
    assert account.config_entry_id == init_integration.entry_id
    assert by_key["sensor", "batteries_due_soon"].device_id == account.id
    state = hass.states.get(connection.entity_id)
    assert set(re.findall(r"connection\.attributes\.(\w+)", cameras)) == {
        "since",
        "last_update",
        "code",
    }
    assert {"since", "last_update", "code"} <= set(state.attributes)
    due_soon = hass.states.get(by_key["sensor", "batteries_due_soon"].entity_id)
    assert set(re.findall(r"dueSoon\.attributes\.(\w+)", cameras)) == {"cameras"}
    due = due_soon.attributes["cameras"]
    assert due, "the demo has a camera whose batteries are due (Patio, low)"
    listed = set(re.findall(r"listed\.(\w+)", forecast_js))
    assert listed == {"name", "device_id", "date", "days_left"}
    assert listed <= set(due[0])
    patio = hass.states.get("sensor.patio_likely_cause")
    assert patio.attributes["evidence"][-1:] == [f"{_js_string('COLD_FACT')}=-5"]
    assert _js_string("COLD_FACT") in STRINGS["selector"]["evidence"]["options"]

    # A Sync Module's local storage: the attributes the card reads.
    storage_js = MODULES["storage.js"]
    home = hass.states.get(by_key["sensor", "local_storage"].entity_id)
    read = set(re.findall(r"storage\.attributes\.(\w+)", storage_js))
    assert read == {"worked"}
    assert read <= set(home.attributes)

    # The forecast: a date state, and the attributes the card reads.
    due_sensors = [e for e in ours if e.translation_key == "battery_replacement_due"]
    assert due_sensors
    forecast = hass.states.get(due_sensors[0].entity_id)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", forecast.state)
    read = set(re.findall(r"forecast\.attributes\.(\w+)", forecast_js))
    assert read == {"days_left", "earliest", "latest", "basis"}
    assert read <= set(forecast.attributes)
    assert forecast.attributes["basis"] in {basis.value for basis in Basis}

    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": COMMAND_LAST_KNOWN})
    result = await client.receive_json()
    (entry,) = result["result"]["entries"]
    assert entry["entry_id"] == init_integration.entry_id
    camera = entry["cameras"][0]
    assert set(re.findall(r"lastKnown\.(\w+)", cameras)) <= set(camera)
    assert {"blink_issues", "since"} <= set(re.findall(r"lastKnown\.(\w+)", cameras))
    assert "device_id" in camera
    assert "entry.entry_id" in MODULES["card.js"]
    # A device's name in Blink and its model, cameras' and Sync Modules' alike.
    assert set(re.findall(r"known\?\.(\w+)", MODULES["devices.js"])) == {
        "name",
        "model",
    }
    for device in (camera, entry["sync_modules"][0]):
        assert {"device_id", "name", "model"} <= set(device)
    assert "...entry.sync_modules" in MODULES["card.js"]


def test_card_requests_nothing_outside_home_assistant() -> None:
    """The card calls no other host; the one URL in it, sources and bundle, is its documentation."""
    assert "fetch(" not in CARD_JS
    urls = re.findall(r"https?://[^\s\"'`]+", CARD_JS)
    assert urls == ["https://github.com/blink-health/blink-health#dashboard-card"]
    assert re.findall(r"https?://[^\s\"'`]+", BUNDLE) == urls
    manifest = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
    assert urls[0].startswith(manifest["documentation"])


def _template_texts(source: str) -> str:
    """Return the literal parts of the source's template strings, NUL where ${...} was cut."""
    stack = ["code"]
    parts: list[str] = []
    at = 0
    while at < len(source):
        char = source[at]
        if stack[-1] == "template":
            if char == "`":
                stack.pop()
                parts.append("\0")
            elif source.startswith("${", at):
                stack.append("expression")
                parts.append("\0")
                at += 1
            else:
                parts.append(char)
        elif char == "`":
            stack.append("template")
        elif char == "{":
            stack.append("brace")
        elif char == "}":
            stack.pop()
        at += 1
    assert stack == ["code"]
    return "".join(parts)


def test_card_has_no_text_of_its_own() -> None:
    """Every text any template shows comes from an expression, never a literal."""
    for name, source in MODULES.items():
        markup = _template_texts(source)
        texts = [t.strip() for t in re.findall(r">([^<>\0]*)<", markup) if t.strip()]
        assert texts == [], name
        assert not re.search(r'aria-label="[^\0"]', markup), name
    assert "<ha-card>" in _template_texts(MODULES["card.js"])
    errors = re.findall(r"new Error\((.*)\)", CARD_JS)
    assert errors == [
        '(this.hass && label(this.hass, "invalid_config")) || CARD_TYPE',
        # The names the picker cannot show: the owner's own words.
        'config.cameras.filter((value) => !DEVICE_ID.test(value)).join(", ")',
    ]


@pytest.mark.parametrize("scenario", ["demo"])
async def test_what_the_card_reads_on_blink_devices(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """On `blink`'s session the card still finds each camera, names it and ties it to its entry.

    Its entities sit on `blink`'s device (`blink`'s config entry, named "blink Driveway" when
    `blink`'s sensors named it last, with Blink's raw type for a model); last_known lists that
    device under Blink Health's entry with the camera's name in Blink and its model's name
    (what the card shows), and a Sync Module's ("blink Home" on `blink`'s device) likewise.
    """
    core = await setup_core_blink(hass, cloud)
    devices = dr.async_get(hass)
    (driveway,) = [
        d for d in devices.devices if ("blink", "DEMO-HEALTHY-01") in d.identifiers
    ]
    devices.async_update_device(driveway.id, name="blink Driveway")
    health = await add_health(hass, core)
    entities = er.async_get(hass)
    ours = er.async_entries_for_config_entry(entities, health.entry_id)
    causes = [e for e in ours if e.translation_key == "likely_cause"]
    assert len(causes) == len(cloud.cameras)
    on_blink = {}
    for cause in causes:
        device = devices.async_get(cause.device_id or "")
        assert device is not None
        if device.config_entry_id == core.entry_id:
            (serial,) = [s for domain, s in device.identifiers if domain == "blink"]
            on_blink[device.id] = (cloud.cameras[serial]["name"], device, cause)
    assert len(on_blink) == len(cloud.cameras) - 1  # Shed, never set up, is our own
    for name, device, cause in on_blink.values():
        assert cause.entity_id == f"sensor.{slugify(name)}_likely_cause"
        assert device.name in (name, f"blink {name}")
    assert on_blink[driveway.id][1].name == "blink Driveway"
    forecasts = {
        e.device_id for e in ours if e.translation_key == "battery_replacement_due"
    }
    assert forecasts
    assert forecasts <= {e.device_id for e in causes}

    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": COMMAND_LAST_KNOWN})
    (entry,) = (await client.receive_json())["result"]["entries"]
    assert entry["entry_id"] == health.entry_id
    known = {camera["device_id"]: camera for camera in entry["cameras"]}
    assert set(on_blink) <= set(known)
    # What `blink`'s device does not tell: the camera's name in Blink and its model's name.
    for device_id, (name, device, _) in on_blink.items():
        (serial,) = [s for domain, s in device.identifiers if domain == "blink"]
        assert known[device_id]["name"] == name
        assert known[device_id]["model"] == model_name(cloud.cameras[serial]["type"])
    assert known[driveway.id]["model"] == "Blink Outdoor"
    # The Sync Module's local storage sits on `blink`'s device, named "blink Home" there.
    storage = next(e for e in ours if e.translation_key == "local_storage")
    home = devices.async_get(storage.device_id or "")
    assert home is not None
    assert home.config_entry_id == core.entry_id
    assert home.name == "blink Home"
    modules = {module["device_id"]: module for module in entry["sync_modules"]}
    assert modules[home.id]["name"] == "Home"
