// What the card knows of Blink Health: its lights, causes and entities. tests/test_card.py keeps
// each list in step with the integration's Python.

export const DOMAIN = "blink_health";
export const CARD_TYPE = "blink-health-card";
export const TRANSLATIONS = `component.${DOMAIN}`;
export const DOCUMENTATION = "https://github.com/blink-health/blink-health#dashboard-card";

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
// The LED doctor's precedence, highest first (the order of its rules): cameras of the same
// severity are listed in this order.
export const CAUSE_ORDER = [
  "setup_incomplete",
  "sync_module_offline",
  "low_battery",
  "wifi_disconnected",
  "wrong_battery_type",
  "continuous_recording",
  "recording",
  "hardware_fault",
  "weak_wifi",
  "ok",
];
// Causes new batteries can fix: only these offer "Batteries replaced" as their main action.
export const BATTERY_CAUSES = new Set(["low_battery", "wrong_battery_type"]);
// The likely cause sensor's `severity`: an error (the camera cannot record) before a warning.
export const SEVERITY_ORDER = ["error", "warning"];
// Which of Blink Health's entities the card reads, by "<entity domain>.<translation key>".
export const ROLES = {
  "sensor.likely_cause": "cause",
  "sensor.led_state": "led",
  "binary_sensor.problem": "problem",
  "button.batteries_replaced": "batteriesButton",
  "sensor.battery_replacement_due": "forecast",
  "sensor.connection": "connection",
  "sensor.batteries_due_soon": "dueSoon",
  "sensor.local_storage": "storage",
};
// A weak signal's first fix names the link that is weak: Wi-Fi, the Sync Module's, or both.
export const WEAK_SIGNAL = "weak_wifi";
export const WEAK_LINKS = {
  improve_wifi_signal: "wifi",
  move_sync_module: "sync_module",
  move_camera: "both",
};
// The likely cause's evidence of cold at a battery camera (`cold_temperature_c=-5`, in °C).
export const COLD_FACT = "cold_temperature_c";
// A Sync Module's local storage states that, once it has worked, mean it stopped (its repair's).
export const STORAGE_STOPPED = ["no_drive", "full", "not_compatible", "not_set_up"];
// A stopped local storage's repair: its issue id is this, "_", the Sync Module's device id.
export const STORAGE_ISSUE = "local_storage";
// The battery forecast's basis while it has too few usage readings to go by.
export const LEARNING = "learning";
// The account's connection sensor when Blink answered the last poll.
export const CONNECTED = "connected";
export const NO_STATE = new Set(["unknown", "unavailable"]);
// A device registry id (what the editor writes); anything else in `cameras` is a camera name.
export const DEVICE_ID = /^[0-9a-f]{32}$/;
