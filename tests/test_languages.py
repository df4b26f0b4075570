"""Every owner's language: each translation has every string of strings.json, filled the same way.

Home Assistant loads translations/<language>.json of a custom integration as it is (it resolves no
`[%key:...%]` references there), the frontend formats them as ICU messages and the backend fills
the same `{placeholders}`. So each language file must have exactly strings.json's keys, the same
placeholders in each string, the same Markdown skeleton (numbered steps, bold, code fences), and
no string left in English.
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from pathlib import Path
import re
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_translations
import pytest

from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.texts import async_texts

ROOT = Path(__file__).parent.parent / "custom_components" / "blink_health"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("de", "fr", "es", "nl", "it")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Product names an owner knows them by: never translated.
PRODUCT_NAMES = ("Blink Health", "Home Assistant", "Sync Module", "Blink")
# English values that a language may keep word for word (checked only above two words).
SYNC_MODULE_STATES = frozenset({"Sync Module online", "Sync Module offline"})
SAME_AS_ENGLISH: Mapping[str, frozenset[str]] = {
    "de": SYNC_MODULE_STATES,
    "fr": frozenset(),
    "es": frozenset(),
    "nl": SYNC_MODULE_STATES,
    "it": frozenset(),
}


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, failing on a key given twice (json.loads keeps the last silently)."""
    keys = [key for key, _ in pairs]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates, f"keys given twice: {sorted(duplicates)}"
    return dict(pairs)


def _load(path: Path) -> dict[str, Any]:
    """Read one translation file: valid JSON, an object at the top, no duplicate keys."""
    tree = json.loads(
        path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates
    )
    assert isinstance(tree, dict)
    return tree


def _flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Return every string by its full key (`config.step.user.title`); only objects nest."""
    flat: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            assert value, f"{path} is an empty object"
            flat |= _flatten(value, f"{path}.")
        else:
            assert isinstance(value, str), f"{path} is not a string"
            assert value.strip(), f"{path} is empty"
            flat[path] = value
    return flat


ENGLISH = _flatten(_load(ROOT / "strings.json"))


def _language(language: str) -> dict[str, str]:
    return _flatten(_load(TRANSLATIONS / f"{language}.json"))


def _numbered_steps(text: str) -> list[str]:
    return re.findall(r"^(\d+)\. ", text, flags=re.MULTILINE)


def test_every_language_is_shipped() -> None:
    """English and the five languages, and nothing else half done."""
    assert {path.stem for path in TRANSLATIONS.glob("*.json")} == {"en", *LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_exactly_the_keys_of_strings_json(language: str) -> None:
    """Same nested structure: no string missing, none that English does not have."""
    translated = _language(language)
    assert sorted(ENGLISH.keys() - translated.keys()) == [], "missing"
    assert sorted(translated.keys() - ENGLISH.keys()) == [], "not in strings.json"


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_placeholders(language: str) -> None:
    """Each string fills the same {placeholders} as the English one."""
    translated = _language(language)
    wrong = {
        key: (sorted(set(PLACEHOLDER.findall(english))), sorted(set(found)))
        for key, english in ENGLISH.items()
        if key in translated
        and set(found := PLACEHOLDER.findall(translated[key]))
        != set(PLACEHOLDER.findall(english))
    }
    assert wrong == {}


@pytest.mark.parametrize("language", ["en", *LANGUAGES])
def test_plain_text_home_assistant_formats_as_is(language: str) -> None:
    """No `[%key:...%]` reference, and no apostrophe that ICU reads as a quote before a brace."""
    for key, text in _language(language).items():
        assert "[%key:" not in text, key
        # ICU MessageFormat (the frontend) treats '{ as the start of quoted literal text,
        # so "l'{camera}" would show "{camera}" instead of the name.
        assert not re.search(r"'[{}]", text), key
        assert text.count("{") == text.count("}"), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_markdown(language: str) -> None:
    """Numbered steps, bold text, code fences and paragraphs are kept as in English."""
    translated = _language(language)
    for key, english in ENGLISH.items():
        text = translated[key]
        assert _numbered_steps(text) == _numbered_steps(english), key
        assert text.count("**") == english.count("**"), key
        assert text.count("```") == english.count("```"), key
        assert text.count("\n\n") == english.count("\n\n"), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_left_in_english(language: str) -> None:
    """A string of more than two words reads differently from the English one (crude check)."""
    translated = _language(language)
    untranslated = [
        key
        for key, english in ENGLISH.items()
        if len(PLACEHOLDER.sub("", english).split()) > 2
        and translated[key] == english
        and english not in SAME_AS_ENGLISH[language]
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_product_names_kept(language: str) -> None:
    """Blink, Blink Health, Sync Module and Home Assistant keep their names in every language."""
    translated = _language(language)
    for key, english in ENGLISH.items():
        for name in PRODUCT_NAMES:
            word = re.compile(rf"\b{name}\b")
            assert not word.search(english) or word.search(translated[key]), (key, name)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_home_assistant_serves_the_language(
    hass: HomeAssistant, language: str
) -> None:
    """Home Assistant loads the file for the language; evidence and causes read in it."""
    translated = _language(language)
    issues = await async_get_translations(hass, language, "issues", {DOMAIN})
    key = "issues.low_battery.fix_flow.step.confirm.submit"
    assert issues[f"component.{DOMAIN}.{key}"] == translated[key]

    hass.config.language = language
    for category in ("entity", "selector"):
        await async_get_translations(hass, language, category, {DOMAIN})
    texts = async_texts(hass)
    cause = translated["entity.sensor.likely_cause.state.low_battery"]
    assert texts.cause("low_battery") == cause
    assert texts.fact("last_cause=weak_wifi") == translated[
        "selector.evidence.options.last_cause"
    ].replace("{value}", translated["entity.sensor.likely_cause.state.weak_wifi"])
