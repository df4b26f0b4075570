"""Every value the engine can show the owner has English text in the integration's strings."""

from __future__ import annotations

import json
from pathlib import Path

from custom_components.blink_health import diagnosis
from custom_components.blink_health.diagnosis import Cause, Fix, LedState, Note

STRINGS = json.loads(
    (Path(diagnosis.__file__).parent.parent / "strings.json").read_text(
        encoding="utf-8"
    )
)
SELECTOR = STRINGS["selector"]


def test_every_fix_has_a_title_and_numbered_steps() -> None:
    """Each fix the engine can suggest has a title and steps starting at 1 (per model, too)."""
    titles = SELECTOR["fix_title"]["options"]
    steps = SELECTOR["fix_steps"]["options"]
    assert set(titles) == {fix.value for fix in Fix}
    assert set(titles) <= set(steps)
    for fix in Fix:
        assert titles[fix].strip()
    for text in steps.values():
        assert text.startswith("1. ")


def test_every_led_state_and_cause_has_a_name() -> None:
    """The two sensors can name every state they may take."""
    sensors = STRINGS["entity"]["sensor"]
    assert set(sensors["led_state"]["state"]) == {led.value for led in LedState}
    assert set(sensors["likely_cause"]["state"]) == {cause.value for cause in Cause}
    assert sensors["led_state"]["name"] == "Likely LED state"
    assert sensors["likely_cause"]["name"] == "Likely cause"


def test_every_note_has_a_text() -> None:
    """Each note explain_led can add is a sentence the owner can read."""
    notes = SELECTOR["explain_note"]["options"]
    assert set(notes) == {note.value for note in Note}
    assert all(notes[note].strip().endswith(".") for note in Note)


def test_battery_text_asks_for_two_aa_lithium_batteries() -> None:
    """The battery advice names the right batteries, since others cause the red flashing."""
    steps = SELECTOR["fix_steps"]["options"]
    assert "AA lithium" in steps["replace_batteries"]
    assert "two AA lithium" in steps["use_lithium_aa"]


def test_reset_and_support_text_warn_about_data_and_warranty() -> None:
    """The owner is warned before losing saved data or voiding the warranty."""
    steps = SELECTOR["fix_steps"]["options"]
    assert "keeps" in steps["soft_reset"]
    assert "erases" in steps["hard_reset"]
    assert "warranty" in steps["contact_support"]
