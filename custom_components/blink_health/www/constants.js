// What the Blink Health card knows of the integration: its domain, its lights, its causes and
// which of a camera's entities it reads. Kept in step with the integration by tests/test_card.py.

export const DOMAIN = "blink_health";
export const CARD_TYPE = "blink-health-card";
export const TRANSLATIONS = `component.${DOMAIN}`;

// The lights Blink Health knows, in the order the "what do I see?" picker offers them.
export const LED_STATES = [
  "solid_green",
  "blinking_blue",
  "blinking_red",
  "red_six_flashes",
  "red_while_recording",
  "solid_red",
  "off",
];
// Causes that need nothing from the owner (everything else does: the problem sensor is on).
export const FINE_CAUSES = new Set(["ok", "recording"]);
// The camera cannot record at all: shown as an error (as its repair is), the rest as a warning.
export const ERROR_CAUSES = new Set([
  "wifi_disconnected",
  "sync_module_offline",
  "setup_incomplete",
  "hardware_fault",
]);
// The LED doctor's precedence, highest first: the order cameras needing attention are listed in.
export const CAUSE_ORDER = [
  "setup_incomplete",
  "sync_module_offline",
  "wifi_disconnected",
  "wrong_battery_type",
  "low_battery",
  "continuous_recording",
  "recording",
  "hardware_fault",
  "weak_wifi",
  "ok",
];
// Which of a camera's entities the card reads, by "<entity domain>.<translation key>".
export const ROLES = {
  "sensor.likely_cause": "cause",
  "sensor.led_state": "led",
  "binary_sensor.problem": "problem",
  "button.batteries_replaced": "batteriesButton",
};
export const NO_STATE = new Set(["unknown", "unavailable"]);
