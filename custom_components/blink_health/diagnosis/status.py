"""What a status string Blink reports means: healthy, in setup, a fault, or a battery low or fine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import CONNECTIVITY_STATUSES, HEALTHY_STATUSES, SETUP_STATUSES

if TYPE_CHECKING:
    from ..model import CameraSnapshot


def normal_status(status: str | None) -> str | None:
    """Return a status lowercased and trimmed, or None when it is empty."""
    if status is None:
        return None
    cleaned = status.strip().lower()
    return cleaned or None


def in_setup_status(status: str | None) -> bool:
    """Return whether a status says the device is still being set up."""
    cleaned = normal_status(status)
    return cleaned is not None and (
        cleaned in SETUP_STATUSES or "setup" in cleaned or "onboard" in cleaned
    )


def camera_issues(camera: CameraSnapshot) -> tuple[str, ...]:
    """Return the non-blank issues a camera reports."""
    return tuple(
        issue.strip() for issue in camera.issues or () if issue and issue.strip()
    )


def abnormal_status(camera: CameraSnapshot) -> str | None:
    """Return the camera's status when it is neither healthy, connectivity nor setup, else None."""
    cleaned = normal_status(camera.status)
    if (
        cleaned is None
        or cleaned in HEALTHY_STATUSES | CONNECTIVITY_STATUSES
        or in_setup_status(cleaned)
    ):
        return None
    return cleaned


def is_abnormal(camera: CameraSnapshot) -> bool:
    """Return whether the camera reports issues or an unexpected status."""
    return bool(camera_issues(camera)) or abnormal_status(camera) is not None


def reported_trouble(camera: CameraSnapshot) -> tuple[str, ...]:
    """Return Blink's own words for what is wrong: the issue texts, then an unexpected status."""
    status = abnormal_status(camera)
    raw_status = (
        () if status is None or camera.status is None else (camera.status.strip(),)
    )
    return (*camera_issues(camera), *raw_status)
