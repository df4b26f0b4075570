"""Keep log lines free of account ids and emails, and blinkpy's quiet during an outage.

While an owner signs in (the config flow), what blinkpy logs about a refused password or code is
the form's business, not an error: inside `sign_in_attempt()` its warnings and errors are logged
at DEBUG (dropped unless blinkpy's debug logging is on).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
import logging
import re

from ..const import LOGGER
from .values import IDENTIFIERS

# blinkpy logs full URLs, which carry the account id: /api/v3/accounts/12345/homescreen.
_ACCOUNT_IN_URL = re.compile(r"(/accounts?/)\d+")
# A hardware id (a UUID) and anything shaped like a token (a long run of token characters).
_SECRETS = re.compile(
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
    r"|[A-Za-z0-9_\-]{32,}",
    re.IGNORECASE,
)
_SIGNING_IN: ContextVar[bool] = ContextVar("blink_health_signing_in", default=False)


@contextmanager
def sign_in_attempt() -> Iterator[None]:
    """Within this block (one sign-in step of the config flow), blinkpy's errors are DEBUG.

    The config flow may run before Blink Health was ever set up: the filter is attached here too.
    """
    install_blinkpy_log_filter()
    token = _SIGNING_IN.set(True)
    try:
        yield
    finally:
        _SIGNING_IN.reset(token)


def scrub(text: str) -> str:
    """Return the text with account ids, emails, addresses, hardware ids and tokens as **."""
    text = _ACCOUNT_IN_URL.sub(r"\1**", text)
    return _SECRETS.sub("**", IDENTIFIERS.sub("**", text))


def _scrub_record(record: logging.LogRecord) -> str:
    """Scrub a record's message and traceback in place; return the scrubbed message."""
    message = record.getMessage()
    scrubbed = scrub(message)
    if scrubbed != message:
        record.msg, record.args = scrubbed, ()
    if record.exc_info:
        # The traceback is formatted from exc_text when it is set: scrub it once, here.
        record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        record.exc_info = None
    return scrubbed


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
        scrubbed = _scrub_record(record)
        if record.levelno >= logging.WARNING and _SIGNING_IN.get():
            # The form tells the owner; the log keeps it only when blinkpy debugs.
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
        if record.levelno < logging.WARNING:
            return True
        if scrubbed in self._seen:
            return False
        self._seen.add(scrubbed)
        return True

    def reset(self) -> None:
        """Forget what was seen: the cloud recovered, so the next outage logs again."""
        self._seen.clear()


class ScrubFilter(logging.Filter):
    """Scrub account ids and emails from Blink Health's own records (every one is kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record without account ids or emails."""
        _scrub_record(record)
        return True


BLINKPY_LOG_FILTER = BlinkpyLogFilter()
OUR_LOG_FILTER = ScrubFilter()


def install_blinkpy_log_filter() -> None:
    """Attach the filter to every blinkpy logger (a parent's filter misses its children)."""
    for name in BLINKPY_LOGGERS:
        logger = logging.getLogger(name)
        if BLINKPY_LOG_FILTER not in logger.filters:
            logger.addFilter(BLINKPY_LOG_FILTER)
    ours = LOGGER
    if OUR_LOG_FILTER not in ours.filters:
        ours.addFilter(OUR_LOG_FILTER)
