// How the card shows a camera: a tile for one that needs the owner (light, name, model, cause,
// first fix, actions), one line for one that is fine (opened for its actions).

import { ERROR_CAUSES, TRANSLATIONS } from "./constants.js";
import { explainPanel } from "./explain.js";
import { ledSvg } from "./led.js";
import { causeText, esc, fixTitle, label, ledText } from "./texts.js";

/** A camera that needs attention: light, name, model, cause, first fix, actions. */
export function tile(hass, ui, camera) {
  const severity =
    camera.issue?.severity === "error" || ERROR_CAUSES.has(camera.cause) ? " error" : "";
  const firstFix = camera.fixes.length
    ? `<div class="fix">${esc(label(hass, "first_fix", { fix: fixTitle(hass, camera.fixes[0]) }))}</div>`
    : "";
  const open = ui.explain?.deviceId === camera.deviceId ? " open" : "";
  return `<section class="tile${severity}${open}" data-camera="${esc(camera.name)}"
      data-device="${esc(camera.deviceId)}" data-state="${esc(camera.cause)}">
    <div class="head">${ledSvg(camera.led, ledText(hass, camera.led), 48)}
      <div class="who">
        <div class="name" data-name>${esc(camera.name)}</div>
        <div class="meta">${esc([camera.device.model, ledText(hass, camera.led)].filter(Boolean).join(" · "))}</div>
        <div class="cause" data-cause>${esc(causeText(hass, camera))}</div>
      </div>
    </div>
    ${firstFix}
    ${actions(hass, ui, camera)}
  </section>`;
}

/** A camera that is fine: one line, opened for its actions. */
export function row(hass, ui, camera) {
  const open = ui.expanded.has(camera.deviceId);
  const wide = open && ui.explain?.deviceId === camera.deviceId ? " open" : "";
  return `<div class="row${wide}" data-camera="${esc(camera.name)}" data-device="${esc(camera.deviceId)}"
      data-state="${esc(camera.cause)}">
    <button class="row-head" data-action="toggle" data-device="${esc(camera.deviceId)}"
        aria-expanded="${open}">
      ${ledSvg(camera.led, ledText(hass, camera.led), 40)}
      <span class="name" data-name>${esc(camera.name)}</span>
      <span class="cause" data-cause>${esc(causeText(hass, camera))}</span>
    </button>
    ${open ? `<div class="row-body"><div class="meta">${esc([camera.device.model, ledText(hass, camera.led)].filter(Boolean).join(" · "))}</div>${actions(hass, ui, camera)}</div>` : ""}
  </div>`;
}

/** What the owner can do for a camera: batteries, repair, "what do I see?", and their panels. */
function actions(hass, ui, camera) {
  const id = esc(camera.deviceId);
  const buttons = [];
  const confirming = ui.confirm === camera.deviceId;
  if (camera.entities.batteriesButton && !confirming) {
    const name =
      hass.localize(`${TRANSLATIONS}.entity.button.batteries_replaced.name`) ||
      hass.formatEntityName?.(hass.states[camera.entities.batteriesButton]) ||
      "";
    buttons.push(`<button class="action" data-action="batteries" data-device="${id}">
      <ha-icon icon="mdi:battery-sync-outline"></ha-icon>${esc(name)}</button>`);
  }
  if (camera.issue && hass.user?.is_admin) {
    buttons.push(`<button class="action" data-action="repair" data-device="${id}">
      <ha-icon icon="mdi:wrench-outline"></ha-icon>${esc(label(hass, "open_repair"))}</button>`);
  }
  const explaining = ui.explain?.deviceId === camera.deviceId;
  buttons.push(`<button class="action" data-action="explain" data-device="${id}"
      aria-expanded="${explaining}">
    <ha-icon icon="mdi:help-circle-outline"></ha-icon>${esc(label(hass, "what_do_i_see"))}</button>`);
  let extra = "";
  if (confirming) {
    extra += `<div class="confirm"><span>${esc(label(hass, "confirm_batteries", { camera: camera.name }))}</span>
      <button class="action primary" data-action="batteries-confirm" data-device="${id}">${esc(label(hass, "record"))}</button>
      <button class="action" data-action="batteries-cancel" data-device="${id}">${esc(label(hass, "cancel"))}</button></div>`;
  } else if (ui.recorded.has(camera.deviceId)) {
    extra += `<div class="note" role="status">${esc(label(hass, "recorded"))}</div>`;
  }
  if (explaining) {
    extra += explainPanel(hass, ui.explain, camera);
  }
  return `<div class="actions">${buttons.join("")}</div>${extra}`;
}
