// "What do I see?": the owner picks the light the camera shows, and the card shows the answer of
// Blink Health's explain_led action: the causes that fit, best first, with confidence and fixes.

import { DOMAIN, LED_STATES, TRANSLATIONS } from "./constants.js";
import { ledSvg } from "./led.js";
import { esc, label } from "./texts.js";

/** The "what do I see?" panel: pick the light, read what fits it. */
export function explainPanel(hass, state, camera) {
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
    answer = answerOf(hass, state.result);
  }
  return `<div class="explain" data-explain>
    <h3>${esc(label(hass, "pick_light", { camera: camera.name }))}</h3>
    <div class="choices">${choices}</div>
    ${answer}
    <div class="actions"><button class="action" data-action="explain-close" data-device="${id}">${esc(label(hass, "close"))}</button></div>
  </div>`;
}

/** explain_led's answer: its notes, then each cause that could make the light do this. */
function answerOf(hass, result) {
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
