// Which device a camera is and whose: the Blink Health entry it belongs to, its name as the owner
// knows it and its model. Signed in, a camera is Blink Health's own device. Beside Home Assistant's
// Blink integration (or on its session) Blink Health's entities sit on `blink`'s device instead:
// that device's config entry is `blink`'s, its name may carry `blink`'s prefix ("blink Driveway",
// as `blink`'s sensors name it) and its model is Blink's raw product type ("owl").

import { BLINK } from "./constants.js";

/** The config entries a device belongs to (`config_entries` before Home Assistant 2026.x). */
export function entryIdsOf(device) {
  return device?.config_entry_id ? [device.config_entry_id] : device?.config_entries || [];
}

/** Whether a device is Blink Health's own: it belongs to an entry that has an account. */
export function ownDevice(device, accounts) {
  return entryIdsOf(device).some((entryId) => accounts.has(entryId));
}

/**
 * The account (Blink Health entry) a camera belongs to: its device's entry when the device is
 * Blink Health's own; on `blink`'s device, the entry `blink_health/last_known` lists the device
 * under (`entryByDevice`); with a single Blink Health entry, that one.
 */
export function accountOf(device, accounts, entryByDevice) {
  const own = entryIdsOf(device).find((entryId) => accounts.has(entryId));
  const entryId = own || entryByDevice.get(device.id);
  if (entryId && accounts.has(entryId)) {
    return accounts.get(entryId);
  }
  return accounts.size === 1 ? [...accounts.values()][0] : undefined;
}

/** Home Assistant's slug of a name, as it makes entity ids (accents dropped, the rest to _). */
function slug(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * The camera's name as its owner knows it: the name they gave the device, else the device's name.
 * `blink`'s sensors name its device "blink Driveway": that prefix is not the camera's. Blink Health
 * made the camera's entity ids from the camera's own name (`sensor.driveway_likely_cause`), so
 * the prefix goes unless the likely cause's entity id starts with it too (a camera really named
 * "blink Porch" in the Blink app: `sensor.blink_porch_likely_cause`).
 */
export function cameraName(device, own, causeEntityId) {
  if (device.name_by_user) {
    return device.name_by_user;
  }
  const name = device.name || device.id;
  const prefix = `${BLINK} `;
  if (own || !name.startsWith(prefix)) {
    return name;
  }
  const objectId = causeEntityId.split(".")[1] || "";
  return objectId.startsWith(`${slug(name)}_`) ? name : name.slice(prefix.length);
}

/** Every name the card's `cameras` setting may give a camera by: as shown, and as registered. */
export function namesOf(device, shown) {
  return new Set([shown, device.name_by_user, device.name].filter(Boolean));
}

/**
 * The camera's model: Blink Health's own device carries a readable model name ("Blink Outdoor");
 * `blink`'s device carries Blink's raw product type ("catalina"), which is no name to show.
 */
export function modelOf(device, own) {
  return own ? device.model || "" : "";
}
