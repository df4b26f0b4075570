// Unit tests of the card's modules that decide without a browser: which device a camera is and
// whose (devices.js), what its battery forecast says (forecast.js), the cold in the owner's unit
// (texts.js). scripts/test runs them on the host's Node (`node --test`, after scripts/build_card
// installed Lit); the browser check (scripts/develop --check) shows them in Home Assistant.

import assert from "node:assert/strict";
import { test } from "node:test";
import { accountOf, deviceName, modelOf, ownDevice } from "../src/devices.js";
import { batteriesDue, forecastOf, forecastText } from "../src/forecast.js";
import { temperatureText } from "../src/texts.js";

const accounts = new Map([["health", { entryId: "health" }]]);
const two = new Map([...accounts, ["other", { entryId: "other" }]]);
const onBlink = (name, extra = {}) => ({
  id: "d1",
  config_entry_id: "core",
  name,
  model: "owl",
  ...extra,
});
const own = { id: "d2", config_entry_id: "health", name: "blink Porch", model: "Blink Mini" };
// What blink_health/last_known says of a device: its name in Blink, its model name.
const known = { name: "Driveway", model: "Blink Outdoor" };

test("a camera on blink's device is named as in Blink, whatever blink named the device", () => {
  assert.equal(deviceName(onBlink("blink Driveway"), known), "Driveway");
  assert.equal(deviceName(onBlink("Driveway"), known), "Driveway");
  // A camera really named "blink Porch" in Blink keeps its name.
  assert.equal(deviceName(onBlink("blink blink Porch"), { name: "blink Porch" }), "blink Porch");
  // Before last_known answers (or without an answer): the device's name.
  assert.equal(deviceName(onBlink("blink Driveway"), undefined), "blink Driveway");
  assert.equal(deviceName({ id: "d9" }, undefined), "d9");
});

test("the owner's name comes first; Blink Health's own devices are shown as they are", () => {
  const named = onBlink("blink Driveway", { name_by_user: "blink Drive" });
  assert.equal(deviceName(named, known), "blink Drive");
  assert.equal(deviceName(own, undefined), "blink Porch");
});

test("the model: Blink Health's device's, else last_known's; never blink's raw type", () => {
  assert.equal(ownDevice(own, accounts), true);
  assert.equal(ownDevice(onBlink("Driveway"), accounts), false);
  assert.equal(modelOf(own, true, undefined), "Blink Mini");
  assert.equal(modelOf(onBlink("Driveway"), false, known), "Blink Outdoor");
  assert.equal(modelOf(onBlink("Driveway"), false, { name: "Driveway", model: null }), "");
  assert.equal(modelOf(onBlink("Driveway"), false, undefined), "");
});

test("a camera is tied to its entry: its device's, last_known's, or the one there is", () => {
  assert.equal(accountOf(onBlink("Driveway"), accounts, new Map())?.entryId, "health");
  assert.equal(accountOf(onBlink("Driveway"), two, new Map([["d1", "other"]]))?.entryId, "other");
  assert.equal(accountOf(onBlink("Driveway"), two, new Map()), undefined);
  assert.equal(accountOf(own, two, new Map([["d2", "other"]]))?.entryId, "health");
});

/** A hass whose localize answers the label's key and its placeholders. */
function fakeHass() {
  return {
    language: "en",
    locale: { language: "en" },
    states: {},
    localize: (key, values) => `${key.split(".").pop()} ${JSON.stringify(values || {})}`,
  };
}

function forecast(state, attributes) {
  const hass = fakeHass();
  hass.states["sensor.x_battery_replacement_due"] = { state, attributes };
  return [hass, forecastOf(hass, { forecast: "sensor.x_battery_replacement_due" })];
}

test("the forecast says the day, the range when wide, still learning, or now", () => {
  const base = { days_left: 438, earliest: "2027-02-22", latest: "2031-02-05", basis: "battery_level" };
  let [hass, due] = forecast("2028-02-17", base);
  assert.match(forecastText(hass, due), /^forecast_range .*"date":"Feb 17, 2028".*"earliest":"Feb 22, 2027"/);
  [hass, due] = forecast("2028-02-17", { ...base, basis: "learning" });
  assert.match(forecastText(hass, due), /^forecast_learning /);
  [hass, due] = forecast("2027-01-10", {
    days_left: 35, earliest: "2027-01-02", latest: "2027-01-20", basis: "usage",
  });
  assert.match(forecastText(hass, due), /^forecast \{"date":"Jan 10, 2027"\}/);
  // A range wider than the days left is said, however short.
  [hass, due] = forecast("2026-12-16", {
    days_left: 10, earliest: "2026-12-10", latest: "2026-12-30", basis: "usage",
  });
  assert.match(forecastText(hass, due), /^forecast_range /);
  [hass, due] = forecast("2026-12-06", { ...base, days_left: 0, basis: "batteries_low" });
  assert.match(forecastText(hass, due), /^forecast_now \{"date":"Dec 6, 2026"\}/);
  assert.equal(forecast("unknown", {})[1], undefined);
  assert.equal(forecastOf(fakeHass(), {}), undefined);
});

test("batteries due are tied to the card's cameras by device, soonest first", () => {
  const camera = (name, deviceId) => ({ name, deviceId });
  const cameras = [camera("Patio", "p"), camera("Back Yard", "b"), camera("Front", "f")];
  const due = [
    { name: "Front", device_id: "f", date: "2026-12-10", days_left: 4 },
    { name: "Patio in Blink", device_id: "p", date: "2026-12-06", days_left: 0 },
    { name: "Gone", device_id: "g", date: "2026-12-08", days_left: 2 },
  ];
  const all = batteriesDue([{ batteriesDue: due }], cameras, false);
  assert.deepEqual(
    all.map((item) => [item.name, item.date, item.daysLeft, item.camera?.deviceId]),
    [
      ["Patio", "2026-12-06", 0, "p"],
      ["Gone", "2026-12-08", 2, undefined],
      ["Front", "2026-12-10", 4, "f"],
    ],
  );
  // A card of some cameras lists only theirs.
  assert.deepEqual(
    batteriesDue([{ batteriesDue: due }], cameras.slice(0, 1), true).map((item) => item.name),
    ["Patio"],
  );
});

test("the cold is said in the owner's unit system", () => {
  const hass = (temperature) => ({ language: "en", config: { unit_system: { temperature } } });
  assert.equal(temperatureText(hass("°C"), -5), "-5 °C");
  assert.equal(temperatureText(hass("°F"), -5), "23 °F");
  assert.equal(temperatureText({ language: "en" }, 0), "0 °C");
});
