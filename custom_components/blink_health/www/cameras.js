// The cameras the card shows: found through the entity and device registries (platform, device,
// translation key), never by entity id, with their open repair, in the order the card lists them.

import { CAUSE_ORDER, DOMAIN, FINE_CAUSES, NO_STATE, ROLES } from "./constants.js";

/** Every Blink Health camera (or the configured ones), with what the card shows of it. */
export function findCameras(hass, config, issues) {
  const byDevice = new Map();
  for (const [entityId, entry] of Object.entries(hass.entities || {})) {
    if (entry.platform !== DOMAIN || !entry.device_id) {
      continue;
    }
    const role = ROLES[`${entityId.split(".")[0]}.${entry.translation_key}`];
    if (!role) {
      continue;
    }
    if (!byDevice.has(entry.device_id)) {
      byDevice.set(entry.device_id, {});
    }
    byDevice.get(entry.device_id)[role] = entityId;
  }
  const wanted = config.cameras;
  const cameras = [];
  for (const [deviceId, entities] of byDevice) {
    const device = hass.devices?.[deviceId];
    if (!entities.cause || !device) {
      continue;
    }
    const name = device.name_by_user || device.name || deviceId;
    if (wanted && !wanted.includes(deviceId) && !wanted.includes(name)) {
      continue;
    }
    const causeState = hass.states[entities.cause];
    const cause = causeState?.state ?? "unavailable";
    const problem = entities.problem ? hass.states[entities.problem]?.state : undefined;
    const attention =
      problem === "on" || (problem === undefined && !FINE_CAUSES.has(cause) && !NO_STATE.has(cause));
    cameras.push({
      deviceId,
      device,
      name,
      entities,
      cause,
      causeState,
      led: hass.states[entities.led]?.state ?? "unavailable",
      fixes: causeState?.attributes?.fixes || [],
      attention,
      issue: issueFor(issues, device),
    });
  }
  const rank = (camera) => {
    const index = CAUSE_ORDER.indexOf(camera.cause);
    return index === -1 ? CAUSE_ORDER.length : index;
  };
  return cameras.sort(
    (a, b) =>
      Number(b.attention) - Number(a.attention) ||
      (a.attention ? rank(a) - rank(b) : 0) ||
      a.name.localeCompare(b.name, hass.language),
  );
}

/** The open repair of a camera: its own, or its Sync Module's (issue ids end in a device id). */
function issueFor(issues, device) {
  const ids = [device.id, device.via_device_id].filter(Boolean);
  return issues.find((issue) => ids.some((id) => issue.issue_id.endsWith(`_${id}`)));
}
