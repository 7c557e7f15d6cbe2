// Shared by the accessibility tests: any CSS colour -> [r, g, b, a] by painting one canvas pixel
// (handles rgb(), color(srgb ...) from color-mix(), named colours...), and the background layers
// behind an element (its ancestors' background colours, root first). Prepended to other scripts.
const mdx = (() => {
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  const cache = new Map();
  function rgba(css) {
    if (!css || css === "none" || css.startsWith("url(")) return null;
    if (cache.has(css)) return cache.get(css);
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "rgba(0, 0, 0, 0)";
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    const value = a === 0 ? [0, 0, 0, 0] : [r, g, b, a / 255];
    cache.set(css, value);
    return value;
  }
  function withAlpha(colour, alpha) {
    return colour ? [colour[0], colour[1], colour[2], colour[3] * alpha] : null;
  }
  // Parent across shadow boundaries (a shadow root's parent is its host).
  function parentOf(node) {
    return node.parentElement || (node.parentNode && node.parentNode.host) || null;
  }
  // Background-colour layers behind `el` (inclusive when `self`), root first.
  function backgrounds(el, self = true) {
    const layers = [];
    for (let node = self ? el : parentOf(el); node; node = parentOf(node)) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) layers.unshift(colour);
    }
    return layers;
  }
  function opacity(el, stop) {
    let value = 1;
    for (let node = el; node && node !== stop; node = parentOf(node)) value *= parseFloat(getComputedStyle(node).opacity);
    return value;
  }
  function describe(el) {
    const classes = typeof el.className === "string" ? el.className : (el.className && el.className.baseVal) || "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes ? "." + classes.trim().split(/\s+/).join(".") : ""}${text ? ` "${text}"` : ""}`;
  }
  return {rgba, withAlpha, backgrounds, opacity, describe, parentOf};
})();
