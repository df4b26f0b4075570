// How the card shows a camera: a tile for one that needs the owner (light, name, model, cause,
// Blink's own words, since when, the battery forecast and the cold, the weak link and first fix,
// actions), one line for the others (name, cause, the battery forecast and the cold), opened for
// their actions. A verdict from before an outage is greyed and carries its time; the forecast,
// Blink Health's own record, is not greyed.
//
// `ui` is the card's view state and handlers: { expanded, explain, confirm, recorded, toggle,
// batteries, confirmBatteries, cancelBatteries, openRepair, explainOpen, explainPick,
// explainClose }.

import { html, nothing } from "lit";
import { BATTERY_CAUSES, TRANSLATIONS } from "./constants.js";
import { explainPanel } from "./explain.js";
import { coldHint, forecastLine } from "./forecast.js";
import { ledSvg } from "./led.js";
import {
  causeText,
  fixTitle,
  formatTime,
  label,
  ledText,
  metaText,
} from "./texts.js";

/** The light's drawing with its text alternative. */
function light(hass, camera, size) {
  const alt = label(hass, camera.asOf ? "light_alt_last_known" : "light_alt", {
    light: camera.unknown ? ledText(hass, "unknown") : ledText(hass, camera.led),
  });
  return ledSvg(camera.led, alt, size, Boolean(camera.asOf || camera.unknown));
}

/** Blink's own words for what it reports (a hardware fault's "Image sensor not responding"). */
function blinkSays(hass, camera) {
  return camera.blinkIssues?.length
    ? html`<div class="blink-says" data-blink-issues>
        ${label(hass, "blink_reports", { issues: camera.blinkIssues.join("; ") })}
      </div>`
    : nothing;
}

/** When a last known verdict was true. */
function asOf(hass, camera) {
  return camera.asOf
    ? html`<span class="as-of" data-as-of>${label(hass, "as_of", { time: formatTime(hass, camera.asOf) })}</span>`
    : nothing;
}

/** Since when the cause holds (a tile's: the problem's start). */
function since(hass, camera) {
  const time = formatTime(hass, camera.since);
  return time ? html`<span class="since" data-since>${label(hass, "since", { time })}</span>` : nothing;
}

/** The first fix, after the link a weak signal is weak on (Wi-Fi, the Sync Module's, both). */
function fix(hass, camera) {
  if (!camera.fixes.length) {
    return nothing;
  }
  return html`<div class="fix">
    ${camera.weakLink
      ? html`<div class="weak-link" data-weak-link=${camera.weakLink}>
          ${label(hass, `weak_link_${camera.weakLink}`)}
        </div>`
      : nothing}
    <div data-fix>${label(hass, "first_fix", { fix: fixTitle(hass, camera.fixes[0]) })}</div>
  </div>`;
}

/** The data attributes the card check reads a camera by. */
function tag(camera) {
  return {
    name: camera.name,
    device: camera.deviceId,
    entry: camera.entry?.entryId || "",
    state: camera.unknown ? "unknown" : camera.cause,
    stale: camera.asOf ? "true" : "false",
  };
}

/** A camera that needs attention: light, name, model, cause, Blink's words, first fix, actions. */
export function tile(hass, ui, camera) {
  const data = tag(camera);
  const open = ui.explain?.deviceId === camera.deviceId;
  return html`<section
    class="tile ${camera.severity || "warning"} ${camera.asOf ? "stale" : ""} ${open ? "open" : ""}"
    data-camera=${data.name}
    data-device=${data.device}
    data-entry=${data.entry}
    data-state=${data.state}
    data-stale=${data.stale}
  >
    <div class="head">
      ${light(hass, camera, 48)}
      <div class="who">
        <h3 class="name" data-name>${camera.name}</h3>
        <div class="meta">${metaText(hass, camera)}</div>
        <div class="cause" data-cause>${causeText(hass, camera)}</div>
        ${blinkSays(hass, camera)} ${since(hass, camera)} ${asOf(hass, camera)}
        ${forecastLine(hass, camera)} ${coldHint(hass, camera)}
      </div>
    </div>
    ${fix(hass, camera)} ${actions(hass, ui, camera, BATTERY_CAUSES.has(camera.cause))}
  </section>`;
}

