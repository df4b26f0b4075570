"""Keep blinkpy's log lines free of account ids, and quiet during an outage."""

from __future__ import annotations

import logging
import re

# blinkpy logs full URLs, which carry the account id: /api/v3/accounts/12345/homescreen.
_ACCOUNT_IN_URL = re.compile(r"(/accounts?/)\d+")
BLINKPY_LOGGERS = (
    "blinkpy.api",
    "blinkpy.auth",
    "blinkpy.blinkpy",
    "blinkpy.camera",
    "blinkpy.sync_module",
    "blinkpy.helpers.util",
)


class BlinkpyLogFilter(logging.Filter):
    """Scrub account ids; let each warning or error through once until the cloud recovers."""

    def __init__(self) -> None:
        """Start with nothing seen."""
        super().__init__()
        self._seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record without account ids; drop a warning already seen in this outage."""
        message = record.getMessage()
        scrubbed = _ACCOUNT_IN_URL.sub(r"\1**", message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, ()
        if record.levelno < logging.WARNING:
            return True
        if scrubbed in self._seen:
            return False
        self._seen.add(scrubbed)
        return True

    def reset(self) -> None:
        """Forget what was seen: the cloud recovered, so the next outage logs again."""
        self._seen.clear()


BLINKPY_LOG_FILTER = BlinkpyLogFilter()


def install_blinkpy_log_filter() -> None:
    """Attach the filter to every blinkpy logger (a parent's filter misses its children)."""
    for name in BLINKPY_LOGGERS:
        logger = logging.getLogger(name)
        if BLINKPY_LOG_FILTER not in logger.filters:
            logger.addFilter(BLINKPY_LOG_FILTER)
