"""The dashboard card: registered with the frontend when Blink Health loads, texts translated."""

from __future__ import annotations

from http import HTTPStatus
import json
from pathlib import Path
import re
import shutil
from unittest.mock import patch

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.blink_health.card import (
    CARD_DIR,
    CARD_ENTRY,
    CARD_URL_ROOT,
    card_module_url,
)
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.diagnosis import (
    Cause,
    Confidence,
    LedState,
    is_problem,
)
from custom_components.blink_health.repairs.issues import ERROR_CAUSES

ROOT = Path(__file__).parent.parent / "custom_components" / "blink_health"
STRINGS = json.loads((ROOT / "strings.json").read_text(encoding="utf-8"))
# The card's ES modules, by file name; CARD_JS is all of them, for what holds across modules.
MODULES = {path.name: path.read_text("utf-8") for path in sorted(CARD_DIR.glob("*.js"))}
CARD_JS = "\n".join(MODULES.values())
IMPORT = re.compile(r'^import \{[\w\s,]+\} from "\./([\w-]+\.js)";$', re.MULTILINE)


def _js_list(name: str) -> list[str]:
    """Return the strings of a `const NAME = [...]` or `new Set([...])` in the card."""
    match = re.search(rf"const {name} = (?:new Set\()?\[(.*?)\]", CARD_JS, re.DOTALL)
    assert match, name
    return re.findall(r'"(\w+)"', match.group(1))


async def test_card_is_served_and_every_frontend_loads_it(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """With a frontend, every module is served under the hashed path; the index loads the entry."""
    assert await async_setup_component(hass, "frontend", {})
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()

    url = card_module_url()
    assert re.fullmatch(rf"{CARD_URL_ROOT}/[0-9a-f]{{12}}/{CARD_ENTRY}", url)
    assert url in hass.data[DATA_EXTRA_MODULE_URL].urls

    client = await hass_client()
    base = url.removesuffix(CARD_ENTRY)
    for name, source in MODULES.items():
        response = await client.get(base + name)
        assert response.status == HTTPStatus.OK, name
        assert "javascript" in response.headers["Content-Type"], name
        assert "max-age" in response.headers["Cache-Control"], name
        assert await response.text() == source, name
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
    """Browsers fetch every module again after an update: the URL hashes all of the card's files."""
    copy = tmp_path / "www"
    shutil.copytree(CARD_DIR, copy)
    with patch("custom_components.blink_health.card.CARD_DIR", copy):
        before = card_module_url()
        seen = {before}
        for name, source in MODULES.items():
            (copy / name).write_text(source + "\n// changed\n", encoding="utf-8")
            changed = card_module_url()
            assert changed not in seen, name
            seen.add(changed)
            (copy / name).write_text(source, encoding="utf-8")
            assert card_module_url() == before, name
        (copy / "added.js").write_text("", encoding="utf-8")
        assert card_module_url() not in seen
        (copy / "added.js").rename(copy / "renamed.js")
        assert card_module_url() not in seen
    assert card_module_url().endswith(f"/{CARD_ENTRY}")


def test_card_modules_import_each_other_only() -> None:
    """Every import is a static, relative one of a card module; every module is used; none is long."""
    assert CARD_ENTRY in MODULES
    imports: dict[str, set[str]] = {}
    for name, source in MODULES.items():
        statements = IMPORT.findall(source)
        assert len(re.findall(r"\bimport\b", source)) == len(statements), name
        imports[name] = set(statements)
        assert imports[name] <= set(MODULES), name
        assert len(source.splitlines()) < 300, name
    reached, todo = set(), [CARD_ENTRY]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo.extend(imports[name])
    assert reached == set(MODULES)
    assert {path.name for path in CARD_DIR.iterdir()} == set(MODULES)


def test_card_labels_are_translated_and_used() -> None:
    """Every label the card shows is in strings.json, and every card string is used."""
    defined = set(STRINGS["selector"]["card"]["options"])
    used = set(re.findall(r'label\([^,()]*(?:\(\))?,\s*"(\w+)"', CARD_JS))
    used |= {f"confidence_{level.value}" for level in Confidence}
    used |= {"fits", "does_not_fit"}
    assert used == defined


def test_card_label_strings_pass_hassfest_rules() -> None:
    """The card's strings follow hassfest's rules for translation values."""
    for key, text in STRINGS["selector"]["card"]["options"].items():
        assert re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", key), key
        assert text == text.strip(), key
        assert not re.search(r"<[a-z/]", text), key
        assert not re.search(r"https?://|www\.", text), key
        assert not re.search(r"'\{\w+\}'", text), key
        for placeholder in re.findall(r"\{([^}]*)\}", text):
            assert placeholder.isidentifier(), key


def test_card_translation_keys_exist() -> None:
    """Each Blink Health translation the card reads exists for every value it can take."""
    sensor = STRINGS["entity"]["sensor"]
    leds = set(_js_list("LED_STATES"))
    assert leds == {led.value for led in LedState}
    assert leds == set(sensor["led_state"]["state"])
    assert leds == set(STRINGS["selector"]["led_state"]["options"])
    assert set(_js_list("CAUSE_ORDER")) == {cause.value for cause in Cause}
    assert set(_js_list("CAUSE_ORDER")) == set(sensor["likely_cause"]["state"])
    assert STRINGS["entity"]["button"]["batteries_replaced"]["name"]
    prefixes = set(re.findall(r"\$\{TRANSLATIONS\}\.([\w.]+)\.\$\{", CARD_JS))
    assert prefixes == {
        "entity.sensor.likely_cause.state",
        "entity.sensor.led_state.state",
        "selector.fix_title.options",
        "selector.led_state.options",
        "selector.card.options",
    }


def test_card_agrees_with_the_integration() -> None:
    """Which causes are errors and which need nothing match the repairs and problem sensor."""
    assert set(_js_list("ERROR_CAUSES")) == {cause.value for cause in ERROR_CAUSES}
    assert set(_js_list("FINE_CAUSES")) == {c.value for c in Cause if not is_problem(c)}
    roles = dict(re.findall(r'"(\w+\.\w+)": "(\w+)"', CARD_JS))
    assert roles == {
        "sensor.likely_cause": "cause",
        "sensor.led_state": "led",
        "binary_sensor.problem": "problem",
        "button.batteries_replaced": "batteriesButton",
    }


def test_card_requests_nothing_outside_home_assistant() -> None:
    """The card calls no other host (it imports only its own modules); one URL: its documentation."""
    assert "fetch(" not in CARD_JS
    urls = re.findall(r"https?://[^\s\"'`]+", CARD_JS)
    assert urls == ["https://github.com/blink-health/blink-health#dashboard-card"]
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
    """Every text any module's markup shows comes from an expression, never a literal."""
    for name, source in MODULES.items():
        markup = _template_texts(source)
        texts = [t.strip() for t in re.findall(r">([^<>\0]*)<", markup) if t.strip()]
        assert texts == [], name
        assert not re.search(r'aria-label="[^\0"]', markup), name
    assert "<ha-card>" in _template_texts(MODULES["card-element.js"])
    errors = re.findall(r"new Error\((.*)\)", CARD_JS)
    assert errors == ['(hass && label(hass, "invalid_config")) || CARD_TYPE']
