// Unit tests of the card's modules that decide without a browser: which device a camera is and
// whose (devices.js), and what its battery forecast says (forecast.js). scripts/test runs them
// on the host's Node (`node --test`, after scripts/build_card installed Lit); the browser check
// (scripts/develop --check) shows them in Home Assistant.

import assert from "node:assert/strict";
import { test } from "node:test";
import { accountOf, cameraName, modelOf, ownDevice } from "../src/devices.js";
import { batteriesDue, forecastOf, forecastText } from "../src/forecast.js";

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

test("a camera on blink's device is named without blink's prefix", () => {
  assert.equal(cameraName(onBlink("blink Driveway"), false, "sensor.driveway_likely_cause"), "Driveway");
  assert.equal(cameraName(onBlink("Driveway"), false, "sensor.driveway_likely_cause"), "Driveway");
  // An entity the owner renamed: the prefix is still blink's.
  assert.equal(cameraName(onBlink("blink Driveway"), false, "sensor.front_likely_cause"), "Driveway");
  // A camera really named "blink Porch": its entity ids carry the name.
  assert.equal(cameraName(onBlink("blink Porch"), false, "sensor.blink_porch_likely_cause"), "blink Porch");
  assert.equal(
    cameraName(onBlink("blink blink Porch"), false, "sensor.blink_porch_likely_cause"),
    "blink Porch",
  );
  assert.equal(
    cameraName(onBlink("blink Caf\u00e9", {}), false, "sensor.cafe_likely_cause"),
    "Caf\u00e9",
  );
});

test("the owner's name and Blink Health's own devices are shown as they are", () => {
  const named = onBlink("blink Driveway", { name_by_user: "blink Drive" });
  assert.equal(cameraName(named, false, "sensor.x_likely_cause"), "blink Drive");
  assert.equal(cameraName(own, ownDevice(own, accounts), "sensor.blink_porch_likely_cause"), "blink Porch");
});

test("only Blink Health's own device shows its model; blink's carries a raw type", () => {
  assert.equal(ownDevice(own, accounts), true);
  assert.equal(ownDevice(onBlink("Driveway"), accounts), false);
  assert.equal(modelOf(own, true), "Blink Mini");
  assert.equal(modelOf(onBlink("Driveway"), false), "");
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

test("batteries due are tied to the card's cameras, soonest first", () => {
  const camera = (name, date) => ({ name, names: new Set([name]), forecast: date && { date } });
  const cameras = [
    camera("Patio", "2026-12-06"),
    camera("Back Yard", "2026-12-10"),
    camera("Front", "2026-12-10"),
    camera("Kitchen"),
  ];
  const due = [
    { name: "Front", date: "2026-12-10", days_left: 4 },
    { name: "blink Patio", date: "2026-12-06", days_left: 0 },
    { name: "Gone", date: "2026-12-08", days_left: 2 },
  ];
  const all = batteriesDue([{ batteriesDue: due }], cameras, false);
  assert.deepEqual(
    all.map((item) => [item.name, item.date, item.daysLeft, Boolean(item.camera)]),
    [
      ["Patio", "2026-12-06", 0, true],
      ["Gone", "2026-12-08", 2, false],
      ["Front", "2026-12-10", 4, true],
    ],
  );
  // A card of some cameras lists only theirs.
  assert.deepEqual(
    batteriesDue([{ batteriesDue: due }], cameras.slice(0, 1), true).map((item) => item.name),
    ["Patio"],
  );
});
