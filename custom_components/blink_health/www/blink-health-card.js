// The Blink Health card (custom:blink-health-card): every Blink camera's status light drawn the way
// the camera most likely shows it, the likely cause, the first fix, and what to do from here.
//
// Plain ES modules: no build step, no library, no request outside Home Assistant. Blink Health
// serves this folder under a path carrying a hash of all its files and adds this module (the
// entry) to every frontend when it loads, so owners install nothing and the relative imports below
// always load the modules of the same version. Cameras are found through the entity and device
// registries, never by entity id; every text comes from Blink Health's translations or Home
// Assistant's own.
//
//   constants.js     what the card knows of Blink Health (lights, causes, entities)
//   texts.js         the owner's words: labels, causes, lights, fixes; HTML escaping
//   cameras.js       the cameras, from the registries, in the order they are listed
//   led.js           the status light: the camera drawing and its animations
//   styles.js        the card's styles (theme, phone and wide screen)
//   explain.js       "what do I see?" and Blink Health's explain_led answer
//   camera-views.js  a camera's tile or line, and its actions
//   card-element.js  the <blink-health-card> element
//   app.js           Home Assistant's app: its state, navigation, element registry

import { appHass, appRegistryReady } from "./app.js";
import { BlinkHealthCard } from "./card-element.js";
import { CARD_TYPE, DOMAIN } from "./constants.js";
import { label } from "./texts.js";

// The card picker's entry. Its description is read when the picker opens, in the owner's language.
const pickerEntry = {
  type: CARD_TYPE,
  name: "Blink Health",
  preview: true,
  documentationURL: "https://github.com/blink-health/blink-health#dashboard-card",
  get description() {
    const hass = appHass();
    return hass ? label(hass, "description") : "";
  },
};

/** Load the card's labels as soon as the app is connected, so the picker can show them. */
function preloadLabels(attempt = 0) {
  const hass = appHass();
  if (hass?.loadBackendTranslation) {
    hass.loadBackendTranslation("selector", DOMAIN).catch(() => {});
  } else if (attempt < 60) {
    setTimeout(() => preloadLabels(attempt + 1), 1000);
  }
}

appRegistryReady().then(() => {
  if (window.customElements.get(CARD_TYPE)) {
    return;
  }
  window.customElements.define(CARD_TYPE, BlinkHealthCard);
  window.customCards = window.customCards || [];
  window.customCards.push(pickerEntry);
  preloadLabels();
});
