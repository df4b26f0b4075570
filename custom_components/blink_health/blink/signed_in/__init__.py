"""Blink Health's own sign-in: blinkpy signs in and refreshes tokens; the REST answers are read by id."""

from .sign_in import BlinkSignIn, CodeRefused, SignInNeedsCode, SignInRefused
from .source import SignedInSource

__all__ = [
    "BlinkSignIn",
    "CodeRefused",
    "SignInNeedsCode",
    "SignInRefused",
    "SignedInSource",
]