/** A camera that needs nothing (or whose state is not known): one line, opened for its actions. */
export function row(hass, ui, camera) {
  const data = tag(camera);
  const open = ui.expanded.has(camera.deviceId);
  const bodyId = `details-${camera.deviceId}`;
  return html`<div
    class="row ${open && ui.explain?.deviceId === camera.deviceId ? "open" : ""}"
    data-camera=${data.name}
    data-device=${data.device}
    data-entry=${data.entry}
    data-state=${data.state}
    data-stale=${data.stale}
  >
    <button
      class="row-head"
      data-action="toggle"
      aria-expanded=${open ? "true" : "false"}
      aria-controls=${bodyId}
      @click=${() => ui.toggle(camera)}
    >
      ${light(hass, camera, 40)}
      <span class="row-who">
        <span class="name" data-name>${camera.name}</span>
        ${asOf(hass, camera)}
      </span>
      <span class="cause ${camera.unknown ? "no-data" : ""}" data-cause>${causeText(hass, camera)}</span>
      <ha-icon class="chevron" icon="mdi:chevron-down"></ha-icon>
      ${forecastLine(hass, camera)} ${coldHint(hass, camera)}
    </button>
    ${open
      ? html`<div class="row-body" id=${bodyId}>
          <div class="meta">${metaText(hass, camera)}</div>
          ${blinkSays(hass, camera)} ${actions(hass, ui, camera, true)}
        </div>`
      : nothing}
  </div>`;
}

/**
 * What the owner can do for a camera. "Batteries replaced" comes first only where new batteries
 * are the fix, and never on a tile for another problem (a Wi-Fi or Sync Module problem); a fine
 * battery camera still offers it in its details, after "what do I see?".
 */
function actions(hass, ui, camera, batteriesFit) {
  const confirming = ui.confirm === camera.deviceId;
  const batteries =
    camera.entities.batteriesButton && camera.batteriesPressable && batteriesFit && !confirming
      ? html`<button class="action ${camera.attention ? "primary" : ""}" data-action="batteries"
          @click=${() => ui.batteries(camera)}>
          <ha-icon icon="mdi:battery-sync-outline"></ha-icon>
          ${hass.localize(`${TRANSLATIONS}.entity.button.batteries_replaced.name`)}
        </button>`
      : nothing;
  const repair =
    camera.issue && hass.user?.is_admin
      ? html`<button class="action" data-action="repair" data-issue=${camera.issue.issue_id}
          @click=${() => ui.openRepair(camera)}>
          <ha-icon icon="mdi:wrench-outline"></ha-icon>${label(hass, "open_repair")}
        </button>`
      : nothing;
  const explaining = ui.explain?.deviceId === camera.deviceId;
  const explain = html`<button class="action" data-action="explain" aria-expanded=${explaining ? "true" : "false"}
    @click=${() => ui.explainOpen(camera)}>
    <ha-icon icon="mdi:help-circle-outline"></ha-icon>${label(hass, "what_do_i_see")}
  </button>`;
  const buttons = camera.attention ? [batteries, repair, explain] : [explain, batteries];
  // A group named for the camera: a screen reader says whose "Open the repair" this is.
  return html`<div class="actions" role="group" aria-label=${camera.name}>${buttons}</div>
    ${confirming
      ? html`<div class="confirm">
          <span>${label(hass, "confirm_batteries", { camera: camera.name })}</span>
          <button class="action primary" data-action="batteries-confirm"
            @click=${() => ui.confirmBatteries(camera)}>${label(hass, "record")}</button>
          <button class="action" data-action="batteries-cancel"
            @click=${() => ui.cancelBatteries()}>${label(hass, "cancel")}</button>
        </div>`
      : ui.recorded.has(camera.deviceId)
        ? html`<div class="note" role="status">${label(hass, "recorded")}</div>`
        : nothing}
    ${explaining
      ? explainPanel(hass, ui.explain, camera, (led) => ui.explainPick(camera, led), () => ui.explainClose())
      : nothing}`;
}
