// The Blink Health card (custom:blink-health-card): every Blink camera's status light drawn the way
// the camera most likely shows it, the likely cause, the first fix, and what to do from here.
//
// A plain custom element: no build step, no library, no request outside Home Assistant. Blink
// Health serves this file and adds it to every frontend when it loads, so owners install nothing.
// Cameras are found through the entity and device registries (platform, device, translation key),
// never by entity id; every text comes from Blink Health's translations or Home Assistant's own.

const DOMAIN = "blink_health";
const CARD_TYPE = "blink-health-card";
const TRANSLATIONS = `component.${DOMAIN}`;

// The lights Blink Health knows, in the order the "what do I see?" picker offers them.
const LED_STATES = [
  "solid_green",
  "blinking_blue",
  "blinking_red",
  "red_six_flashes",
  "red_while_recording",
  "solid_red",
  "off",
];
// Causes that need nothing from the owner (everything else does: the problem sensor is on).
const FINE_CAUSES = new Set(["ok", "recording"]);
// The camera cannot record at all: shown as an error (as its repair is), the rest as a warning.
const ERROR_CAUSES = new Set([
  "wifi_disconnected",
  "sync_module_offline",
  "setup_incomplete",
  "hardware_fault",
]);
// The LED doctor's precedence, highest first: the order cameras needing attention are listed in.
const CAUSE_ORDER = [
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
const ROLES = {
  "sensor.likely_cause": "cause",
  "sensor.led_state": "led",
  "binary_sensor.problem": "problem",
  "button.batteries_replaced": "batteriesButton",
};
const NO_STATE = new Set(["unknown", "unavailable"]);

// The six red flashes then a pause, as keyframes: 0.3 s on, 0.3 s off, six times, then 2.4 s dark.
const SIX_FLASHES = (() => {
  const frames = [];
  for (let flash = 0; flash < 6; flash += 1) {
    const start = flash * 10;
    frames.push(`${start}%, ${start + 4.99}% { opacity: 1; }`);
    frames.push(`${start + 5}%, ${start + 9.99}% { opacity: 0.12; }`);
  }
  frames.push("60%, 100% { opacity: 0.12; }");
  return `@keyframes six-flashes { ${frames.join(" ")} }`;
})();

const STYLES = `
  :host { display: block; }
  ha-card { padding: 16px; overflow: hidden; }
  .title { margin: 0 0 8px; font-size: var(--ha-card-header-font-size, 20px); font-weight: 400;
    color: var(--ha-card-header-color, var(--primary-text-color)); }
  .summary { display: flex; align-items: center; gap: 8px; margin: 0; font-size: 16px;
    line-height: 24px; font-weight: 500; color: var(--primary-text-color); }
  .summary .mark { flex: none; width: 10px; height: 10px; border-radius: 50%;
    background: var(--success-color, #43a047); }
  .summary.attention .mark { background: var(--error-color, #db4437); }
  .grid { display: grid; gap: 12px; margin-top: 12px; align-items: start;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); }
  .tile { display: flex; flex-direction: column; gap: 10px; padding: 12px; min-width: 0;
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
    border-left: 4px solid var(--warning-color, #ffa600);
    border-radius: var(--ha-card-border-radius, 12px);
    background: color-mix(in srgb, var(--warning-color, #ffa600) 7%, transparent); }
  .tile.error { border-left-color: var(--error-color, #db4437);
    background: color-mix(in srgb, var(--error-color, #db4437) 7%, transparent); }
  .tile.open { grid-column: 1 / -1; }
  .head { display: flex; gap: 12px; align-items: flex-start; min-width: 0; }
  .who { min-width: 0; flex: 1; }
  .name { font-size: 16px; font-weight: 500; color: var(--primary-text-color);
    overflow-wrap: anywhere; }
  .meta { font-size: 13px; color: var(--secondary-text-color); overflow-wrap: anywhere; }
  .cause { margin-top: 2px; font-size: 15px; font-weight: 500; color: var(--primary-text-color); }
  .tile .cause { color: var(--warning-color, #ffa600); }
  .tile.error .cause { color: var(--error-color, #db4437); }
  .fix { font-size: 14px; color: var(--primary-text-color); }
  .fine { display: grid; column-gap: 24px; margin-top: 8px; align-items: start;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); }
  .row { border-top: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3)); }
  .row.open { grid-column: 1 / -1; }
  .row-head { display: flex; width: 100%; align-items: center; gap: 12px; padding: 8px 0;
    margin: 0; border: none; background: none; color: inherit; font: inherit; text-align: start;
    cursor: pointer; min-height: 44px; }
  .row-head .name { flex: 1; min-width: 0; font-size: 15px; }
  .row-head .cause { margin: 0; font-size: 14px; font-weight: 400;
    color: var(--secondary-text-color); text-align: end; }
  .row-body { display: flex; flex-direction: column; gap: 10px; padding: 0 0 12px 56px; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  button.action { display: inline-flex; align-items: center; gap: 4px; min-height: 36px;
    padding: 4px 12px 4px 10px; border-radius: 18px; font: inherit; font-size: 14px;
    cursor: pointer;
    color: var(--primary-color); background: transparent;
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.4)); }
  button.action:hover { background: rgba(127, 127, 127, 0.12); }
  button.action:focus-visible, .row-head:focus-visible, .choice:focus-visible {
    outline: 2px solid var(--primary-color); outline-offset: 2px; }
  button.action.primary { color: var(--text-primary-color, #fff);
    background: var(--primary-color); border-color: var(--primary-color); }
  button.action[disabled] { opacity: 0.5; cursor: default; }
  button.action ha-icon { --mdc-icon-size: 18px; }
  .note { margin: 0; font-size: 14px; color: var(--secondary-text-color); }
  .confirm { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; font-size: 14px;
    color: var(--primary-text-color); }
  .explain { display: flex; flex-direction: column; gap: 10px; padding: 10px; border-radius: 8px;
    background: var(--card-background-color, transparent);
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3)); }
  .explain h3 { margin: 0; font-size: 14px; font-weight: 500; color: var(--primary-text-color); }
  .choices { display: grid; gap: 6px; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); }
  .choice { display: flex; align-items: center; gap: 8px; padding: 6px 8px; min-height: 44px;
    border-radius: 8px; font: inherit; font-size: 13px; text-align: start; cursor: pointer;
    color: var(--primary-text-color); background: transparent;
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3)); }
  .choice[aria-pressed="true"] { border-color: var(--primary-color);
    box-shadow: inset 0 0 0 1px var(--primary-color); }
  .answer { display: flex; flex-direction: column; gap: 8px; }
  .candidate { padding: 8px 0; border-top: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3)); }
  .tile .candidate .cause, .candidate .cause { color: var(--primary-text-color); }
  .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; }
  .chip { font-size: 12px; padding: 2px 8px; border-radius: 10px; color: var(--primary-text-color);
    background: rgba(127, 127, 127, 0.16); }
  details { margin-top: 4px; font-size: 14px; color: var(--primary-text-color); }
  summary { cursor: pointer; }
  .steps { margin: 6px 0 0; white-space: pre-line; color: var(--secondary-text-color); }
  .error-text { color: var(--error-color, #db4437); font-size: 14px; }
  svg.camera { flex: none; display: block; }
  svg.camera .body { fill: var(--primary-background-color, #f0f0f0);
    stroke: var(--secondary-text-color, #777); stroke-width: 1.5; }
  svg.camera .lens { fill: #20252b; stroke: var(--secondary-text-color, #777); stroke-width: 1; }
  svg.camera .glint { fill: #8ea4b8; opacity: 0.8; }
  .camera { --led: #5c5c5c; }
  .led { fill: var(--led); }
  .halo { fill: var(--led); opacity: 0; }
  .led-solid_green { --led: #2ee06a; }
  .led-blinking_blue { --led: #2f8cff; }
  .led-blinking_red, .led-red_six_flashes, .led-red_while_recording, .led-solid_red { --led: #ff2d2d; }
  .led-off .led { fill: #4a4a4a; }
  .led-unknown .led { fill: none; stroke: var(--secondary-text-color, #777); stroke-dasharray: 2 2; }
  .led-solid_green .halo, .led-solid_red .halo { opacity: 0.35; }
  svg.camera:not(.led-off):not(.led-unknown) .led { filter: drop-shadow(0 0 2px var(--led)); }
  .led-blinking_blue .lit, .led-blinking_red .lit { animation: blink 1s steps(1, end) infinite; }
  .led-red_while_recording .lit { animation: blink 0.5s steps(1, end) infinite; }
  .led-red_six_flashes .lit { animation: six-flashes 6s linear infinite; }
  .led-blinking_blue .halo, .led-blinking_red .halo, .led-red_six_flashes .halo,
  .led-red_while_recording .halo { opacity: 0.35; }
  @keyframes blink { 0% { opacity: 1; } 50% { opacity: 0.12; } }
  ${SIX_FLASHES}
`;

/** Escape a text for HTML. */
const esc = (value) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char],
  );

