// The cameras the card shows, found through the entity and device registries (platform, device,
// translation key), never by entity id: each with its verdict, or the last one known when Blink
// cannot be reached, its open repair, and the account connection it depends on.

import {
  CAUSE_ORDER,
  CONNECTED,
  DOMAIN,
  NO_STATE,
  ROLES,
  SEVERITY_ORDER,
} from "./constants.js";

/** Blink Health's entities by device and role ("cause", "led", ...). */
function entitiesByDevice(hass) {
  const byDevice = new Map();
  for (const [entityId, entry] of Object.entries(hass.entities || {})) {
    const role = ROLES[`${entityId.split(".")[0]}.${entry.translation_key}`];
    if (entry.platform !== DOMAIN || !entry.device_id || !role) {
      continue;
    }
    if (!byDevice.has(entry.device_id)) {
      byDevice.set(entry.device_id, {});
    }
    byDevice.get(entry.device_id)[role] = entityId;
  }
  return byDevice;
}

/** The config entry a device belongs to (`config_entries` before Home Assistant 2026.x). */
function entryIdsOf(device) {
  return device?.config_entry_id ? [device.config_entry_id] : device?.config_entries || [];
}

/** Each Blink Health entry's connection, from its account's connection sensor. */
function connections(hass, byDevice) {
  const byEntry = new Map();
  for (const [deviceId, entities] of byDevice) {
    const state = entities.connection && hass.states[entities.connection];
    for (const entryId of entryIdsOf(hass.devices?.[deviceId])) {
      if (state) {
        byEntry.set(entryId, {
          entryId,
          state: state.state,
          since: state.attributes.since,
          lastUpdate: state.attributes.last_update,
          code: state.attributes.code,
        });
      }
    }
  }
  return byEntry;
}

/** The verdict of a camera now, or the last one known (`asOf`), or none (`unknown`). */
function verdictOf(hass, entities, lastKnown) {
  const causeState = entities.cause && hass.states[entities.cause];
  if (causeState && !NO_STATE.has(causeState.state)) {
    const attributes = causeState.attributes;
    const led = entities.led && hass.states[entities.led];
    return {
      cause: causeState.state,
      led: led && !NO_STATE.has(led.state) ? led.state : "unknown",
      severity: attributes.severity ?? null,
      fixes: attributes.fixes || [],
      blinkIssues: attributes.blink_issues || [],
      since: attributes.since,
    };
  }
  if (lastKnown) {
    return {
      cause: lastKnown.cause,
      led: lastKnown.led_state,
      severity: lastKnown.severity ?? null,
      fixes: lastKnown.fixes || [],
      blinkIssues: [],
      asOf: lastKnown.as_of,
    };
  }
  return { cause: causeState?.state ?? "unavailable", led: "unknown", unknown: true, fixes: [] };
}

/**
 * Every Blink Health camera (or the configured ones) with what the card shows of it; the names in
 * the configuration that match no camera; and the connection of every account shown.
 * `lastKnownByDevice` maps device ids to their last known verdict (blink_health/last_known).
 */
export function cardModel(hass, config, issues, lastKnownByDevice) {
  const byDevice = entitiesByDevice(hass);
  const byEntry = connections(hass, byDevice);
  const wanted = config.cameras?.length ? config.cameras : undefined;
  const matched = new Set();
  const cameras = [];
  for (const [deviceId, entities] of byDevice) {
    const device = hass.devices?.[deviceId];
    if (!entities.cause || !device) {
      continue;
    }
    const name = device.name_by_user || device.name || deviceId;
    const keys = wanted?.filter((value) => value === deviceId || value === name);
    if (wanted && !keys.length) {
      continue;
    }
    keys?.forEach((key) => matched.add(key));
    const verdict = verdictOf(hass, entities, lastKnownByDevice.get(deviceId));
    const button = entities.batteriesButton && hass.states[entities.batteriesButton];
    const entry = entryIdsOf(device).map((id) => byEntry.get(id)).find(Boolean);
    cameras.push({
      ...verdict,
      deviceId,
      name,
      model: device.model || "",
      entities,
      entry,
      batteriesPressable: Boolean(button && button.state !== "unavailable"),
      attention: verdict.severity !== null && verdict.severity !== undefined,
      issue: issueFor(issues, device),
    });
  }
  const shownEntries = new Set(cameras.map((camera) => camera.entry).filter(Boolean));
  return {
    cameras: cameras.sort((a, b) => compareCameras(a, b, hass.language)),
    unmatched: (wanted || []).filter((value) => !matched.has(value)),
    outages: [...(shownEntries.size ? shownEntries : byEntry.values())].filter(
      (entry) => entry.state !== CONNECTED && !NO_STATE.has(entry.state),
    ),
  };
}

/** The card's order: errors, then warnings (each by the cause's precedence), no data, the rest. */
function compareCameras(a, b, language) {
  const group = (camera) => (camera.attention ? 0 : camera.unknown ? 1 : 2);
  const severity = (camera) => {
    const index = SEVERITY_ORDER.indexOf(camera.severity);
    return index === -1 ? SEVERITY_ORDER.length : index;
  };
  const cause = (camera) => {
    const index = CAUSE_ORDER.indexOf(camera.cause);
    return index === -1 ? CAUSE_ORDER.length : index;
  };
  return (
    group(a) - group(b) ||
    severity(a) - severity(b) ||
    (a.attention ? cause(a) - cause(b) : 0) ||
    a.name.localeCompare(b.name, language)
  );
}

/** The open repair of a camera: its own, else its Sync Module's (issue ids end in a device id). */
function issueFor(issues, device) {
  for (const id of [device.id, device.via_device_id].filter(Boolean)) {
    const issue = issues.find((candidate) => candidate.issue_id.endsWith(`_${id}`));
    if (issue) {
      return issue;
    }
  }
  return undefined;
}

/** The cameras whose verdict Home Assistant does not have now (each asks for the last known). */
export function camerasWithoutData(hass) {
  const missing = [];
  for (const [deviceId, entities] of entitiesByDevice(hass)) {
    const state = entities.cause && hass.states[entities.cause];
    if (entities.cause && (!state || NO_STATE.has(state.state))) {
      missing.push(deviceId);
    }
  }
  return missing;
}
