"""Blink Health's own sign-in: blinkpy signs in and refreshes tokens; the REST answers are read by id."""

from .sign_in import (
    CONF_PIN,
    BlinkSignIn,
    CodeRefused,
    SignInNeedsCode,
    SignInOutcome,
    SignInRefused,
    async_sign_in_outcome,
    entry_data_with,
)
from .source import SignedInSource

__all__ = [
    "CONF_PIN",
    "BlinkSignIn",
    "CodeRefused",
    "SignInNeedsCode",
    "SignInOutcome",
    "SignInRefused",
    "SignedInSource",
    "async_sign_in_outcome",
    "entry_data_with",
]
