// Home Assistant's app around the card: its state, its navigation, and when its custom element
// registry is ready for the card to be defined.

/** Home Assistant's frontend state, where the app has it (the card picker reads it too). */
export function appHass() {
  return document.querySelector("home-assistant")?.hass;
}

/** Go to a page of Home Assistant's frontend without reloading it. */
export function navigate(path) {
  history.pushState(null, "", path);
  window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace: false } }));
}

/**
 * Resolve once Home Assistant's app has set up its custom element registry. The app replaces
 * window.customElements with a scoped-registry polyfill, which forgets elements defined before
 * it; the card's modules are loaded alongside the app, so they may run first and must wait.
 */
export function appRegistryReady() {
  if (window.customElements.get("home-assistant")) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    window.customElements.whenDefined("home-assistant").then(resolve);
    // A page without Home Assistant's app (not expected): define once the document is parsed.
    const noApp = () => {
      if (!document.querySelector("home-assistant")) {
        resolve();
      }
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", noApp, { once: true });
    } else {
      noApp();
    }
  });
}