/** The camera drawn front on with its status light, animated per LED state. */
function ledSvg(state, label, size = 44) {
  const known = LED_STATES.includes(state) ? state : "unknown";
  return `<svg class="camera led-${known}" data-led="${esc(known)}" width="${size}" height="${size}"
      viewBox="0 0 44 44" role="img" aria-label="${esc(label)}">
    <rect class="body" x="4" y="4" width="36" height="36" rx="9"></rect>
    <circle class="lens" cx="22" cy="25" r="8.5"></circle>
    <circle class="glint" cx="19.5" cy="22.5" r="2"></circle>
    <g class="lit"><circle class="halo" cx="32" cy="11.5" r="6.5"></circle>
    <circle class="led" cx="32" cy="11.5" r="3.6"></circle></g>
  </svg>`;
}

/** Return the card's own label in the owner's language (Blink Health's "card" translations). */
function label(hass, key, placeholders) {
  return hass.localize(`${TRANSLATIONS}.selector.card.options.${key}`, placeholders) || "";
}

class BlinkHealthCard extends HTMLElement {
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
    const hass = this._hass;
    const byDevice = new Map();
    for (const [entityId, entry] of Object.entries(hass.entities || {})) {
      if (entry.platform !== DOMAIN || !entry.device_id) {
        continue;
      }
      const role = ROLES[`${entityId.split(".")[0]}.${entry.translation_key}`];
      if (!role) {
        continue;
      }
      if (!byDevice.has(entry.device_id)) {
        byDevice.set(entry.device_id, {});
      }
      byDevice.get(entry.device_id)[role] = entityId;
    }
    const wanted = this._config.cameras;
    const cameras = [];
    for (const [deviceId, entities] of byDevice) {
      const device = hass.devices?.[deviceId];
      if (!entities.cause || !device) {
        continue;
      }
      const name = device.name_by_user || device.name || deviceId;
      if (wanted && !wanted.includes(deviceId) && !wanted.includes(name)) {
        continue;
      }
      const causeState = hass.states[entities.cause];
      const cause = causeState?.state ?? "unavailable";
      const problem = entities.problem ? hass.states[entities.problem]?.state : undefined;
      const attention =
        problem === "on" || (problem === undefined && !FINE_CAUSES.has(cause) && !NO_STATE.has(cause));
      cameras.push({
        deviceId,
        device,
        name,
        entities,
        cause,
        causeState,
        led: hass.states[entities.led]?.state ?? "unavailable",
        fixes: causeState?.attributes?.fixes || [],
        attention,
        issue: this._issueFor(device),
      });
    }
    const rank = (camera) => {
      const index = CAUSE_ORDER.indexOf(camera.cause);
      return index === -1 ? CAUSE_ORDER.length : index;
    };
    return cameras.sort(
      (a, b) =>
        Number(b.attention) - Number(a.attention) ||
        (a.attention ? rank(a) - rank(b) : 0) ||
        a.name.localeCompare(b.name, this._hass.language),
    );
  }

  /** The open repair of a camera: its own, or its Sync Module's (issue ids end in a device id). */
  _issueFor(device) {
    const ids = [device.id, device.via_device_id].filter(Boolean);
    return this._issues.find((issue) => ids.some((id) => issue.issue_id.endsWith(`_${id}`)));
  }

  _causeText(camera) {
    const hass = this._hass;
    if (NO_STATE.has(camera.cause) || !camera.causeState) {
      return camera.causeState ? hass.formatEntityState(camera.causeState) : "";
    }
    return (
      hass.localize(`${TRANSLATIONS}.entity.sensor.likely_cause.state.${camera.cause}`) ||
      hass.formatEntityState(camera.causeState)
    );
  }

  _ledText(state) {
    const hass = this._hass;
    if (LED_STATES.includes(state)) {
      return hass.localize(`${TRANSLATIONS}.entity.sensor.led_state.state.${state}`);
    }
    return hass.localize(`state.default.${state}`) || state;
  }

  _fixTitle(fix) {
    return this._hass.localize(`${TRANSLATIONS}.selector.fix_title.options.${fix}`);
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
      ? `<div class="grid">${attention.map((camera) => this._tile(camera)).join("")}</div>`
      : "";
    const rows =
      fine.length && this._config.show_healthy !== false
        ? `<div class="fine">${fine.map((camera) => this._row(camera)).join("")}</div>`
        : "";
    this.shadowRoot.innerHTML = `<style>${STYLES}</style>
      <ha-card>${title}
        <p class="summary${attention.length ? " attention" : ""}" data-summary>
          <span class="mark"></span><span>${esc(summary)}</span></p>
        ${tiles}${rows}
      </ha-card>`;
  }

  /** A camera that needs attention: light, name, model, cause, first fix, actions. */
  _tile(camera) {
    const severity =
      camera.issue?.severity === "error" || ERROR_CAUSES.has(camera.cause) ? " error" : "";
    const firstFix = camera.fixes.length
      ? `<div class="fix">${esc(label(this._hass, "first_fix", { fix: this._fixTitle(camera.fixes[0]) }))}</div>`
      : "";
    const open = this._ui.explain?.deviceId === camera.deviceId ? " open" : "";
    return `<section class="tile${severity}${open}" data-camera="${esc(camera.name)}"
        data-device="${esc(camera.deviceId)}" data-state="${esc(camera.cause)}">
      <div class="head">${ledSvg(camera.led, this._ledText(camera.led), 48)}
        <div class="who">
          <div class="name" data-name>${esc(camera.name)}</div>
          <div class="meta">${esc([camera.device.model, this._ledText(camera.led)].filter(Boolean).join(" · "))}</div>
          <div class="cause" data-cause>${esc(this._causeText(camera))}</div>
        </div>
      </div>
      ${firstFix}
      ${this._actions(camera)}
    </section>`;
  }

  /** A camera that is fine: one line, opened for its actions. */
  _row(camera) {
    const open = this._ui.expanded.has(camera.deviceId);
    const wide = open && this._ui.explain?.deviceId === camera.deviceId ? " open" : "";
    return `<div class="row${wide}" data-camera="${esc(camera.name)}" data-device="${esc(camera.deviceId)}"
        data-state="${esc(camera.cause)}">
      <button class="row-head" data-action="toggle" data-device="${esc(camera.deviceId)}"
          aria-expanded="${open}">
        ${ledSvg(camera.led, this._ledText(camera.led), 40)}
        <span class="name" data-name>${esc(camera.name)}</span>
        <span class="cause" data-cause>${esc(this._causeText(camera))}</span>
      </button>
      ${open ? `<div class="row-body"><div class="meta">${esc([camera.device.model, this._ledText(camera.led)].filter(Boolean).join(" · "))}</div>${this._actions(camera)}</div>` : ""}
    </div>`;
  }

  _actions(camera) {
    const hass = this._hass;
    const id = esc(camera.deviceId);
    const buttons = [];
    const confirming = this._ui.confirm === camera.deviceId;
    if (camera.entities.batteriesButton && !confirming) {
      const name =
        hass.localize(`${TRANSLATIONS}.entity.button.batteries_replaced.name`) ||
        hass.formatEntityName?.(hass.states[camera.entities.batteriesButton]) ||
        "";
      buttons.push(`<button class="action" data-action="batteries" data-device="${id}">
        <ha-icon icon="mdi:battery-sync-outline"></ha-icon>${esc(name)}</button>`);
    }
    if (camera.issue && hass.user?.is_admin) {
      buttons.push(`<button class="action" data-action="repair" data-device="${id}">
        <ha-icon icon="mdi:wrench-outline"></ha-icon>${esc(label(hass, "open_repair"))}</button>`);
    }
    const explaining = this._ui.explain?.deviceId === camera.deviceId;
    buttons.push(`<button class="action" data-action="explain" data-device="${id}"
        aria-expanded="${explaining}">
      <ha-icon icon="mdi:help-circle-outline"></ha-icon>${esc(label(hass, "what_do_i_see"))}</button>`);
    let extra = "";
    if (confirming) {
      extra += `<div class="confirm"><span>${esc(label(hass, "confirm_batteries", { camera: camera.name }))}</span>
        <button class="action primary" data-action="batteries-confirm" data-device="${id}">${esc(label(hass, "record"))}</button>
        <button class="action" data-action="batteries-cancel" data-device="${id}">${esc(label(hass, "cancel"))}</button></div>`;
    } else if (this._ui.recorded.has(camera.deviceId)) {
      extra += `<div class="note" role="status">${esc(label(hass, "recorded"))}</div>`;
    }
    if (explaining) {
      extra += this._explainPanel(camera);
    }
    return `<div class="actions">${buttons.join("")}</div>${extra}`;
  }

  /** The "what do I see?" panel: pick the light, read what fits it. */
  _explainPanel(camera) {
    const hass = this._hass;
    const state = this._ui.explain;
    const id = esc(camera.deviceId);
    const choices = LED_STATES.map((led) => {
      const text = hass.localize(`${TRANSLATIONS}.selector.led_state.options.${led}`);
      return `<button class="choice" data-action="observe" data-device="${id}" data-observed="${led}"
          aria-pressed="${state.observed === led}">${ledSvg(led, text, 28)}<span>${esc(text)}</span></button>`;
    }).join("");
    let answer = "";
    if (state.busy) {
      answer = `<div class="note" role="status">${esc(label(hass, "explaining"))}</div>`;
    } else if (state.error !== undefined) {
      answer = `<div class="error-text" role="alert">${esc(label(hass, "explain_failed", { error: state.error }))}</div>`;
    } else if (state.result) {
      answer = this._answer(state.result);
    }
    return `<div class="explain" data-explain>
      <h3>${esc(label(hass, "pick_light", { camera: camera.name }))}</h3>
      <div class="choices">${choices}</div>
      ${answer}
      <div class="actions"><button class="action" data-action="explain-close" data-device="${id}">${esc(label(hass, "close"))}</button></div>
    </div>`;
  }

  _answer(result) {
    const hass = this._hass;
    const notes = (result.notes || [])
      .map((note) => `<p class="note" data-note="${esc(note.id)}">${esc(note.text)}</p>`)
      .join("");
    if (!result.causes?.length) {
      return `<div class="answer" data-answer>${notes}<div class="note">${esc(label(hass, "no_causes"))}</div></div>`;
    }
    const candidates = result.causes.map((candidate, index) => {
      const cause =
        hass.localize(`${TRANSLATIONS}.entity.sensor.likely_cause.state.${candidate.cause}`) ||
        candidate.name ||
        candidate.cause;
      const fits = label(hass, candidate.fits_telemetry ? "fits" : "does_not_fit");
      const fixes = (candidate.fixes || [])
        .map(
          (fix) => `<details${index === 0 ? " open" : ""}><summary>${esc(fix.title)}</summary>
            <p class="steps">${esc(fix.steps)}</p></details>`,
        )
        .join("");
      return `<div class="candidate" data-candidate="${esc(candidate.cause)}">
        <div class="cause">${esc(cause)}</div>
        <div class="chips"><span class="chip">${esc(label(hass, `confidence_${candidate.confidence}`))}</span>
          <span class="chip">${esc(fits)}</span></div>
        ${fixes}
      </div>`;
    });
    return `<div class="answer" data-answer>${notes}${candidates.join("")}</div>`;
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
    let next;
    try {
      const { response } = await this._hass.callService(
        DOMAIN,
        "explain_led",
        { device_id: deviceId, observed },
        undefined,
        false,
        true,
      );
      next = { deviceId, observed, result: response };
    } catch (err) {
      next = { deviceId, observed, error: err?.message || String(err?.code || err) };
    }
    if (this._ui.explain?.deviceId === deviceId && this._ui.explain.observed === observed) {
      this._ui.explain = next;
      this._render();
    }
  }
}

/** Go to a page of Home Assistant's frontend without reloading it. */
function navigate(path) {
  history.pushState(null, "", path);
  window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace: false } }));
}

/** Home Assistant's frontend state, where the app has it (the card picker reads it too). */
function appHass() {
  return document.querySelector("home-assistant")?.hass;
}

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

/**
 * Resolve once Home Assistant's app has set up its custom element registry. The app replaces
 * window.customElements with a scoped-registry polyfill, which forgets elements defined before
 * it; this module is loaded alongside the app, so it may run first and must wait.
 */
function appRegistryReady() {
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

appRegistryReady().then(() => {
  if (window.customElements.get(CARD_TYPE)) {
    return;
  }
  window.customElements.define(CARD_TYPE, BlinkHealthCard);
  window.customCards = window.customCards || [];
  window.customCards.push(pickerEntry);
  preloadLabels();
});
