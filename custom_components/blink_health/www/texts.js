// The card's words: every text it shows is Blink Health's translation (or Home Assistant's own)
// in the owner's language, escaped for HTML.

import { LED_STATES, NO_STATE, TRANSLATIONS } from "./constants.js";

/** Escape a text for HTML. */
export const esc = (value) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char],
  );

/** Return the card's own label in the owner's language (Blink Health's "card" translations). */
export function label(hass, key, placeholders) {
  return hass.localize(`${TRANSLATIONS}.selector.card.options.${key}`, placeholders) || "";
}

/** The camera's likely cause, as its sensor's state reads in the owner's language. */
export function causeText(hass, camera) {
  if (NO_STATE.has(camera.cause) || !camera.causeState) {
    return camera.causeState ? hass.formatEntityState(camera.causeState) : "";
  }
  return (
    hass.localize(`${TRANSLATIONS}.entity.sensor.likely_cause.state.${camera.cause}`) ||
    hass.formatEntityState(camera.causeState)
  );
}

/** A light, as the LED sensor's state reads in the owner's language. */
export function ledText(hass, state) {
  if (LED_STATES.includes(state)) {
    return hass.localize(`${TRANSLATIONS}.entity.sensor.led_state.state.${state}`);
  }
  return hass.localize(`state.default.${state}`) || state;
}

/** A fix's title, from its id. */
export function fixTitle(hass, fix) {
  return hass.localize(`${TRANSLATIONS}.selector.fix_title.options.${fix}`);
}
