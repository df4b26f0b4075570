"""Blink's camera usage through the `blink` integration's blinkpy: Blink Health's one own request.

Only when the owner turned the option on: the request goes out with the `blink` entry's tokens,
through blinkpy's own call, once a day at most (the forecast decides when).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from blinkpy import api

from ...const import LOGGER
from ..errors import CloudUnreachable, MalformedAnswer
from ..usage import AccountUsage, read_usage


async def async_read_usage(blink: Any) -> AccountUsage:
    """Ask Blink for the account's usage through blinkpy.

    blinkpy swallows most failures (it returns None); whatever it raises is an outage here, and
    an answer that is not a usage answer (an error body) is malformed.
    """
    try:
        answer = await api.request_camera_usage(blink)
    except Exception as err:  # blinkpy raises many kinds: an outage for us
        LOGGER.debug("Camera usage not read through the Blink integration: %r", err)
        raise CloudUnreachable from err
    if answer is None:
        raise CloudUnreachable("no usage answer")
    if (usage := read_usage(answer, read_at=datetime.now(UTC))) is None:
        raise MalformedAnswer("usage answer")
    return usage
