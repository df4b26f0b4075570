// The card's element, <blink-health-card>: its configuration, the hass object Home Assistant
// hands it, Blink Health's repairs it follows, what it renders and what its buttons do.

import { appHass, navigate } from "./app.js";
import { row, tile } from "./camera-views.js";
import { findCameras } from "./cameras.js";
import { CARD_TYPE, DOMAIN } from "./constants.js";
import { explainLed } from "./explain.js";
import { STYLES } from "./styles.js";
import { esc, label } from "./texts.js";

export class BlinkHealthCard extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this._config = {};
    this._hass = undefined;
    this._language = undefined;
    this._loaded = false;
    this._issues = [];
    this._unsubscribe = undefined;
    this._signature = "";
    this._ui = {
      expanded: new Set(), // healthy rows opened by the owner
      explain: undefined, // { deviceId, observed, busy, result, error }
      confirm: undefined, // device id whose battery change waits for confirmation
      recorded: new Set(), // device ids whose battery change was just recorded
    };
    this.shadowRoot.addEventListener("click", (event) => this._onClick(event));
  }

  /** The stub the card picker starts from: every camera of every Blink Health entry. */
  static getStubConfig() {
    return { show_healthy: true };
  }

  setConfig(config) {
    if (!config || typeof config !== "object" ||
        (config.cameras !== undefined && !Array.isArray(config.cameras))) {
      const hass = appHass();
      throw new Error((hass && label(hass, "invalid_config")) || CARD_TYPE);
    }
    this._config = { show_healthy: true, ...config };
    this._signature = "";
    this._render();
  }

  set hass(hass) {
    const first = this._hass === undefined;
    this._hass = hass;
    if (hass.language !== this._language) {
      this._language = hass.language;
      this._loaded = false;
      this._loadTranslations(hass);
    }
    if (first && this.isConnected) {
      this._subscribe();
    }
    this._render();
  }

  get hass() {
    return this._hass;
  }

  connectedCallback() {
    if (this._hass) {
      this._subscribe();
    }
    this._signature = "";
    this._render();
  }

  disconnectedCallback() {
    this._unsubscribeIssues();
  }

  getCardSize() {
    const cameras = this._hass ? this._cameras().length : 1;
    return 1 + Math.ceil(cameras / 2) * 2;
  }

  getGridOptions() {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  /** Load Blink Health's entity names and states and the card's labels for the language. */
  async _loadTranslations(hass) {
    const language = hass.language;
    try {
      await hass.loadBackendTranslation("entity", DOMAIN);
      await hass.loadBackendTranslation("selector", DOMAIN);
    } finally {
      if (language === this._language) {
        this._loaded = true;
        this._signature = "";
        this._render();
      }
    }
  }

  /** Follow Blink Health's repairs (admins only: only they can open them). */
  async _subscribe() {
    const hass = this._hass;
    if (!hass?.user?.is_admin || this._unsubscribe) {
      return;
    }
    this._unsubscribe = "pending";
    try {
      const unsubscribe = await hass.connection.subscribeEvents(
        () => this._loadIssues(),
        "repairs_issue_registry_updated",
      );
      if (this._unsubscribe === "pending") {
        this._unsubscribe = unsubscribe;
      } else {
        unsubscribe();
      }
    } catch (_err) {
      this._unsubscribe = undefined;
    }
    await this._loadIssues();
  }

  _unsubscribeIssues() {
    if (typeof this._unsubscribe === "function") {
      this._unsubscribe();
    }
    this._unsubscribe = undefined;
  }

  async _loadIssues() {
    try {
      const { issues } = await this._hass.callWS({ type: "repairs/list_issues" });
      this._issues = issues.filter((issue) => issue.domain === DOMAIN && !issue.ignored);
    } catch (_err) {
      this._issues = [];
    }
    this._render();
  }

  /** Every Blink Health camera (or the configured ones), with what the card shows of it. */
  _cameras() {
    return findCameras(this._hass, this._config, this._issues);
  }

  _render() {
    const hass = this._hass;
    if (!hass || !this._loaded) {
      return;
    }
    const cameras = this._cameras();
    const signature = JSON.stringify([
      hass.language,
      this._config,
      hass.user?.is_admin,
      cameras.map((c) => [c.deviceId, c.name, c.device.model, c.cause, c.led, c.fixes, c.attention,
        c.entities.batteriesButton, c.issue?.issue_id]),
      [...this._ui.expanded],
      this._ui.explain,
      this._ui.confirm,
      [...this._ui.recorded],
    ]);
    if (signature === this._signature) {
      return;
    }
    this._signature = signature;
    const attention = cameras.filter((camera) => camera.attention);
    const fine = cameras.filter((camera) => !camera.attention);
    let summary;
    if (!cameras.length) {
      summary = label(hass, "no_cameras");
    } else if (attention.length) {
      summary = label(hass, "attention", { count: attention.length, total: cameras.length });
    } else {
      summary = label(hass, "all_fine");
    }
    const title = this._config.title
      ? `<h2 class="title">${esc(this._config.title)}</h2>`
      : "";
    const tiles = attention.length
      ? `<div class="grid">${attention.map((camera) => tile(hass, this._ui, camera)).join("")}</div>`
      : "";
    const rows =
      fine.length && this._config.show_healthy !== false
        ? `<div class="fine">${fine.map((camera) => row(hass, this._ui, camera)).join("")}</div>`
        : "";
    this.shadowRoot.innerHTML = `<style>${STYLES}</style>
      <ha-card>${title}
        <p class="summary${attention.length ? " attention" : ""}" data-summary>
          <span class="mark"></span><span>${esc(summary)}</span></p>
        ${tiles}${rows}
      </ha-card>`;
  }

  _onClick(event) {
    const target = event.target.closest("[data-action]");
    if (!target) {
      return;
    }
    const deviceId = target.dataset.device;
    const camera = this._cameras().find((c) => c.deviceId === deviceId);
    if (!camera) {
      return;
    }
    const ui = this._ui;
    switch (target.dataset.action) {
      case "toggle":
        if (ui.expanded.has(deviceId)) {
          ui.expanded.delete(deviceId);
        } else {
          ui.expanded.add(deviceId);
        }
        break;
      case "batteries":
        ui.confirm = deviceId;
        ui.recorded.delete(deviceId);
        break;
      case "batteries-cancel":
        ui.confirm = undefined;
        break;
      case "batteries-confirm":
        ui.confirm = undefined;
        this._pressBatteries(camera);
        break;
      case "repair":
        navigate("/config/repairs");
        return;
      case "explain":
        ui.explain = ui.explain?.deviceId === deviceId ? undefined : { deviceId };
        break;
      case "explain-close":
        ui.explain = undefined;
        break;
      case "observe":
        this._explain(camera, target.dataset.observed);
        return;
      default:
        return;
    }
    this._render();
  }

  async _pressBatteries(camera) {
    await this._hass.callService("button", "press", {}, { entity_id: camera.entities.batteriesButton });
    this._ui.recorded.add(camera.deviceId);
    this._render();
  }

  /** Ask Blink Health's explain_led action what could make the camera's light do this. */
  async _explain(camera, observed) {
    const deviceId = camera.deviceId;
    this._ui.explain = { deviceId, observed, busy: true };
    this._render();
    const next = await explainLed(this._hass, deviceId, observed);
    if (this._ui.explain?.deviceId === deviceId && this._ui.explain.observed === observed) {
      this._ui.explain = next;
      this._render();
    }
  }
}
