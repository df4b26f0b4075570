"""What every part of the fake cloud shares: the JSON type, times, device kinds and media bytes."""

import base64
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

type Json = dict[str, Any]

OAUTH_HOST = "api.oauth.blink.com"
REDIRECT_URI = "immedia-blink://applinks.blink.com/signin/callback"
COOKIE_NAME = "sim_oauth"

# A valid 8x8 JPEG, served for every thumbnail.
THUMBNAIL_JPEG: bytes = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBk"
    "eFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgD"
    "ASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKB"
    "kaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZ"
    "mqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQF"
    "BgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5"
    "OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX"
    "2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCnRRRXsnkn/9k="
)
# Not a playable video: just bytes with an MP4 signature, served for every clip.
CLIP_MP4: bytes = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 32

OWL_TYPES = frozenset({"owl", "hawk", "superior"})
# Doorbell types: the Video Doorbell (lotus), its 2nd gen (tulip) and the Battery Doorbell 2K+ (orchid).
DOORBELL_TYPES = frozenset({"lotus", "tulip", "orchid"})
# Scenario-only camera keys: never sent by the API.
INTERNAL_FIELDS = frozenset(
    {
        "expected_cause",
        "standalone",
        "thumbnail_ts",
        "notes",
        "temperature",
        "list",
        "config_answer",
        "drain",
    }
)
# The homescreen list a device appears in unless its "list" key names another.
DEFAULT_LISTS: dict[str, str] = {
    "default": "cameras",
    "mini": "owls",
    "doorbell": "doorbells",
}
# The media/changed "device" value per kind.
MEDIA_DEVICE: dict[str, str] = {
    "default": "camera",
    "mini": "owl",
    "doorbell": "doorbell",
}

_EPOCH_FMT = "%Y-%m-%dT%H:%M:%S+00:00"


def iso(epoch: float) -> str:
    """Format an epoch as the ISO time the Blink API uses."""
    return datetime.fromtimestamp(int(epoch), UTC).strftime(_EPOCH_FMT)


def parse_time(value: str) -> float:
    """Parse an ISO / Blink timestamp (a '+' may have been decoded to a space) to an epoch."""
    text = value.strip().replace(" ", "+")
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        pass
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def kind(cam: Mapping[str, Any]) -> str:
    """Return default, mini or doorbell for a device, from its type."""
    ctype = str(cam.get("type", ""))
    if ctype in OWL_TYPES:
        return "mini"
    if ctype in DOORBELL_TYPES:
        return "doorbell"
    return "default"


def list_key(cam: Mapping[str, Any]) -> str:
    """Return the homescreen list a device appears in."""
    return str(cam.get("list") or DEFAULT_LISTS[kind(cam)])
