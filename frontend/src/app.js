// Home Assistant's app around the card: when its custom element registry is ready for the card to
// be defined, and how the card opens one camera's repair.

/**
 * Resolve once Home Assistant's app has set up its custom element registry. The app replaces
 * window.customElements with a scoped-registry polyfill, which forgets elements defined before
 * it; the card's module is loaded alongside the app, so it may run first and must wait.
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

/** Go to a page of Home Assistant's frontend without reloading it (as its own links do). */
function navigate(path) {
  history.pushState(null, "", path);
  window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace: false } }));
}

// How long the repairs page may take to list the issue before the owner is left on the list.
const REPAIR_LIST_TIMEOUT_MS = 10_000;

/**
 * Open one repair's own dialog (its fix flow). Home Assistant's frontend has no address or event
 * that opens a given repair: its repairs page accepts no issue parameter, and the fix flow dialog
 * needs the frontend's internal flow configuration. So the card goes to the repairs page and
 * selects the issue there, as the owner would: the page's own entry for it opens its dialog.
 * Should the page never list it (a frontend that renders it otherwise), the owner is on the
 * repairs page, one click away.
 */
export function openRepair(issue) {
  navigate("/config/repairs");
  const deadline = Date.now() + REPAIR_LIST_TIMEOUT_MS;
  const select = () => {
    if (location.pathname !== "/config/repairs") {
      return; // the owner went elsewhere
    }
    const entry = findIssueEntry(document, issue);
    if (entry) {
      entry.click();
    } else if (Date.now() < deadline) {
      setTimeout(select, 100);
    }
  };
  select();
}

/** The repairs page's entry for the issue: the element its list hands the issue to. */
function findIssueEntry(root, issue) {
  const roots = [root];
  while (roots.length) {
    for (const element of roots.pop().querySelectorAll("*")) {
      if (element.issue?.issue_id === issue.issue_id && element.issue.domain === issue.domain) {
        return element;
      }
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
      }
    }
  }
  return undefined;
}
