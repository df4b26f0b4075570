"""Whether the likely causes Blink Health shows are the ones a scenario expects.

A scenario's camera may name its `expected_cause` (for tests and the demo: the API never sends
it). tests/e2e and `scripts/develop --check` both hand the causes they read here, by serial, so
the two agree on what "as expected" means. Pure: it reads the cloud's cameras and knows nothing of
Home Assistant or Blink Health's code.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from blink_sim.cloud import FakeBlinkCloud

# States of the likely cause sensor that are no verdict (yet).
NO_VERDICT = frozenset({"unknown", "unavailable"})


@dataclass(frozen=True, slots=True)
class Verdict:
    """One camera of the scenario: the cause it expects (None: any) and the cause shown."""

    serial: str
    name: str
    expected: str | None
    shown: str | None

    @property
    def has_verdict(self) -> bool:
        """Return whether a likely cause is shown for the camera."""
        return self.shown is not None and self.shown not in NO_VERDICT

    @property
    def matches(self) -> bool:
        """Return whether the cause shown is the expected one."""
        return self.has_verdict and self.expected in {None, self.shown}


def compare(cloud: FakeBlinkCloud, shown: Mapping[str, str | None]) -> list[Verdict]:
    """Return each camera's expected and shown cause, in the scenario's order."""
    return [
        Verdict(
            serial, str(camera["name"]), camera.get("expected_cause"), shown.get(serial)
        )
        for serial, camera in cloud.cameras.items()
    ]


def failures(verdicts: list[Verdict]) -> list[str]:
    """Return what is wrong, a line each: cameras with no verdict, then causes not expected."""
    lines = []
    if missing := [v.name for v in verdicts if not v.has_verdict]:
        lines.append(
            f"{len(missing)} of {len(verdicts)} cameras have no likely cause: "
            + ", ".join(missing)
        )
    if wrong := [v for v in verdicts if v.has_verdict and not v.matches]:
        lines.append(
            "likely cause differs from the scenario's expected_cause for "
            + ", ".join(f"{v.name} ({v.shown} != {v.expected})" for v in wrong)
        )
    return lines
