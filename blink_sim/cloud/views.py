"""JSON views of the account in the real API's shapes: homescreen, networks, configs, media."""

from collections.abc import Mapping
import copy
import time
from typing import TYPE_CHECKING, Any

from blink_sim.cloud import battery
from blink_sim.cloud.common import (
    DEFAULT_LISTS,
    INTERNAL_FIELDS,
    MEDIA_DEVICE,
    Json,
    iso,
    kind,
    list_key,
)

if TYPE_CHECKING:
    from blink_sim.cloud.state import CloudState

# The usage answer's window, and the seconds it counts for each clip of a camera that has no
# drain profile.
USAGE_DAYS = 7
CLIP_SECONDS = 10
# The accessory lists the homescreen always carries.
ACCESSORY_TYPES = ("storm", "rosie")


def public(cam: Mapping[str, Any]) -> Json:
    """Return the API-visible fields of a device."""
    return {k: copy.deepcopy(v) for k, v in cam.items() if k not in INTERNAL_FIELDS}


def _network(cloud: CloudState, nid: int, created: str, updated: str) -> Json:
    """Return a homescreen network entry."""
    return {
        "id": nid,
        "created_at": created,
        "updated_at": updated,
        "name": cloud.network_name(nid),
        "time_zone": "UTC",
        "dst": False,
        "armed": cloud.network_armed(nid),
        "lv_save": False,
    }


def _sync_module(sm: Mapping[str, Any], created: str, updated: str) -> Json:
    """Return a homescreen Sync Module entry."""
    return {
        "id": sm["id"],
        "created_at": created,
        "updated_at": updated,
        "onboarded": sm["onboarded"],
        "status": sm["status"],
        "name": sm["name"],
        "serial": sm["serial"],
        "fw_version": sm["fw_version"],
        "type": sm["type"],
        "subtype": "vertigo",
        "last_hb": updated,
        "wifi_strength": sm["wifi_strength"],
        "network_id": sm["network_id"],
        "enable_temp_alerts": True,
        "local_storage_enabled": sm["local_storage_enabled"],
        "local_storage_compatible": sm["local_storage_compatible"],
        "local_storage_status": sm["local_storage_status"],
        "revision": "01",
    }


def _device(
    cloud: CloudState, cam: Mapping[str, Any], created: str, updated: str
) -> Json:
    """Return a homescreen device entry: its shape follows the kind, whatever list it is in."""
    entry: Json = {
        "id": cam["id"],
        "created_at": created,
        "updated_at": updated,
        "name": cam["name"],
        "serial": cam["serial"],
        "fw_version": cam["fw_version"],
        "type": cam["type"],
        "enabled": cam["enabled"],
        "thumbnail": cloud.thumbnail_url(cam),
        "status": cam["status"],
        "network_id": cam["network_id"],
        "issues": copy.deepcopy(cam["issues"]),
        "signals": copy.deepcopy(cam.get("signals", {})),
        "local_storage_enabled": False,
        "local_storage_compatible": False,
        "snooze": False,
        "snooze_time_remaining": None,
        "revision": "01",
        "color": "black",
    }
    if kind(cam) == "default":
        entry["battery"] = cam["battery_state"]
        entry["usage_rate"] = False
        return entry
    entry["onboarded"] = cam["onboarded"]
    if cam.get("battery_state") is not None:
        entry["battery"] = cam["battery_state"]
    return entry


