"""A simulated Blink cloud that answers every call blinkpy 0.25.9 makes."""

from blink_sim.cloud import FAULTS, FakeBlinkCloud, SimRequest, SimResponse

__all__ = ["FAULTS", "FakeBlinkCloud", "SimRequest", "SimResponse"]
