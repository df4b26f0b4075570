// The Blink Health card (custom:blink-health-card): every Blink camera's status light drawn the way
// the camera most likely shows it, the likely cause, the first fix, when its batteries need
// replacing, and what to do from here; a Sync Module's local storage that stopped; when Blink
// cannot be reached, why and since when, with each camera's last known verdict greyed.
//
// Written on Lit and bundled with it (scripts/build_card) into one module that Blink Health serves
// and adds to every frontend: owners install nothing and the browser requests nothing outside
// Home Assistant. Cameras are found through the entity and device registries, never by entity id;
// every text comes from Blink Health's translations or Home Assistant's own.
//
//   constants.js     what the card knows of Blink Health (lights, causes, entities)
//   texts.js         the owner's words: labels, causes, lights, connection states, times
//   cameras.js       the cameras from the registries, their verdicts or last known ones, in order
//   devices.js       whose device a camera is (Blink Health's or `blink`'s): entry, name, model
//   forecast.js      the battery forecast of each camera, and the batteries due soon
//   storage.js       a Sync Module's local storage that worked and stopped, with its repair
//   led.js           the status light: the camera drawing and its animations
//   summary.js       the first lines: a summary true in every state, the outage's details
//   camera-views.js  a camera's tile or line, and its actions
//   explain.js       "what do I see?" and Blink Health's explain_led answer
//   editor.js        the configuration and the visual editor's form
//   styles.js        the card's styles (theme, phone and wide screen, contrast)
//   card.js          the <blink-health-card> element
//   app.js           Home Assistant's app: its element registry, opening a repair

import { appRegistryReady } from "./app.js";
import { BlinkHealthCard } from "./card.js";
import { CARD_TYPE, DOCUMENTATION } from "./constants.js";

appRegistryReady().then(() => {
  if (window.customElements.get(CARD_TYPE)) {
    return;
  }
  window.customElements.define(CARD_TYPE, BlinkHealthCard);
  window.customCards = window.customCards || [];
  // The card picker reads this entry without handing it hass, so its description cannot follow
  // the owner's language: it stays in English, and the card's preview beside it is translated.
  window.customCards.push({
    type: CARD_TYPE,
    name: "Blink Health",
    description: "Every Blink camera's status light, what it most likely means, and what to do about it.",
    preview: true,
    documentationURL: DOCUMENTATION,
  });
});
