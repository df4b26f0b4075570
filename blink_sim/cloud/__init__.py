"""A stateful fake of the Blink cloud (OAuth host and REST hosts), with no network code.

One module a concern: `state` (the account and its mutators), `scenarios`, `faults`, `oauth`,
`rest` and `devices` (the endpoints), `routes`, `views` (the JSON shapes) and `fake`
(FakeBlinkCloud, which ties them together).
"""

from blink_sim.cloud.common import CLIP_MP4, THUMBNAIL_JPEG, Json
from blink_sim.cloud.fake import FakeBlinkCloud
from blink_sim.cloud.faults import FAULTS
from blink_sim.cloud.http import SimRequest, SimResponse
from blink_sim.cloud.scenarios import SCENARIO_DIR

__all__ = [
    "CLIP_MP4",
    "FAULTS",
    "SCENARIO_DIR",
    "THUMBNAIL_JPEG",
    "FakeBlinkCloud",
    "Json",
    "SimRequest",
    "SimResponse",
]
