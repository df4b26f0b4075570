"""The Blink Health dashboard card: served by the integration and loaded by every frontend.

Owners install nothing: when Blink Health loads, Home Assistant serves the card's folder (`www/`:
one ES module, the card bundled with Lit by scripts/build_card from frontend/) and adds it to
the modules every frontend loads, so `custom:blink-health-card` is in the card picker. The folder
is served under a path carrying a hash of all its files, so after an update browsers fetch the
card again and never run an old copy from their cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN, LOGGER

CARD_DIR: Final = Path(__file__).parent / "www"
CARD_ENTRY: Final = "blink-health-card.js"
CARD_URL_ROOT: Final = f"/{DOMAIN}/card"


def card_digest() -> str:
    """Return a hash of every file of the card: their names and contents."""
    digest = hashlib.sha256()
    for path in sorted(p for p in CARD_DIR.rglob("*") if p.is_file()):
        name = path.relative_to(CARD_DIR).as_posix().encode()
        content = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(content)))
        digest.update(content)
    return digest.hexdigest()[:12]


def card_base_url(digest: str) -> str:
    """Return the URL the card's folder is served under, versioned by its files."""
    return f"{CARD_URL_ROOT}/{digest}"


def card_module_url() -> str:
    """Return the URL the frontend loads the card's entry module from."""
    return f"{card_base_url(card_digest())}/{CARD_ENTRY}"


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and add it to every frontend; nothing to do without a frontend."""
    if "frontend" not in hass.config.components:
        LOGGER.debug("No frontend loaded: the dashboard card is not registered")
        return
    base_url = card_base_url(await hass.async_add_executor_job(card_digest))
    await hass.http.async_register_static_paths(
        [StaticPathConfig(base_url, str(CARD_DIR), cache_headers=True)]
    )
    add_extra_js_url(hass, f"{base_url}/{CARD_ENTRY}")
