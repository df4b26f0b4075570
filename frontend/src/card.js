// The card's element, <blink-health-card>: its configuration, the hass object Home Assistant hands
// it, the repairs and last known verdicts it asks for, and what it renders. Lit updates the DOM in
// place, so a new hass (every state change) keeps the owner's focus and whatever they opened.

import { html, LitElement, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { openRepair } from "./app.js";
import { row, tile } from "./camera-views.js";
import { cardModel, lastKnownNeeds } from "./cameras.js";
import { CARD_TYPE, DOMAIN, LED_STATES } from "./constants.js";
import { configForm, stubConfig, validConfig } from "./editor.js";
import { explainLed } from "./explain.js";
import { summary } from "./summary.js";
import { STYLES } from "./styles.js";
import { label } from "./texts.js";

// What blink_health/last_known said: no verdict, entry or device known yet.
const NOTHING_KNOWN = { verdicts: new Map(), entries: new Map(), devices: new Map() };

/** What last_known said, by device id: each camera's verdict, each device's entry and names. */
function knownFrom(entries) {
  const devices = entries.flatMap((entry) =>
    [...entry.cameras, ...entry.sync_modules].map((device) => [device, entry.entry_id]),
  );
  return {
    verdicts: new Map(entries.flatMap((entry) => entry.cameras).map((camera) => [camera.device_id, camera])),
    entries: new Map(devices.map(([device, entryId]) => [device.device_id, entryId])),
    devices: new Map(devices.map(([device]) => [device.device_id, device])),
  };
}

export class BlinkHealthCard extends LitElement {
  static properties = {
    hass: { attribute: false },
    _config: { state: true },
    _loadedLanguage: { state: true },
    _issues: { state: true },
    _lastKnown: { state: true },
    _namesKnown: { state: true },
    _expanded: { state: true },
    _explain: { state: true },
    _confirm: { state: true },
    _recorded: { state: true },
  };

  static styles = STYLES;

  /** Home Assistant's form editor: the camera picker, the title and whether fine cameras show. */
  static getConfigForm() {
    return configForm();
  }

  /** The configuration the card picker starts from: every camera of every Blink Health entry. */
  static getStubConfig() {
    return stubConfig();
  }

  constructor() {
    super();
    this._config = { show_healthy: true };
    this._loading = undefined; // the language whose translations were asked for
    this._issues = [];
    this._lastKnown = NOTHING_KNOWN;
    this._lastKnownFor = undefined; // what last_known was asked for (none yet)
    this._namesKnown = false; // whether last_known answered for the devices that are `blink`'s
    this._expanded = new Set(); // fine rows the owner opened
    this._explain = undefined; // { deviceId, observed, busy, result, error }
    this._confirm = undefined; // the device whose battery change waits for confirmation
    this._recorded = new Set(); // devices whose battery change was just recorded
    this._unsubscribe = undefined;
    this._actions = this._handlers();
  }

  setConfig(config) {
    if (!validConfig(config)) {
      throw new Error((this.hass && label(this.hass, "invalid_config")) || CARD_TYPE);
    }
    this._config = { show_healthy: true, ...config };
  }

  getCardSize() {
    const cameras = this.hass ? this._model().cameras.length : 1;
    return 1 + Math.ceil(cameras / 2) * 2;
  }

  getGridOptions() {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  connectedCallback() {
    super.connectedCallback();
    this._subscribeRepairs();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._unsubscribe?.then((unsubscribe) => unsubscribe?.());
    this._unsubscribe = undefined;
  }

  willUpdate(changed) {
    if (!changed.has("hass") || !this.hass) {
      return;
    }
    const language = this.hass.language;
    if (this._loading !== language) {
      this._loading = language;
      Promise.allSettled([
        this.hass.loadBackendTranslation("entity", DOMAIN),
        this.hass.loadBackendTranslation("selector", DOMAIN),
      ]).then(() => {
        this._loadedLanguage = language;
      });
    }
    if (!changed.get("hass")) {
      this._subscribeRepairs();
    }
    this._followLastKnown();
  }

  /** Every camera (or the configured ones) with its verdict, names matching none, outages. */
  _model() {
    return cardModel(this.hass, this._config, this._issues, this._lastKnown);
  }

  render() {
    const hass = this.hass;
    // Until last_known names the devices that are `blink`'s, they would show `blink`'s names.
    if (!hass || this._loadedLanguage !== hass.language || !this._namesKnown) {
      return nothing;
    }
    const model = this._model();
    const attention = model.cameras.filter((camera) => camera.attention);
    const others = model.cameras.filter(
      (camera) =>
        !camera.attention && (this._config.show_healthy !== false || camera.unknown || camera.asOf),
    );
    const key = (camera) => camera.deviceId;
    const ui = {
      expanded: this._expanded,
      explain: this._explain,
      confirm: this._confirm,
      recorded: this._recorded,
      ...this._actions,
    };
    return html`<ha-card>
      ${this._config.title ? html`<h2 class="title">${this._config.title}</h2>` : nothing}
      ${summary(hass, model, this._actions.openIssue)}
      ${attention.length
        ? html`<div class="grid">
            ${repeat(attention, key, (camera) => tile(hass, ui, camera))}
          </div>`
        : nothing}
      ${others.length
        ? html`<div class="fine">${repeat(others, key, (camera) => row(hass, ui, camera))}</div>`
        : nothing}
    </ha-card>`;
  }

  /** Follow Blink Health's repairs (admins only: only they can open one). */
  _subscribeRepairs() {
    const hass = this.hass;
    if (!hass?.user?.is_admin || !this.isConnected || this._unsubscribe) {
      return;
    }
    this._unsubscribe = hass.connection
      .subscribeEvents(() => this._loadIssues(), "repairs_issue_registry_updated")
      .catch(() => undefined);
    this._loadIssues();
  }

  async _loadIssues() {
    try {
      const { issues } = await this.hass.callWS({ type: "repairs/list_issues" });
      this._issues = issues.filter((issue) => issue.domain === DOMAIN && !issue.ignored);
    } catch (_err) {
      this._issues = [];
    }
  }

  /**
   * Ask Blink Health for the last known verdicts whenever the set of cameras without current data
   * (or an account's connection) changes: while Blink cannot be reached the card shows those. It
   * also gives the name in Blink, the model and the entry of each device that is `blink`'s, which
   * that device does not tell: asked again when those devices change.
   */
  _followLastKnown() {
    const { missing, foreign } = lastKnownNeeds(this.hass);
    const connection = this._model().outages.map((outage) => `${outage.state}@${outage.since}`);
    const key =
      missing.length || foreign.length
        ? JSON.stringify([missing, missing.length ? connection : [], foreign])
        : "";
    if (key === this._lastKnownFor) {
      return;
    }
    this._lastKnownFor = key;
    if (!key) {
      this._lastKnown = NOTHING_KNOWN;
      this._namesKnown = true;
      return;
    }
    if (!foreign.length) {
      this._namesKnown = true;
    }
    this.hass
      .callWS({ type: `${DOMAIN}/last_known` })
      .then(({ entries }) => {
        if (this._lastKnownFor === key) {
          this._lastKnown = knownFrom(entries);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        this._namesKnown = true;
      });
  }

  /** What the camera views call: the owner's clicks. */
  _handlers() {
    return {
      toggle: (camera) => {
        const expanded = new Set(this._expanded);
        if (!expanded.delete(camera.deviceId)) {
          expanded.add(camera.deviceId);
        }
        this._expanded = expanded;
      },
      batteries: (camera) => {
        this._confirm = camera.deviceId;
        this._recorded = new Set([...this._recorded].filter((id) => id !== camera.deviceId));
      },
      cancelBatteries: () => {
        this._confirm = undefined;
      },
      confirmBatteries: (camera) => {
        this._confirm = undefined;
        this._pressBatteries(camera);
      },
      openRepair: (camera) => openRepair(camera.issue),
      openIssue: (issue) => openRepair(issue),
      explainOpen: (camera) => {
        if (this._explain?.deviceId === camera.deviceId) {
          this._explain = undefined;
        } else {
          this._explainLight(camera, camera.led);
        }
      },
      explainPick: (camera, led) => this._explainLight(camera, led),
      explainClose: () => {
        this._explain = undefined;
      },
    };
  }

  /** Press the camera's "batteries replaced" button; say so once Home Assistant took it. */
  async _pressBatteries(camera) {
    try {
      await this.hass.callService("button", "press", {}, { entity_id: camera.entities.batteriesButton });
    } catch (_err) {
      return; // Home Assistant tells the owner why (its own notification); nothing was recorded
    }
    this._recorded = new Set([...this._recorded, camera.deviceId]);
  }

  /** Ask explain_led what could make the camera's light do this (a known light only). */
  async _explainLight(camera, observed) {
    const deviceId = camera.deviceId;
    if (!LED_STATES.includes(observed)) {
      this._explain = { deviceId };
      return;
    }
    this._explain = { deviceId, observed, busy: true };
    const next = await explainLed(this.hass, deviceId, observed);
    if (this._explain?.deviceId === deviceId && this._explain.observed === observed) {
      this._explain = next;
    }
  }
}
