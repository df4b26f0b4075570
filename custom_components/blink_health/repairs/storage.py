"""The Sync Modules' local storage repairs: which the latest poll calls for. Pure, no registry.

One repair per Sync Module whose local storage worked (Blink reported it active at a poll since
Blink Health has known the module, kept across restarts) and has stopped: the drive gone, full,
not compatible, or storage switched off. An account that never used local storage gets none, and
neither does a module offline (its answer is the one from before it went).
"""

from __future__ import annotations

from collections.abc import Collection

from homeassistant.helpers import issue_registry as ir

from ..model import AccountSnapshot, model_name
from ..model.storage import LocalStorage, stopped_storage
from ..texts import PREFIX, Texts
from .issues import DeviceIdLookup, WantedIssue, issue_id_for

LOCAL_STORAGE = "local_storage"


def local_storage_issues(
    snapshot: AccountSnapshot,
    worked: Collection[str],
    device_id_for: DeviceIdLookup,
    texts: Texts,
) -> dict[str, WantedIssue]:
    """Return the local storage issue of every module whose storage worked and stopped, by id."""
    wanted: dict[str, WantedIssue] = {}
    for key, module in snapshot.sync_modules.items():
        state = stopped_storage(module, worked=key in worked)
        device_id = device_id_for(key)
        if state is None or device_id is None:
            continue
        issue_id = issue_id_for(LOCAL_STORAGE, device_id)
        wanted[issue_id] = WantedIssue(
            issue_id=issue_id,
            cause=LOCAL_STORAGE,
            severity=ir.IssueSeverity.WARNING,
            placeholders=texts.escaped(
                {
                    "sync_module": module.name,
                    "model": model_name(module.product_type) or texts.not_reported(),
                }
            ),
            device_id=device_id,
            translation_key=f"{LOCAL_STORAGE}_{state.value}",
            event_data={
                "sync_module": module.name,
                "state": state.value,
                **_words(texts, state),
            },
        )
    return wanted


def _words(texts: Texts, state: LocalStorage) -> dict[str, str]:
    """Return what stopped and the first thing to do, in words, for the issue's event."""
    sensor = f"{PREFIX}.entity.sensor.{LOCAL_STORAGE}"
    name = texts.strings.get(f"{sensor}.name", LOCAL_STORAGE)
    words = texts.strings.get(f"{sensor}.state.{state.value}", state.value)
    return {
        "cause_name": f"{name}: {words}",
        "fix": texts.strings.get(
            f"{PREFIX}.selector.local_storage_fix.options.{state.value}", ""
        ),
    }
