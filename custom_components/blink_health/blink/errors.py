"""How reading a Blink account fails: four kinds, each handled once by the coordinator."""

from __future__ import annotations


class SourceError(Exception):
    """A poll of the Blink account failed; the subclass says how."""


class AuthRefused(SourceError):
    """Blink refused the saved sign-in for good: the owner has to sign in again."""


class CloudUnreachable(SourceError):
    """Blink could not be reached or timed out: an outage, tried again at the next poll."""


class BlinkIntegrationUnavailable(CloudUnreachable):
    """Home Assistant's own Blink integration, whose session this entry reads, is not loaded."""


class BlinkIntegrationFailing(CloudUnreachable):
    """Home Assistant's own Blink integration is loaded, but its latest refresh of Blink failed."""


class CloudRefused(SourceError):
    """Blink answered with an error (429, 5xx, or an error body): an outage, not a sign-out."""

    def __init__(self, code: int | str | None) -> None:
        """Keep the HTTP status or Blink's error code."""
        self.code = code
        super().__init__(f"Blink refused the request ({code})")


class MalformedAnswer(SourceError):
    """Blink's answer is not shaped like Blink's; nothing in it can be trusted."""
