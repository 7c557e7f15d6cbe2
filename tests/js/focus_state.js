// The focused element (or, for a visually hidden input, the label that shows it) and its look.
// Needs colour_lib.js first; (WAIT_FOR_ANIMATIONS) is replaced by wait_for_animations.js.
(async () => {
  await (WAIT_FOR_ANIMATIONS)();
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let shown = el;
  const rect0 = el.getBoundingClientRect();
  if ((rect0.width < 1 || rect0.height < 1) && el.nextElementSibling && el.nextElementSibling.tagName === "LABEL" && !el.nextElementSibling.hidden)
    shown = el.nextElementSibling;   // Material's palette toggle: a hidden radio, then its label
  // The previous stop's look now that it has lost focus (compared with its focused look).
  const prev = window.__mdxShown && window.__mdxShown !== shown ? getComputedStyle(window.__mdxShown) : null;
  const previous = prev ? {outline: `${prev.outlineStyle} ${prev.outlineWidth} ${prev.outlineColor}`, shadow: prev.boxShadow} : null;
  window.__mdxShown = shown;
  const s = getComputedStyle(shown);
  const r = shown.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const style = {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow,
                 outlineColour: mdx.rgba(s.outlineColor), outlineWidth: parseFloat(s.outlineWidth),
                 outlineStyle: s.outlineStyle, outlineOffset: parseFloat(s.outlineOffset)};
  // The outline is painted around the box: against the parent's background unless it is inset.
  const layers = mdx.backgrounds(shown, style.outlineOffset < 0);
  // Is the element painted where it is? Sample points inside its box; what the browser hits
  // there must be the element or inside it (else something covers it).
  const inside = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot && hit.shadowRoot.elementFromPoint) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return !!hit && (shown.contains(hit) || hit.contains(shown) || (hit.getRootNode().host && shown.contains(hit.getRootNode().host)));
  };
  // Where the element's box overlaps the sticky header, is the header painted over it?
  let underHeader = false;
  if (!shown.closest(".md-header") && r.top < header.bottom && r.bottom > header.top && r.width > 0) {
    const hit = document.elementFromPoint(r.left + r.width / 2, (Math.max(r.top, header.top) + Math.min(r.bottom, header.bottom)) / 2);
    underHeader = !!hit && !!hit.closest(".md-header") && !shown.contains(hit);
  }
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  const visible = inView && shown.checkVisibility({opacityProperty: true, visibilityProperty: true});
  return {what: mdx.describe(shown), tag: shown.tagName, inHeader: !!shown.closest(".md-header"),
          inContent: !!el.closest(".md-content"), rect: [r.left, r.top, r.right, r.bottom], headerBottom: header.bottom,
          visible, underHeader, previous, hit: inView ? inside(cx, Math.min(cy, innerHeight - 1)) : false, style, layers, opacity: s.opacity};
})()
