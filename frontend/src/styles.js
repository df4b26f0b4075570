// The card's styles: Home Assistant's theme variables throughout (light and dark follow the
// theme), one column on a phone and a grid on a wide screen; the status light's are in led.js,
// "what do I see?"'s in explain.js, the battery forecast's and the cold's in forecast.js, the local
// storage's in storage.js.
//
// Text keeps a contrast of at least 4.5:1 (WCAG AA) in both themes: the theme's warning and error
// colours are too light on white (amber 1.9:1), so coloured text mixes them with the theme's text
// colour, which darkens them in the light theme and lightens them in the dark one. The colours
// themselves mark borders, dots and icons, where no text is read.

import { css } from "lit";
import { EXPLAIN_STYLES } from "./explain.js";
import { FORECAST_STYLES } from "./forecast.js";
import { LED_STYLES } from "./led.js";
import { STORAGE_STYLES } from "./storage.js";

export const STYLES = [
  css`
    :host {
      display: block;
      --bh-warning: var(--warning-color, #ffa600);
      --bh-error: var(--error-color, #db4437);
      --bh-ok: var(--success-color, #43a047);
      --bh-warning-text: color-mix(in srgb, var(--bh-warning) 50%, var(--primary-text-color));
      --bh-error-text: color-mix(in srgb, var(--bh-error) 60%, var(--primary-text-color));
      --bh-action-text: color-mix(in srgb, var(--primary-color) 55%, var(--primary-text-color));
      --bh-divider: var(--divider-color, rgba(127, 127, 127, 0.3));
    }
    ha-card {
      padding: 16px;
      overflow: hidden;
    }
    .title {
      margin: 0 0 8px;
      font-size: var(--ha-card-header-font-size, 20px);
      font-weight: 400;
      color: var(--ha-card-header-color, var(--primary-text-color));
    }
    .summary {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font-size: 16px;
      line-height: 24px;
      font-weight: 500;
      color: var(--primary-text-color);
    }
    .summary .mark {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--bh-ok);
    }
    .summary.warning .mark {
      background: var(--bh-warning);
    }
    .summary.error .mark {
      background: var(--bh-error);
    }
    .notice {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      margin-top: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      font-size: 14px;
      color: var(--primary-text-color);
      border: 1px solid var(--bh-divider);
      border-left: 4px solid var(--bh-warning);
    }
    .notice.outage {
      border-left-color: var(--bh-error);
    }
    .notice ha-icon {
      flex: none;
      color: var(--bh-error);
    }
    .notice-title,
    .weak-link {
      font-weight: 500;
    }
    .grid {
      display: grid;
      gap: 12px;
      margin-top: 12px;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 12px;
      min-width: 0;
      border: 1px solid var(--bh-divider);
      border-left: 4px solid var(--bh-warning);
      border-radius: var(--ha-card-border-radius, 12px);
      background: color-mix(in srgb, var(--bh-warning) 7%, transparent);
    }
    .tile.error {
      border-left-color: var(--bh-error);
      background: color-mix(in srgb, var(--bh-error) 7%, transparent);
    }
    .tile.stale {
      border-left-style: dashed;
      border-left-color: var(--secondary-text-color);
      background: color-mix(in srgb, var(--secondary-text-color) 6%, transparent);
    }
    .tile.open {
      grid-column: 1 / -1;
    }
    .head {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      min-width: 0;
    }
    .who {
      min-width: 0;
      flex: 1;
    }
    .name {
      margin: 0;
      font-size: 16px;
      font-weight: 500;
      color: var(--primary-text-color);
      overflow-wrap: anywhere;
    }
    .meta,
    .as-of,
    .since {
      display: block;
      font-size: 13px;
      color: var(--secondary-text-color);
      overflow-wrap: anywhere;
    }
    .as-of {
      font-style: italic;
    }
    .cause {
      margin-top: 2px;
      font-size: 15px;
      font-weight: 500;
      color: var(--primary-text-color);
    }
    .tile .cause {
      color: var(--bh-warning-text);
    }
    .tile.error .cause {
      color: var(--bh-error-text);
    }
    .tile.stale .cause {
      color: var(--secondary-text-color);
    }
    .blink-says {
      margin-top: 2px;
      font-size: 14px;
      color: var(--primary-text-color);
    }
    .fix {
      font-size: 14px;
      color: var(--primary-text-color);
    }
    .fine {
      display: grid;
      column-gap: 24px;
      margin-top: 8px;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
    }
    .row {
      border-top: 1px solid var(--bh-divider);
    }
    .row.open {
      grid-column: 1 / -1;
    }
    /* Light, name, cause, chevron; the battery forecast under name and cause. */
    .row-head {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto auto;
      width: 100%;
      align-items: center;
      column-gap: 12px;
      padding: 8px 0;
      margin: 0;
      border: none;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
      min-height: 44px;
    }
    .row-head > svg {
      grid-row: 1 / span 2;
    }
    .row-head > .forecast {
      grid-column: 2 / -1;
      margin-top: 2px;
    }
    .row-who {
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .row-head .name {
      font-size: 15px;
    }
    .row-head .cause {
      margin: 0;
      font-size: 14px;
      font-weight: 400;
      color: var(--secondary-text-color);
      text-align: end;
    }
    .row-head .cause.no-data {
      color: var(--bh-warning-text);
      font-weight: 500;
    }
    .chevron {
      flex: none;
      --mdc-icon-size: 20px;
      color: var(--secondary-text-color);
      transition: transform 0.2s;
    }
    .row-head[aria-expanded="true"] .chevron {
      transform: rotate(180deg);
    }
    .row-body {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 0 0 12px 52px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    button.action {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 36px;
      padding: 4px 12px 4px 10px;
      border-radius: 18px;
      font: inherit;
      font-size: 14px;
      cursor: pointer;
      color: var(--bh-action-text);
      background: transparent;
      border: 1px solid var(--bh-divider);
    }
    button.action:hover {
      background: rgba(127, 127, 127, 0.12);
    }
    button.action ha-icon {
      --mdc-icon-size: 18px;
      color: var(--primary-color);
    }
    button.action.primary {
      color: var(--primary-text-color);
      border-color: var(--primary-color);
      background: color-mix(in srgb, var(--primary-color) 14%, transparent);
    }
    button.action:focus-visible,
    .row-head:focus-visible,
    .choice:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .note {
      margin: 0;
      font-size: 14px;
      color: var(--secondary-text-color);
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      font-size: 14px;
      color: var(--primary-text-color);
    }
    .error-text {
      color: var(--bh-error-text);
      font-size: 14px;
    }
  `,
  EXPLAIN_STYLES,
  FORECAST_STYLES,
  LED_STYLES,
  STORAGE_STYLES,
];