def homescreen(cloud: CloudState) -> Json:
    """Return the homescreen JSON in the real API's shape (extra device lists after doorbells)."""
    created = iso(cloud.created)
    updated = iso(time.time() - 60)
    lists: dict[str, list[Json]] = {key: [] for key in DEFAULT_LISTS.values()}
    for cam in cloud.cameras.values():
        lists.setdefault(list_key(cam), []).append(
            _device(cloud, cam, created, updated)
        )
    accessories: dict[str, list[Json]] = {key: [] for key in ACCESSORY_TYPES}
    for item in cloud.accessories:
        accessories.setdefault(str(item["type"]), []).append(
            {"created_at": created, **copy.deepcopy(item)}
        )
    extra = {k: v for k, v in lists.items() if k not in DEFAULT_LISTS.values()}
    return {
        "account": {
            "id": cloud.account["account_id"],
            "email_verified": True,
            "email_verification_required": False,
            "amazon_account_linked": False,
            "tier": cloud.account["region"],
        },
        "networks": [
            _network(cloud, nid, created, updated) for nid in cloud.network_ids()
        ],
        "sync_modules": [
            _sync_module(sm, created, updated) for sm in cloud.sync_modules.values()
        ],
        "cameras": lists["cameras"],
        "sirens": [],
        "chimes": [],
        "video_stats": {
            "storage": 1,
            "auto_delete_days": 60,
            "auto_delete_day_options": [3, 7, 14, 30, 60],
        },
        "doorbell_buttons": [],
        "owls": lists["owls"],
        "doorbells": lists["doorbells"],
        **extra,
        "app_updates": {
            "message": "OK",
            "code": 103,
            "update_available": False,
            "update_required": False,
        },
        "device_limits": {
            "camera": 10,
            "chime": 5,
            "doorbell": 10,
            "doorbell_button": 10,
            "owl": 10,
            "siren": 5,
            "total_devices": 20,
        },
        "whats_new": {
            "updated_at": 20240101,
            "url": "https://blinkforhome.com/whats-new",
        },
        "subscriptions": {"updated_at": created},
        "entitlements": {"updated_at": created},
        "tiv_lock_enable": False,
        "tiv_lock_status": {"locked": False},
        "accessories": accessories,
    }


def camera_config(cloud: CloudState, cam: Mapping[str, Any]) -> Json:
    """Return the per-camera config entry of a default camera."""
    signals = cam.get("signals", {})
    entry = public(cam)
    entry.pop("onboarded", None)
    entry.update(
        {
            "thumbnail": cloud.thumbnail_url(cam),
            "temperature": cam.get("temperature", signals.get("temp")),
            "account_id": cloud.account["account_id"],
            "created_at": iso(cloud.created),
            "updated_at": iso(time.time() - 60),
            "motion_sensitivity": 5,
            "video_length": 10,
            "illuminator_enable": 0,
            "night_vision_control": "normal",
        }
    )
    return entry


def camera_signals(cam: Mapping[str, Any]) -> Json:
    """Return a camera's signals answer (blinkpy reads temp as the calibrated temperature)."""
    signals = {
        "lfr": None,
        "wifi": None,
        "temp": None,
        "battery": None,
        **cam.get("signals", {}),
    }
    if cam.get("temperature") is not None:
        signals["temp"] = cam["temperature"]
    signals["updated_at"] = iso(time.time() - 60)
    return signals


def doorbell_config(cam: Mapping[str, Any]) -> Json:
    """Return a doorbell's config: its temperature (°F), Wi-Fi and Sync Module signal (dBm).

    Fields the doorbell has no value for are left out, as models that do not report them do.
    """
    readings = {
        "temp": cam.get("temperature", cam.get("signals", {}).get("temp")),
        "wifi_rssi": cam.get("wifi_strength"),
        "lfr_rssi": cam.get("lfr_strength"),
        "battery_state": cam.get("battery_state"),
    }
    return {
        "id": cam["id"],
        "name": cam["name"],
        "serial": cam["serial"],
        "fw_version": cam["fw_version"],
        **{key: value for key, value in readings.items() if value is not None},
    }


def networks(cloud: CloudState) -> Json:
    """Return /networks: Sync Module networks are onboarded, standalone ones are not."""
    summary: Json = {}
    entries: list[Json] = []
    for nid in cloud.network_ids():
        sm = cloud.sync_for_network(nid)
        onboarded = bool(sm["onboarded"]) if sm is not None else False
        summary[str(nid)] = {"name": cloud.network_name(nid), "onboarded": onboarded}
        entries.append(
            {
                "id": nid,
                "name": cloud.network_name(nid),
                "armed": cloud.network_armed(nid),
                "onboarded": onboarded,
            }
        )
    return {"summary": summary, "networks": entries}


