// The cameras the card shows, found through the entity registry (Blink Health's platform, device,
// translation key), never by entity id, whichever integration's device they sit on: each with its
// verdict, or the last one known when Blink cannot be reached, its battery forecast, its open
// repair, and the account it belongs to (its connection, the batteries due soon and the Sync
// Modules whose local storage stopped).

import {
  CAUSE_ORDER,
  COLD_FACT,
  CONNECTED,
  DOMAIN,
  NO_STATE,
  ROLES,
  SEVERITY_ORDER,
  STORAGE_ISSUE,
  WEAK_LINKS,
  WEAK_SIGNAL,
} from "./constants.js";
import { accountOf, deviceName, entryIdsOf, modelOf, namesOf, ownDevice } from "./devices.js";
import { batteriesDue, forecastOf } from "./forecast.js";
import { storageProblems } from "./storage.js";

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

/**
 * Each Blink Health entry's account, by entry id, from its account device's sensors: the
 * connection (the outage view) and the batteries due within the warning days (Blink Health's own
 * record: available in an outage too).
 */
function accountsOf(hass, byDevice) {
  const accounts = new Map();
  for (const [deviceId, entities] of byDevice) {
    const connection = entities.connection && hass.states[entities.connection];
    if (!connection) {
      continue;
    }
    const dueSoon = entities.dueSoon && hass.states[entities.dueSoon];
    for (const entryId of entryIdsOf(hass.devices?.[deviceId])) {
      accounts.set(entryId, {
        entryId,
        state: connection.state,
        since: connection.attributes.since,
        lastUpdate: connection.attributes.last_update,
        code: connection.attributes.code,
        batteriesDue:
          dueSoon && !NO_STATE.has(dueSoon.state) ? dueSoon.attributes.cameras || [] : [],
      });
    }
  }
  return accounts;
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
      cold: coldOf(attributes.evidence),
    };
  }
  if (lastKnown) {
    return {
      cause: lastKnown.cause,
      led: lastKnown.led_state,
      severity: lastKnown.severity ?? null,
      fixes: lastKnown.fixes || [],
      blinkIssues: lastKnown.blink_issues || [],
      since: lastKnown.since,
      asOf: lastKnown.as_of,
    };
  }
  return { cause: causeState?.state ?? "unavailable", led: "unknown", unknown: true, fixes: [] };
}

/** The cold at a battery camera in °C, where its likely cause's evidence notes it. */
function coldOf(evidence) {
  const fact = (evidence || []).find((item) => item.startsWith(`${COLD_FACT}=`));
  const celsius = fact ? Number(fact.slice(COLD_FACT.length + 1)) : Number.NaN;
  return Number.isFinite(celsius) ? celsius : undefined;
}

/** Which link a weak signal's first fix speaks of: `wifi`, `sync_module` or `both`. */
function weakLinkOf(verdict) {
  return verdict.cause === WEAK_SIGNAL ? WEAK_LINKS[verdict.fixes[0]] : undefined;
}

/**
 * Every Blink Health camera (or the configured ones) with what the card shows of it; the names in
 * the configuration that match no camera; the connection of every account shown, the batteries
 * due soon and the local storage that stopped. `known` is what blink_health/last_known said:
 * `verdicts` maps device ids to their last known verdict, `entries` device ids to their Blink
 * Health entry, `devices` device ids to their name in Blink and model name.
 */
export function cardModel(hass, config, issues, known) {
  const byDevice = entitiesByDevice(hass);
  const accounts = accountsOf(hass, byDevice);
  const wanted = config.cameras?.length ? config.cameras : undefined;
  const matched = new Set();
  const cameras = [];
  for (const [deviceId, entities] of byDevice) {
    const device = hass.devices?.[deviceId];
    if (!entities.cause || !device) {
      continue;
    }
    const own = ownDevice(device, accounts);
    const blink = known.devices.get(deviceId);
    const name = deviceName(device, blink);
    const names = namesOf(device, name);
    const keys = wanted?.filter((value) => value === deviceId || names.has(value));
    if (wanted && !keys.length) {
      continue;
    }
    keys?.forEach((key) => matched.add(key));
    const verdict = verdictOf(hass, entities, known.verdicts.get(deviceId));
    const button = entities.batteriesButton && hass.states[entities.batteriesButton];
    cameras.push({
      ...verdict,
      deviceId,
      name,
      names,
      model: modelOf(device, own, blink),
      weakLink: weakLinkOf(verdict),
      forecast: forecastOf(hass, entities),
      entities,
      entry: accountOf(device, accounts, known.entries),
      batteriesPressable: Boolean(button && button.state !== "unavailable"),
      attention: verdict.severity !== null && verdict.severity !== undefined,
      issue: issueFor(issues, device),
    });
  }
  const shownEntries = new Set(cameras.map((camera) => camera.entry).filter(Boolean));
  const shown = [...(shownEntries.size ? shownEntries : accounts.values())];
  const due = batteriesDue(shown, cameras, Boolean(wanted));
  for (const item of due) {
    if (item.camera) {
      item.camera.due = true;
    }
  }
  return {
    cameras: cameras.sort((a, b) => compareCameras(a, b, hass.language)),
    unmatched: (wanted || []).filter((value) => !matched.has(value)),
    outages: shown.filter((entry) => entry.state !== CONNECTED && !NO_STATE.has(entry.state)),
    due,
    storage: storageProblems(hass, byDevice, { accounts, shown, known, issues }),
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

/**
 * The open repair of a camera: its own, else its Sync Module's (issue ids end in a device id);
 * never the Sync Module's local storage repair, which is the storage warning's.
 */
function issueFor(issues, device) {
  const forCamera = issues.filter((issue) => !issue.issue_id.startsWith(`${STORAGE_ISSUE}_`));
  for (const id of [device.id, device.via_device_id].filter(Boolean)) {
    const issue = forCamera.find((candidate) => candidate.issue_id.endsWith(`_${id}`));
    if (issue) {
      return issue;
    }
  }
  return undefined;
}

/**
 * What blink_health/last_known is needed for: the cameras whose verdict Home Assistant does not
 * have now (each shows the last known), and the devices that are not Blink Health's own
 * (`blink`'s), whose entry, name in Blink and model only last_known gives (with each device's
 * name in the registry, so a renamed one is asked for again).
 */
export function lastKnownNeeds(hass) {
  const byDevice = entitiesByDevice(hass);
  const accounts = accountsOf(hass, byDevice);
  const missing = [];
  const foreign = [];
  for (const [deviceId, entities] of byDevice) {
    const device = hass.devices?.[deviceId];
    if ((entities.cause || entities.storage) && device && !ownDevice(device, accounts)) {
      foreign.push(`${deviceId} ${device.name}`);
    }
    if (!entities.cause) {
      continue;
    }
    const state = hass.states[entities.cause];
    if (!state || NO_STATE.has(state.state)) {
      missing.push(deviceId);
    }
  }
  return { missing, foreign };
}
