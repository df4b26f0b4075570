// A Sync Module's local storage, from its `local_storage` sensor, where it matters: once it has
// worked and stopped (the drive gone, full or not compatible, or storage switched off: its
// repair's rule), a warning under the summary with what to do first and, for administrators, its
// repair. Working storage, and storage never used, is not shown: clips kept as the owner set them
// up need nothing, and a card that lists what is fine stops being read (the sensor has it).
// The sensor is Blink's reading: in an outage it is unavailable and the card says nothing of it.

import { css, html, nothing } from "lit";
import { STORAGE_ISSUE, STORAGE_STOPPED, TRANSLATIONS } from "./constants.js";
import { accountOf, deviceName } from "./devices.js";
import { label } from "./texts.js";

// The warning's styles (part of the card's styles).
export const STORAGE_STYLES = css`
  .notice.storage > ha-icon {
    color: var(--bh-warning);
  }
  .storage-body {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
  }
  .storage-state {
    color: var(--bh-warning-text);
  }
`;

/**
 * The Sync Modules of the accounts shown whose local storage worked and stopped, by name; each
 * with its open repair. `card` holds the card's accounts, the accounts `shown`, what
 * blink_health/last_known said and the open repairs.
 */
export function storageProblems(hass, byDevice, card) {
  const { accounts, shown, known, issues } = card;
  const problems = [];
  for (const [deviceId, entities] of byDevice) {
    const storage = entities.storage && hass.states[entities.storage];
    const device = hass.devices?.[deviceId];
    if (
      !storage ||
      !device ||
      !STORAGE_STOPPED.includes(storage.state) ||
      storage.attributes.worked !== true ||
      !shown.includes(accountOf(device, accounts, known.entries))
    ) {
      continue;
    }
    problems.push({
      deviceId,
      state: storage.state,
      name: deviceName(device, known.devices.get(deviceId)),
      issue: issues.find((issue) => issue.issue_id === `${STORAGE_ISSUE}_${deviceId}`),
    });
  }
  return problems.sort((a, b) => a.name.localeCompare(b.name, hass.language));
}

/** One warning a stopped local storage: what stopped, the first thing to do, its repair. */
export function storageNotices(hass, problems, openRepair) {
  return problems.map(
    (problem) => html`<div
      class="notice storage"
      data-storage=${problem.state}
      data-sync-module=${problem.name}
      data-device=${problem.deviceId}
    >
      <ha-icon icon="mdi:harddisk"></ha-icon>
      <div class="storage-body">
        <div class="notice-title storage-state">
          ${label(hass, "storage_stopped", {
            sync_module: problem.name,
            state: hass.localize(`${TRANSLATIONS}.entity.sensor.local_storage.state.${problem.state}`),
          })}
        </div>
        <div>${hass.localize(`${TRANSLATIONS}.selector.local_storage_fix.options.${problem.state}`)}</div>
        ${problem.issue && hass.user?.is_admin
          ? html`<button class="action" data-action="repair" data-issue=${problem.issue.issue_id}
              @click=${() => openRepair(problem.issue)}>
              <ha-icon icon="mdi:wrench-outline"></ha-icon>${label(hass, "open_repair")}
            </button>`
          : nothing}
      </div>
    </div>`,
  );
}
