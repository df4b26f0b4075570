// The card's first lines: one summary that is true whatever the state (Blink cannot be reached,
// cameras need attention, some have no current data, a configured camera matches nothing, or all
// is well), then what else the owner must know: the outage's details, the batteries due soon, the
// local storage that stopped, the names found nowhere.

import { html, nothing } from "lit";
import { dueNotice } from "./forecast.js";
import { storageNotices } from "./storage.js";
import { connectionText, formatTime, label } from "./texts.js";

/** The summary line and the notices under it; `openRepair(issue)` opens a repair. */
export function summary(hass, model, openRepair) {
  const { cameras, unmatched, outages } = model;
  const total = cameras.length;
  const attention = cameras.filter((camera) => camera.attention);
  const noData = cameras.filter((camera) => camera.unknown || camera.asOf).length;
  const notFound = unmatched.length
    ? label(hass, "not_found", { names: unmatched.join(", ") })
    : "";
  let tone = "ok";
  let text = label(hass, "all_fine");
  if (outages.length) {
    tone = "error";
    text = outageText(hass, outages[0]);
  } else if (attention.length) {
    tone = attention.some((camera) => camera.severity === "error") ? "error" : "warning";
    text = label(hass, "attention", { count: attention.length, total });
  } else if (noData) {
    tone = "warning";
    text = label(hass, "unknown_summary", { count: noData, total });
  } else if (!total) {
    tone = "warning";
    text = label(hass, "no_cameras");
  } else if (notFound) {
    tone = "warning";
    text = notFound;
  }
  return html`<div class="summary ${tone}" data-summary data-tone=${tone} aria-live="polite">
      <span class="mark"></span><span>${text}</span>
    </div>
    ${outages.map((outage, index) => outageNotice(hass, outage, index > 0 || outages.length > 1))}
    ${!outages.length && noData && text !== label(hass, "unknown_summary", { count: noData, total })
      ? html`<div class="notice" data-no-data>${label(hass, "unknown_summary", { count: noData, total })}</div>`
      : nothing}
    ${dueNotice(hass, model.due)} ${storageNotices(hass, model.storage, openRepair)}
    ${notFound && text !== notFound ? html`<div class="notice" data-not-found>${notFound}</div>` : nothing}`;
}

/** "Blink refused the request since 14:03": the connection sensor's state in words. */
function outageText(hass, outage) {
  return label(hass, "outage", {
    reason: connectionText(hass, outage.state),
    time: formatTime(hass, outage.since),
  });
}

/** What an outage means for the card: the last poll that worked, Blink's code, greyed verdicts. */
function outageNotice(hass, outage, withReason) {
  const lastUpdate = outage.lastUpdate
    ? label(hass, "last_update", { time: formatTime(hass, outage.lastUpdate) })
    : label(hass, "no_last_update");
  return html`<div class="notice outage" data-outage=${outage.state}>
    <ha-icon icon="mdi:cloud-off-outline"></ha-icon>
    <div>
      ${withReason ? html`<div class="notice-title">${outageText(hass, outage)}</div>` : nothing}
      <div>
        ${lastUpdate}${outage.code ? html` · ${label(hass, "blink_code", { code: outage.code })}` : nothing}
      </div>
      <div>${label(hass, "last_known_note")}</div>
    </div>
  </div>`;
}
