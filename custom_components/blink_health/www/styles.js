// The card's styles: Home Assistant's theme variables throughout (light and dark follow the
// theme), one column on a phone and a grid on a wide screen; the status light's are in led.js.

import { LED_STYLES } from "./led.js";

export const STYLES = `
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
  ${LED_STYLES}
`;
