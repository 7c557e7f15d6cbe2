/* Pre-rendered diagrams (hooks/diagrams/prerender.py): legible on a phone and reachable by
   keyboard. Loaded only on pages with diagrams (overrides/main.html); without it the diagrams
   still show, only smaller on narrow screens.

   A diagram never shrinks below 75 % of its drawn size, so its 16 px labels stay at 12 px or
   more; a wider diagram scrolls sideways in its own box instead. While it scrolls, that box is
   a labelled tab stop, so keyboard users can scroll it too (WCAG 2.1.1; axe's
   scrollable-region-focusable). */
(() => {
  "use strict";
  const MIN_SCALE = 0.75;
  for (const host of document.querySelectorAll(".mdx-diagram")) {
    const root = host.shadowRoot;
    const svg = root && root.querySelector("svg");
    if (!svg) continue;
    const natural = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0;
    if (natural > 0) svg.style.minWidth = `${Math.round(natural * MIN_SCALE)}px`;
    const title = svg.querySelector("title");
    const name = `${title ? title.textContent.trim() : "Diagram"} (scrolls sideways)`;
    new ResizeObserver(() => {
      if (host.scrollWidth > host.clientWidth + 1) {
        host.setAttribute("tabindex", "0");
        host.setAttribute("role", "group");
        host.setAttribute("aria-label", name);
      } else {
        host.removeAttribute("tabindex");
        host.removeAttribute("role");
        host.removeAttribute("aria-label");
      }
    }).observe(host);
  }
})();