def camera_usage(cloud: CloudState) -> Json:
    """Return camera usage over the last 7 days: every Sync Module network's default cameras.

    A camera whose cells drain (a `drain` profile) reports the seconds it used; any other, 10 s
    for each clip recorded in the window, and no Live View.
    """
    now = time.time()
    usage = []
    for sm in cloud.sync_modules.values():
        cameras = []
        for cam in cloud.cameras.values():
            if kind(cam) != "default" or str(cam["network_id"]) != str(
                sm["network_id"]
            ):
                continue
            if isinstance(cam.get("drain"), dict):
                clips, live_view = battery.window(cam["drain"], now, USAGE_DAYS)
            else:
                recent = [
                    c
                    for c in cloud.clips
                    if c["serial"] == cam["serial"]
                    and c["created_at"] is not None
                    and now - c["created_at"] <= USAGE_DAYS * battery.DAY
                ]
                clips, live_view = CLIP_SECONDS * len(recent), 0.0
            cameras.append(
                {
                    "id": cam["id"],
                    "name": cam["name"],
                    "usage": round(clips + live_view),
                    "lv_seconds": round(live_view),
                    "clip_seconds": round(clips),
                }
            )
        usage.append(
            {
                "network_id": sm["network_id"],
                "name": sm["network_name"],
                "cameras": cameras,
            }
        )
    return {"range_days": USAGE_DAYS, "reference": {"usage": 0}, "networks": usage}


def sync_module_summary(cloud: CloudState, sm: Mapping[str, Any]) -> Json:
    """Return the Sync Module summary of a network."""
    return {
        "syncmodule": {
            "id": sm["id"],
            "created_at": iso(cloud.created),
            "updated_at": iso(time.time() - 60),
            "last_hb": iso(time.time() - 30),
            "name": sm["name"],
            "network_id": sm["network_id"],
            "serial": sm["serial"],
            "status": sm["status"],
            "onboarded": sm["onboarded"],
            "server": f"rest-{cloud.account['region']}.immedia-semi.com",
            "last_activity": iso(time.time() - 30),
            "fw_version": sm["fw_version"],
            "type": sm["type"],
            "subtype": "vertigo",
            "wifi_strength": sm["wifi_strength"],
            "mac_address": "00:00:00:00:00:00",
            "ip_address": "192.0.2.10",
            "table_update_sequence": 1,
            "enable_temp_alerts": True,
        }
    }


def network_info(cloud: CloudState, sm: Mapping[str, Any]) -> Json:
    """Return the network info blinkpy reads armed and sync_module_error from."""
    armed = bool(sm["armed"])
    return {
        "network": {
            "id": sm["network_id"],
            "created_at": iso(cloud.created),
            "updated_at": iso(time.time() - 60),
            "name": sm["network_name"],
            "description": "",
            "network_origin": "normal",
            "locale": "",
            "time_zone": "UTC",
            "dst": False,
            "armed": armed,
            "arm_string": "Armed" if armed else "Disarmed",
            "autoarm_geo_enable": False,
            "autoarm_time_enable": False,
            "lv_mode": "relay",
            "lfr_channel": 0,
            "video_destination": "server",
            "storage_used": 0,
            "storage_total": 0,
            "video_count": 0,
            "video_history_count": 4000,
            "sm_backup_enabled": False,
            "busy": False,
            "camera_error": False,
            "sync_module_error": bool(sm["sync_module_error"]),
            "feature_plan_id": None,
            "account_id": cloud.account["account_id"],
            "lv_save": False,
        }
    }


def media_entry(
    cloud: CloudState, clip: Mapping[str, Any], cam: Mapping[str, Any]
) -> Json:
    """Return one media/changed entry: by device id, as Blink lists it."""
    return {
        "id": clip["id"],
        "created_at": iso(clip["created_at"]),
        "updated_at": iso(clip["created_at"]),
        "deleted": False,
        "device": MEDIA_DEVICE[kind(cam)],
        "device_id": cam["id"],
        "device_name": cam["name"],
        "network_id": cam["network_id"],
        "network_name": cloud.network_name(cam["network_id"]),
        "type": "video",
        "source": "pir",
        "watched": False,
        "partial": False,
        "thumbnail": cloud.thumbnail_url(cam),
        "media": f"/api/v2/accounts/{cloud.account['account_id']}/media/clip/{clip['id']}.mp4",
        "additional_devices": [],
        "time_zone": "UTC",
    }
