"""blink_sim.verdicts: a scenario's expected causes next to the causes shown."""

from blink_sim.cloud import FakeBlinkCloud
from blink_sim.verdicts import compare, failures


def test_expected_causes_match() -> None:
    """Every demo camera showing its expected cause: nothing to report."""
    cloud = FakeBlinkCloud.from_scenario("demo")
    shown = {serial: cam["expected_cause"] for serial, cam in cloud.cameras.items()}
    verdicts = compare(cloud, shown)
    assert [v.serial for v in verdicts] == list(cloud.cameras)
    assert all(v.matches for v in verdicts)
    assert failures(verdicts) == []


def test_missing_and_wrong_causes_are_reported() -> None:
    """No verdict yet (no state, unknown, unavailable) and a wrong cause are each said."""
    cloud = FakeBlinkCloud.from_scenario("demo")
    shown = {serial: cam["expected_cause"] for serial, cam in cloud.cameras.items()}
    shown["DEMO-HEALTHY-01"] = "unavailable"
    shown["DEMO-NURSERY-08"] = "unknown"
    del shown["DEMO-DOORBELL-09"]
    shown["DEMO-LOWBATT-02"] = "ok"
    assert failures(compare(cloud, shown)) == [
        "3 of 10 cameras have no likely cause: Driveway, Nursery, Front Door",
        "likely cause differs from the scenario's expected_cause for Patio (ok != low_battery)",
    ]


def test_a_camera_without_expected_cause_takes_any() -> None:
    """A camera whose scenario names no expected cause matches any verdict, but not none."""
    cloud = FakeBlinkCloud.from_scenario("foundation")
    serial = next(iter(cloud.cameras))
    cloud.cameras[serial].pop("expected_cause", None)
    (verdict,) = (
        v for v in compare(cloud, {serial: "weak_wifi"}) if v.serial == serial
    )
    assert verdict.expected is None
    assert verdict.matches
    (verdict,) = (v for v in compare(cloud, {}) if v.serial == serial)
    assert not verdict.has_verdict
    assert not verdict.matches
