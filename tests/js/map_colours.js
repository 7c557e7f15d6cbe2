// Colours of every map on the page that is shown (tests/browser/test_maps.py): each label's fill and
// the halo painted under it, and the colours of the lines a reader must see (the border, routes,
// distance lines, place dots) with the fills they sit on. Needs colour_lib.js (the `mdx` helpers).
(() => {
  const out = [];
  for (const svg of document.querySelectorAll("figure.mdx-map > svg")) {
    if (getComputedStyle(svg).display === "none") continue;
    const fig = svg.parentElement.id;
    const page = mdx.backgrounds(svg.parentElement);
    const fill = sel => { const el = svg.querySelector(sel); return el ? mdx.rgba(getComputedStyle(el).fill) : null; };
    const land = {sea: fill(".mdx-map__sea"), land: fill(".mdx-map__land:not(.mdx-map__land--focus)"),
                  focus: fill(".mdx-map__land--focus")};
    for (const t of svg.querySelectorAll("text")) {
      const s = getComputedStyle(t);
      out.push({fig, kind: "text", what: t.textContent, fg: mdx.rgba(s.fill), halo: mdx.rgba(s.stroke),
                haloWidth: parseFloat(s.strokeWidth), page, land});
    }
    for (const cls of ["mdx-map__border", "mdx-map__route", "mdx-map__line", "mdx-map__dot"]) {
      const el = svg.querySelector("." + cls);
      if (!el) continue;
      const s = getComputedStyle(el);
      const colour = cls === "mdx-map__dot" ? mdx.rgba(s.fill) : mdx.rgba(s.stroke);
      out.push({fig, kind: "graphic", what: cls, fg: colour, page, land});
    }
  }
  return out;
})()
