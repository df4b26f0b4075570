// The status light: the camera drawn front on with its LED, and the animations that make the LED
// flash the way the camera's does (six red flashes then a pause, blinking, solid, off). A light
// only known from before an outage is drawn grey and still: nobody knows what it does now.

import { css, html, unsafeCSS } from "lit";
import { LED_STATES } from "./constants.js";

// The six red flashes then a pause, as keyframes: 0.3 s on, 0.3 s off, six times, then 2.4 s dark.
const SIX_FLASHES = (() => {
  const frames = [];
  for (let flash = 0; flash < 6; flash += 1) {
    const start = flash * 10;
    frames.push(`${start}%, ${start + 4.99}% { opacity: 1; }`);
    frames.push(`${start + 5}%, ${start + 9.99}% { opacity: 0.12; }`);
  }
  frames.push("60%, 100% { opacity: 0.12; }");
  // Built here from numbers only, never from data: safe to hand to the style sheet as is.
  return unsafeCSS(`@keyframes six-flashes { ${frames.join(" ")} }`);
})();

// The drawing's colours and each light's animation (part of the card's styles).
export const LED_STYLES = css`
  svg.camera {
    flex: none;
    display: block;
  }
  svg.camera .body {
    fill: var(--primary-background-color, #f0f0f0);
    stroke: var(--secondary-text-color, #777);
    stroke-width: 1.5;
  }
  svg.camera .lens {
    fill: #20252b;
    stroke: var(--secondary-text-color, #777);
    stroke-width: 1;
  }
  svg.camera .glint {
    fill: #8ea4b8;
    opacity: 0.8;
  }
  .camera {
    --led: #5c5c5c;
  }
  .led {
    fill: var(--led);
  }
  .halo {
    fill: var(--led);
    opacity: 0;
  }
  .led-solid_green {
    --led: #2ee06a;
  }
  .led-blinking_blue {
    --led: #2f8cff;
  }
  .led-blinking_red,
  .led-red_six_flashes,
  .led-red_while_recording,
  .led-solid_red {
    --led: #ff2d2d;
  }
  .led-off .led {
    fill: #4a4a4a;
  }
  .led-unknown .led {
    fill: none;
    stroke: var(--secondary-text-color, #777);
    stroke-dasharray: 2 2;
  }
  .led-solid_green .halo,
  .led-solid_red .halo {
    opacity: 0.35;
  }
  svg.camera:not(.led-off):not(.led-unknown) .led {
    filter: drop-shadow(0 0 2px var(--led));
  }
  .led-blinking_blue .lit,
  .led-blinking_red .lit {
    animation: blink 1s steps(1, end) infinite;
  }
  .led-red_while_recording .lit {
    animation: blink 0.5s steps(1, end) infinite;
  }
  .led-red_six_flashes .lit {
    animation: six-flashes 6s linear infinite;
  }
  .led-blinking_blue .halo,
  .led-blinking_red .halo,
  .led-red_six_flashes .halo,
  .led-red_while_recording .halo {
    opacity: 0.35;
  }
  svg.camera.last-known {
    filter: grayscale(1);
    opacity: 0.7;
  }
  svg.camera.last-known .lit {
    animation: none;
  }
  @keyframes blink {
    0% {
      opacity: 1;
    }
    50% {
      opacity: 0.12;
    }
  }
  ${SIX_FLASHES}
`;

/**
 * The camera drawn front on with its status light, animated per LED state; `alt` is its text
 * alternative ("Status light: blinking red"). `lastKnown` draws it grey and still.
 */
export function ledSvg(state, alt, size, lastKnown = false) {
  const known = LED_STATES.includes(state) ? state : "unknown";
  return html`<svg
    class="camera led-${known} ${lastKnown ? "last-known" : ""}"
    data-led=${known}
    width=${size}
    height=${size}
    viewBox="0 0 44 44"
    role="img"
    aria-label=${alt}
  >
    <rect class="body" x="4" y="4" width="36" height="36" rx="9"></rect>
    <circle class="lens" cx="22" cy="25" r="8.5"></circle>
    <circle class="glint" cx="19.5" cy="22.5" r="2"></circle>
    <g class="lit">
      <circle class="halo" cx="32" cy="11.5" r="6.5"></circle>
      <circle class="led" cx="32" cy="11.5" r="3.6"></circle>
    </g>
  </svg>`;
}
