"""Everything that knows Blink's wire format or blinkpy, behind one interface.

`BlinkSource` (source.py) hands up an `AccountReading` (reading.py) or raises one of four errors
(errors.py). Two sources: `signed_in/` (Blink Health's own sign-in, reading Blink's REST answers
by id) and `blink_integration/` (Home Assistant's `blink` session, no request of its own). Both
read the homescreen through `homescreen.py` and a camera's details through `details.py`.
"""

from .errors import (
    AuthRefused,
    BlinkIntegrationFailing,
    BlinkIntegrationUnavailable,
    CloudRefused,
    CloudUnreachable,
    MalformedAnswer,
    SourceError,
)
from .reading import (
    AccountReading,
    CameraKind,
    CameraReading,
    CameraRef,
    SyncModuleReading,
)
from .source import (
    BlinkIntegrationError,
    BlinkIntegrationState,
    BlinkSource,
    SourceStatus,
)

__all__ = [
    "AccountReading",
    "AuthRefused",
    "BlinkIntegrationError",
    "BlinkIntegrationFailing",
    "BlinkIntegrationState",
    "BlinkIntegrationUnavailable",
    "BlinkSource",
    "CameraKind",
    "CameraReading",
    "CameraRef",
    "CloudRefused",
    "CloudUnreachable",
    "MalformedAnswer",
    "SourceError",
    "SourceStatus",
    "SyncModuleReading",
]
