// "What do I see?": the owner picks the light the camera shows, starting at the one Blink Health
// believes, and the card shows the answer of Blink Health's explain_led action: the causes that
// fit, best first, with their confidence and fixes.

import { css, html, nothing } from "lit";
import { DOMAIN, LED_STATES, TRANSLATIONS } from "./constants.js";
import { ledSvg } from "./led.js";
import { causeName, fixTitle, label } from "./texts.js";

// The panel's styles (part of the card's styles).
export const EXPLAIN_STYLES = css`
  .explain {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 10px;
    border-radius: 8px;
    background: var(--card-background-color, transparent);
    border: 1px solid var(--bh-divider);
  }
  .explain h4 {
    margin: 0;
    font-size: 14px;
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .choices {
    display: grid;
    gap: 6px;
    grid-template-columns: repeat(auto-fill, minmax(128px, 1fr));
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 8px;
    min-height: 44px;
    border-radius: 8px;
    font: inherit;
    font-size: 13px;
    text-align: start;
    cursor: pointer;
    color: var(--primary-text-color);
    background: transparent;
    border: 1px solid var(--bh-divider);
  }
  .choice-text {
    display: flex;
    flex-direction: column;
  }
  .likely {
    font-size: 12px;
    font-weight: 500;
    color: var(--bh-action-text);
  }
  .choice[aria-pressed="true"] {
    border-color: var(--primary-color);
    box-shadow: inset 0 0 0 1px var(--primary-color);
  }
  .answer {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .candidate {
    padding: 8px 0;
    border-top: 1px solid var(--bh-divider);
  }
  .candidate-cause {
    font-size: 15px;
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 4px 0;
  }
  .chip {
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 10px;
    color: var(--primary-text-color);
    background: rgba(127, 127, 127, 0.16);
  }
  details {
    margin-top: 4px;
    font-size: 14px;
    color: var(--primary-text-color);
  }
  summary {
    cursor: pointer;
  }
  .steps {
    display: block;
    margin: 6px 0 0;
    color: var(--secondary-text-color);
    /* ha-markdown draws links in the primary colour: the card's link colour reaches AA. */
    --primary-color: var(--bh-action-text);
  }
  .steps a {
    color: var(--bh-action-text);
  }
  .steps.plain {
    white-space: pre-line;
  }
`;

/**
 * The "what do I see?" panel. `state` is { observed, busy, result, error }; `onPick(led)` asks
 * about a light, `onClose()` closes the panel.
 */
export function explainPanel(hass, state, camera, onPick, onClose) {
  const choices = LED_STATES.map((led) => {
    const text = hass.localize(`${TRANSLATIONS}.selector.led_state.options.${led}`);
    const believed = led === camera.led;
    return html`<button
      class="choice ${believed ? "believed" : ""}"
      data-observed=${led}
      ?data-believed=${believed}
      aria-pressed=${state.observed === led ? "true" : "false"}
      @click=${() => onPick(led)}
    >
      ${ledSvg(led, text, 28)}
      <span class="choice-text">
        <span>${text}</span>
        ${believed ? html`<span class="likely">${label(hass, "believed")}</span>` : nothing}
      </span>
    </button>`;
  });
  return html`<div class="explain" data-explain>
    <h4>${label(hass, "pick_light", { camera: camera.name })}</h4>
    <div class="choices">${choices}</div>
    ${answer(hass, state)}
    <div class="actions">
      <button class="action" data-action="explain-close" @click=${onClose}>
        ${label(hass, "close")}
      </button>
    </div>
  </div>`;
}

/** What the panel says under the choices: working, failed, or the answer. */
function answer(hass, state) {
  if (state.busy) {
    return html`<div class="note" role="status">${label(hass, "explaining")}</div>`;
  }
  if (state.error !== undefined) {
    return html`<div class="error-text" role="alert">
      ${label(hass, "explain_failed", { error: state.error })}
    </div>`;
  }
  return state.result ? answerOf(hass, state.result) : nothing;
}

/**
 * explain_led's answer: its notes, then each cause that could make the light do this. The action
 * answers in Home Assistant's language; the card shows its texts in its viewer's, by their ids.
 */
function answerOf(hass, result) {
  const reported = result.reported_cause ? causeName(hass, result.reported_cause.cause) : "";
  const notes = (result.notes || []).map((note) => {
    const key = `${TRANSLATIONS}.selector.explain_note.options.${note.id}`;
    const text = hass.localize(key, { cause: reported }) || note.text;
    return html`<p class="note" data-note=${note.id}>${text}</p>`;
  });
  if (!result.causes?.length) {
    return html`<div class="answer" data-answer>
      ${notes}
      <div class="note">${label(hass, "no_causes")}</div>
    </div>`;
  }
  const candidates = result.causes.map((candidate, index) => {
    const fits = label(hass, candidate.fits_telemetry ? "fits" : "does_not_fit");
    const fixes = (candidate.fixes || []).map((fix) => {
      const steps =
        hass.localize(`${TRANSLATIONS}.selector.fix_steps.options.${fix.steps_id}`) || fix.steps;
      return html`<details ?open=${index === 0}>
        <summary>${fixTitle(hass, fix.id) || fix.title}</summary>
        ${stepsView(steps)}
      </details>`;
    });
    return html`<div class="candidate" data-candidate=${candidate.cause}>
      <div class="candidate-cause">${causeName(hass, candidate.cause) || candidate.name}</div>
      <div class="chips">
        <span class="chip">${label(hass, `confidence_${candidate.confidence}`)}</span>
        <span class="chip">${fits}</span>
      </div>
      ${fixes}
    </div>`;
  });
  return html`<div class="answer" data-answer>${notes}${candidates}</div>`;
}

/**
 * A fix's steps: Markdown (lists, the link to Blink's help) drawn by Home Assistant's own
 * ha-markdown, which sanitizes what it renders; as plain text where it is not loaded. The steps
 * are Blink Health's own translations, never a name or Blink's words.
 */
function stepsView(steps) {
  if (customElements.get("ha-markdown")) {
    return html`<ha-markdown class="steps" breaks .content=${steps}></ha-markdown>`;
  }
  return html`<p class="steps plain">${steps}</p>`;
}

/** Ask Blink Health's explain_led action what could make the camera's light do this. */
export async function explainLed(hass, deviceId, observed) {
  try {
    const { response } = await hass.callService(
      DOMAIN,
      "explain_led",
      { device_id: deviceId, observed },
      undefined,
      false,
      true,
    );
    return { deviceId, observed, result: response };
  } catch (err) {
    return { deviceId, observed, error: err?.message || String(err?.code || err) };
  }
}
