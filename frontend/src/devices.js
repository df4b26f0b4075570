// Which device a camera or Sync Module is and whose: the Blink Health entry it belongs to, its name
// as the owner knows it and its model. Signed in, a device is Blink Health's own. Beside Home
// Assistant's Blink integration (or on its session) Blink Health's entities sit on `blink`'s device
// instead: that device's config entry is `blink`'s, its name may be `blink`'s ("blink Driveway",
// as `blink`'s sensors name it) and its model is Blink's raw product type ("owl"); the device's
// name in Blink and its model name come from blink_health/last_known.

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

/**
 * A device's name as its owner knows it: the name they gave the device, else its name in Blink
 * (`known`, from blink_health/last_known: a device of `blink`'s carries `blink`'s name, which may
 * start with "blink "), else the device's name.
 */
export function deviceName(device, known) {
  return device.name_by_user || known?.name || device.name || device.id;
}

/** Every name the card's `cameras` setting may give a camera by: as shown, and as registered. */
export function namesOf(device, shown) {
  return new Set([shown, device.name_by_user, device.name].filter(Boolean));
}

/**
 * A device's model name ("Blink Outdoor"): Blink Health's own device carries it; `blink`'s device
 * carries Blink's raw product type ("catalina"), so there it is the one last_known gives.
 */
export function modelOf(device, own, known) {
  return (own ? device.model : known?.model) || "";
}
