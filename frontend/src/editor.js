// The card's configuration and its visual editor: Home Assistant's form editor (getConfigForm)
// with a picker of Blink Health's cameras, the title and whether cameras that need nothing show.
// Owners' YAML may name cameras or give device ids; the picker writes device ids.

import { DEVICE_ID, DOMAIN, TRANSLATIONS } from "./constants.js";

// The camera picker: Blink Health's devices that have a Problem sensor, which every camera, Mini
// and doorbell has and Sync Modules and the account device do not (as explain_led's picker).
const SCHEMA = [
  {
    name: "cameras",
    selector: {
      device: {
        multiple: true,
        filter: [{ integration: DOMAIN }],
        entity: [{ integration: DOMAIN, domain: "binary_sensor", device_class: "problem" }],
      },
    },
  },
  { name: "title", selector: { text: {} } },
  // The switch shows the default (on) while the setting is absent.
  { name: "show_healthy", default: true, selector: { boolean: {} } },
];

/** Whether a configuration is one the card can show. */
export function validConfig(config) {
  return (
    Boolean(config) &&
    typeof config === "object" &&
    (config.cameras === undefined ||
      (Array.isArray(config.cameras) && config.cameras.every((value) => typeof value === "string"))) &&
    (config.title === undefined || typeof config.title === "string") &&
    (config.show_healthy === undefined || typeof config.show_healthy === "boolean")
  );
}

/** The form editor's description of the card's settings, labelled in the owner's language. */
export function configForm() {
  const text = (localize, key) => localize(`${TRANSLATIONS}.selector.card.options.${key}`);
  return {
    schema: SCHEMA,
    computeLabel: (schema, localize) => text(localize, `editor_${schema.name}`) || undefined,
    computeHelper: (schema, localize) =>
      schema.name === "cameras" ? text(localize, "editor_cameras_helper") || undefined : undefined,
    assertConfig: (config) => {
      // Camera names from YAML would show as unknown devices in the picker: the owner keeps
      // them by editing in YAML (Home Assistant offers it when this throws).
      if (config.cameras?.some((value) => !DEVICE_ID.test(value))) {
        throw new Error(config.cameras.filter((value) => !DEVICE_ID.test(value)).join(", "));
      }
    },
  };
}

/** The configuration the card picker starts from: every camera, the fine ones in one line each. */
export function stubConfig() {
  return { show_healthy: true };
}
