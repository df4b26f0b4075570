// The battery forecast: "replace batteries around <day>" for each battery camera (from its
// `battery_replacement_due` sensor), and the cameras whose batteries are due within the owner's
// warning days (the account's `batteries_due_soon` sensor), soonest first, in words. Both are
// Blink Health's own records: they stay current, never greyed, while Blink cannot be reached. And
// the cold at a battery camera, which drains its cells sooner (Blink's reading: not in an outage).

import { css, html, nothing } from "lit";
import { LEARNING } from "./constants.js";
import { label, temperatureText } from "./texts.js";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
// A range is worth saying when it spans more than this many days (or more than the days left).
const WIDE_DAYS = 30;

// The forecast's styles (part of the card's styles): never greyed, in the warning colour when due;
// the cold below it, small and quiet.
export const FORECAST_STYLES = css`
  .forecast,
  .cold {
    display: flex;
    align-items: flex-start;
    gap: 4px;
    margin-top: 4px;
    font-size: 13px;
    line-height: 18px;
    font-weight: 400;
    color: var(--primary-text-color);
    overflow-wrap: anywhere;
  }
  .forecast ha-icon,
  .cold ha-icon {
    flex: none;
    --mdc-icon-size: 16px;
    color: var(--secondary-text-color);
  }
  .cold {
    margin-top: 2px;
    color: var(--secondary-text-color);
  }
  .row-head > .cold {
    grid-column: 2 / -1;
  }
  .forecast.due {
    font-weight: 500;
    color: var(--bh-warning-text);
  }
  .forecast.due ha-icon {
    color: var(--bh-warning);
  }
  .notice.due ha-icon {
    color: var(--bh-warning);
  }
`;

/** A YYYY-MM-DD day as a Date at midnight UTC (formatted in UTC, it stays that day). */
function day(iso) {
  return ISO_DAY.test(iso || "") ? new Date(`${iso}T00:00:00Z`) : undefined;
}

/** The owner's date format for days: "17 Feb 2028", "17.02.2028", "Feb 17, 2028". */
function dayFormat(hass) {
  const options = { dateStyle: "medium", timeZone: "UTC" };
  try {
    return new Intl.DateTimeFormat(hass.locale?.language || hass.language, options);
  } catch (_err) {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/** A day in the owner's language. */
export function formatDay(hass, iso) {
  const value = day(iso);
  return value ? dayFormat(hass).format(value) : "";
}

/** A camera's forecast from its sensor: the day, days left, range and basis; none without a day. */
export function forecastOf(hass, entities) {
  const forecast = entities.forecast && hass.states[entities.forecast];
  if (!forecast || !day(forecast.state)) {
    return undefined;
  }
  return {
    date: forecast.state,
    daysLeft: Number(forecast.attributes.days_left) || 0,
    earliest: forecast.attributes.earliest,
    latest: forecast.attributes.latest,
    basis: forecast.attributes.basis,
  };
}

/** Whether the range says more than the day: it spans over a month, or more than the days left. */
function wide(forecast) {
  const earliest = day(forecast.earliest);
  const latest = day(forecast.latest);
  if (!earliest || !latest) {
    return false;
  }
  const span = (latest - earliest) / DAY_MS;
  return span > WIDE_DAYS || (forecast.daysLeft > 0 && span > forecast.daysLeft);
}

/** "Replace batteries around 17 Feb 2028", with the range when it is wide, or "still learning". */
export function forecastText(hass, forecast) {
  const date = formatDay(hass, forecast.date);
  if (forecast.daysLeft <= 0) {
    return label(hass, "forecast_now", { date });
  }
  if (forecast.basis === LEARNING) {
    return label(hass, "forecast_learning", { date });
  }
  if (wide(forecast)) {
    const earliest = formatDay(hass, forecast.earliest);
    const latest = formatDay(hass, forecast.latest);
    return label(hass, "forecast_range", { date, earliest, latest });
  }
  return label(hass, "forecast", { date });
}

/** A camera's forecast line (nothing for a Mini, a wired camera, or a forecast without a day). */
export function forecastLine(hass, camera) {
  const forecast = camera.forecast;
  if (!forecast) {
    return nothing;
  }
  // A span: in a fine camera's line it sits inside the line's button.
  return html`<span class="forecast ${camera.due ? "due" : ""}" data-forecast=${forecast.date}>
    <ha-icon icon="mdi:battery-clock-outline"></ha-icon><span>${forecastText(hass, forecast)}</span>
  </span>`;
}

/**
 * The cold at a battery camera, where its verdict notes it: lithium cells give less in the cold,
 * so the light may flash for low batteries sooner. A note, never a fault (the cause is unchanged).
 */
export function coldHint(hass, camera) {
  return camera.cold === undefined
    ? nothing
    : html`<span class="cold" data-cold=${camera.cold}>
        <ha-icon icon="mdi:snowflake-thermometer"></ha-icon>
        <span>${label(hass, "cold", { temperature: temperatureText(hass, camera.cold) })}</span>
      </span>`;
}

/**
 * The cameras due within the warning days, from the `batteries_due_soon` sensors of the accounts
 * shown, soonest first; each tied to the card's camera by its device for the name the card shows.
 * With cameras configured, only theirs.
 */
export function batteriesDue(accounts, cameras, configured) {
  const due = accounts
    .flatMap((account) => account.batteriesDue)
    .filter((listed) => listed && day(listed.date))
    .map((listed) => ({
      name: listed.name,
      deviceId: listed.device_id,
      date: listed.date,
      daysLeft: Number(listed.days_left) || 0,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const list = [];
  for (const item of due) {
    const camera = cameras.find((candidate) => candidate.deviceId === item.deviceId);
    if (camera || !configured) {
      list.push({ ...item, name: camera?.name || item.name, camera });
    }
  }
  return list;
}

/** One due camera in words: "Patio today", "Driveway tomorrow", "Side Gate in 5 days (…)". */
function dueText(hass, item) {
  const camera = item.name;
  if (item.daysLeft <= 0) {
    return label(hass, "due_today", { camera });
  }
  if (item.daysLeft === 1) {
    return label(hass, "due_tomorrow", { camera });
  }
  return label(hass, "due_in_days", {
    camera,
    days: item.daysLeft,
    date: formatDay(hass, item.date),
  });
}

/** The summary's notice of batteries due soon, soonest first, joined as the language joins lists. */
export function dueNotice(hass, due) {
  if (!due.length) {
    return nothing;
  }
  const texts = due.map((item) => dueText(hass, item));
  let parts;
  try {
    parts = new Intl.ListFormat(hass.locale?.language || hass.language, {
      type: "conjunction",
    }).formatToParts(texts);
  } catch (_err) {
    parts = texts.flatMap((text, index) => [
      ...(index ? [{ type: "literal", value: ", " }] : []),
      { type: "element", value: text },
    ]);
  }
  let index = 0;
  const items = parts.map((part) => {
    if (part.type !== "element") {
      return part.value;
    }
    const item = due[index++];
    return html`<span data-due=${item.date} data-due-camera=${item.name}>${part.value}</span>`;
  });
  return html`<div class="notice due" data-batteries-due>
    <ha-icon icon="mdi:battery-alert-variant-outline"></ha-icon>
    <div><span class="notice-title">${label(hass, "batteries_due")}</span> ${items}</div>
  </div>`;
}
