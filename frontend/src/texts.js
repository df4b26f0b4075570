// The card's words: every text it shows is Blink Health's translation (or Home Assistant's own) in
// the owner's language. Lit escapes whatever a template interpolates, so nothing here escapes.

import { LED_STATES, NO_STATE, TRANSLATIONS } from "./constants.js";

/** Return the card's own label in the owner's language (Blink Health's "card" translations). */
export function label(hass, key, placeholders) {
  return hass.localize(`${TRANSLATIONS}.selector.card.options.${key}`, placeholders) || "";
}

/** A likely cause, as its sensor's state reads in the owner's language. */
export function causeName(hass, cause) {
  return hass.localize(`${TRANSLATIONS}.entity.sensor.likely_cause.state.${cause}`) || cause;
}

/** What the card says a camera's cause is: its cause, or that there is no current data. */
export function causeText(hass, camera) {
  if (camera.unknown) {
    return label(hass, "no_data");
  }
  return causeName(hass, camera.cause);
}

/** A light, as the LED sensor's state reads in the owner's language. */
export function ledText(hass, state) {
  if (LED_STATES.includes(state)) {
    return hass.localize(`${TRANSLATIONS}.entity.sensor.led_state.state.${state}`);
  }
  return hass.localize(`state.default.${NO_STATE.has(state) ? state : "unknown"}`) || "";
}

/** The account's connection state in words: why Blink cannot be reached. */
export function connectionText(hass, state) {
  return hass.localize(`${TRANSLATIONS}.entity.sensor.connection.state.${state}`) || state;
}

/** A fix's title, from its id. */
export function fixTitle(hass, fix) {
  return hass.localize(`${TRANSLATIONS}.selector.fix_title.options.${fix}`);
}

/** A camera's model and light, as the line under its name shows them. */
export function metaText(hass, camera) {
  return [camera.model, camera.unknown ? "" : ledText(hass, camera.led)].filter(Boolean).join(" · ");
}

/**
 * A time in the owner's language and time zone (their profile's choice: the browser's or the
 * server's), with the date only when it is not today.
 */
export function formatTime(hass, iso) {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    return "";
  }
  const locale = hass.locale || {};
  const timeZone =
    locale.time_zone === "server" && hass.config?.time_zone ? hass.config.time_zone : undefined;
  const hour12 = { 12: true, 24: false }[locale.time_format];
  const day = (value) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(value);
  const today = day(date) === day(new Date());
  const options = today
    ? { timeZone, hour: "numeric", minute: "2-digit", hour12 }
    : { timeZone, dateStyle: "medium", timeStyle: "short", hour12 };
  try {
    return new Intl.DateTimeFormat(locale.language || hass.language, options).format(date);
  } catch (_err) {
    return date.toLocaleString();
  }
}

/** A temperature Blink Health gives in °C, in the owner's unit system: "-5 °C", "23 °F". */
export function temperatureText(hass, celsius) {
  const unit = hass.config?.unit_system?.temperature || "°C";
  const value = unit === "°F" ? (celsius * 9) / 5 + 32 : celsius;
  let number;
  try {
    number = new Intl.NumberFormat(hass.locale?.language || hass.language, {
      maximumFractionDigits: 0,
    }).format(value);
  } catch (_err) {
    number = String(Math.round(value));
  }
  return `${number} ${unit}`;
}
