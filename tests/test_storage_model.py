"""A Sync Module's local storage read from the homescreen's three fields, and the models by name."""

from __future__ import annotations

from typing import Any

import pytest

from custom_components.blink_health.model import SyncModuleSnapshot, model_name
from custom_components.blink_health.model.storage import (
    LocalStorage,
    StorageMedium,
    local_storage_state,
    stopped_storage,
    storage_medium,
)


def module(**values: Any) -> SyncModuleSnapshot:
    """Return an online Sync Module 2 whose local storage is as given."""
    fields: dict[str, Any] = {
        "id": 1,
        "network_id": 2,
        "key": "SM",
        "product_type": "sm2",
        "online": True,
    }
    fields.update(values)
    return SyncModuleSnapshot(**fields)


@pytest.mark.parametrize(
    ("values", "state"),
    [
        pytest.param({"local_storage_enabled": True, "local_storage_compatible": True, "local_storage_status": "active"}, LocalStorage.ACTIVE, id="active"),
        pytest.param({"local_storage_enabled": False, "local_storage_compatible": True, "local_storage_status": "unavailable"}, LocalStorage.NOT_SET_UP, id="a Sync Module 2 never used"),
        pytest.param({"local_storage_enabled": True, "local_storage_compatible": True, "local_storage_status": "unavailable"}, LocalStorage.NO_DRIVE, id="switched on, no drive"),
        pytest.param({"local_storage_enabled": True, "local_storage_compatible": True, "local_storage_status": "storage_full"}, LocalStorage.FULL, id="full"),
        pytest.param({"local_storage_enabled": True, "local_storage_status": "needs_format"}, LocalStorage.NOT_COMPATIBLE, id="needs formatting"),
        pytest.param({"local_storage_enabled": True, "local_storage_compatible": False, "local_storage_status": "unavailable"}, LocalStorage.NOT_COMPATIBLE, id="a Sync Module 2 saying not compatible"),
        pytest.param({"local_storage_enabled": True, "local_storage_status": "usb_removed"}, LocalStorage.NO_DRIVE, id="removed"),
        pytest.param({"product_type": "sm1", "local_storage_enabled": False, "local_storage_compatible": False, "local_storage_status": "unavailable"}, LocalStorage.NOT_AVAILABLE, id="first generation"),
        pytest.param({"product_type": "kalahari", "local_storage_compatible": False, "local_storage_status": "unavailable"}, LocalStorage.NOT_AVAILABLE, id="Sync Module Core"),
        pytest.param({"product_type": "mystery", "local_storage_compatible": False}, LocalStorage.NOT_AVAILABLE, id="an unknown model that cannot"),
        pytest.param({"product_type": None, "local_storage_status": "active"}, LocalStorage.ACTIVE, id="active on any model"),
        pytest.param({}, None, id="nothing reported"),
        pytest.param({"local_storage_status": "unavailable"}, None, id="unavailable, enabled not said"),
        pytest.param({"local_storage_enabled": True, "local_storage_status": "syncing"}, None, id="a word not known"),
    ],
)  # fmt: skip
def test_local_storage_state(
    values: dict[str, Any], state: LocalStorage | None
) -> None:
    """Each combination Blink sends reads as the state an owner would name; unknown stays unknown."""
    assert local_storage_state(module(**values)) is state


@pytest.mark.parametrize(
    ("product_type", "medium", "name"),
    [
        ("sm1", StorageMedium.NONE, "Sync Module"),
        ("sm2", StorageMedium.USB_DRIVE, "Sync Module 2"),
        ("SM2", StorageMedium.USB_DRIVE, "Sync Module 2"),
        ("kalahari", StorageMedium.NONE, "Sync Module Core"),
        ("sm_xr", StorageMedium.MICROSD, "Sync Module XR"),
        ("vertigo", StorageMedium.UNKNOWN, "vertigo"),
        (None, StorageMedium.UNKNOWN, None),
    ],
)
def test_models_and_what_they_store_on(
    product_type: str | None, medium: StorageMedium, name: str | None
) -> None:
    """Sync Module 2 (USB drive), XR (microSD, its type a marked guess), Core and gen 1 (none)."""
    assert storage_medium(product_type) is medium
    assert model_name(product_type) == name


def test_doorbell_models_by_name() -> None:
    """The doorbell types owners report are named; no camera type is taken for the XR."""
    assert model_name("tulip") == "Blink Video Doorbell (2nd gen)"
    assert model_name("orchid") == "Blink Battery Doorbell 2K+"
    assert model_name("xt2") == "Blink XT2"


def test_stopped_only_after_it_worked_and_while_online() -> None:
    """Never used: nothing. Worked and stopped: how. Offline, or switched off: as it says."""
    gone = module(local_storage_enabled=True, local_storage_status="unavailable")
    assert stopped_storage(gone, worked=False) is None
    assert stopped_storage(gone, worked=True) is LocalStorage.NO_DRIVE
    assert stopped_storage(module(online=False, local_storage_enabled=True, local_storage_status="unavailable"), worked=True) is None  # fmt: skip
    off = module(local_storage_enabled=False, local_storage_status="unavailable")
    assert stopped_storage(off, worked=True) is LocalStorage.NOT_SET_UP
    working = module(local_storage_status="active")
    assert stopped_storage(working, worked=True) is None
    unknown = module(local_storage_enabled=True, local_storage_status="syncing")
    assert stopped_storage(unknown, worked=True) is None
