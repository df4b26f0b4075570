// The contrast of every text the card shows against what is behind it (WCAG 2 relative
// luminance), measured in the page: each element with text of its own, its computed colour over
// the backgrounds of it and its ancestors (across shadow roots), with their opacities. Colours are
// read through a canvas, so any CSS colour the browser computes (color-mix, color(srgb ...)) counts.
// Called by scripts/devloop/card_page.py with the card element; returns one entry per text.
(card) => {
  const canvas = document.createElement("canvas");
  canvas.width = 1;
  canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const rgba = (css) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = "rgba(0, 0, 0, 0)";
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => {
    const alpha = top[3] + bottom[3] * (1 - top[3]);
    if (!alpha) {
      return [0, 0, 0, 0];
    }
    const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha;
    return [mix(0), mix(1), mix(2), alpha];
  };
  const parentOf = (element) => element.parentElement || element.getRootNode().host || null;
  const background = (element) => {
    const layers = [];
    for (let node = element; node; node = parentOf(node)) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) {
          break;
        }
      }
    }
    // Nothing opaque behind (not expected: ha-card has a background): the page's white.
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const opacity = (element) => {
    let value = 1;
    for (let node = element; node; node = parentOf(node)) {
      value *= Number(getComputedStyle(node).opacity);
    }
    return value;
  };
  const luminance = ([r, g, b]) => {
    const linear = (c) => {
      const value = c / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const hex = (colour) =>
    `#${colour.slice(0, 3).map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
  const texts = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) {
        walk(element.shadowRoot);
      }
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent.trim())
        .join(" ")
        .trim();
      const box = element.getBoundingClientRect();
      if (!own || !box.width || !box.height) {
        continue;
      }
      const behind = background(element);
      const colour = rgba(getComputedStyle(element).color);
      const shown = over([...colour.slice(0, 3), colour[3] * opacity(element)], behind);
      const [light, dark] = [luminance(shown), luminance(behind)].sort((a, b) => b - a);
      texts.push({
        text: own.slice(0, 48),
        element: `${element.localName}${element.classList.length ? `.${[...element.classList].join(".")}` : ""}`,
        colour: hex(shown),
        background: hex(behind),
        ratio: (light + 0.05) / (dark + 0.05),
      });
    }
  };
  walk(card.shadowRoot);
  return texts;
}
