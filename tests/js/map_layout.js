// The maps on a page (tests/browser/test_maps.py): which variant shows, where each sits against its column,
// the smallest label on screen (font size times the SVG's scale) and labels that run past the map's edge.
() => [...document.querySelectorAll("figure.mdx-map")].map(figure => {
  const shown = [...figure.querySelectorAll(":scope > svg")].filter(s => getComputedStyle(s).display !== "none");
  const column = figure.getBoundingClientRect();
  return {
    id: figure.id, shown: shown.map(s => s.classList[1]),
    svgs: shown.map(svg => {
      const box = svg.getBoundingClientRect();
      const scale = svg.getScreenCTM().a;
      const sizes = [...svg.querySelectorAll("text")].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
      const texts = [...svg.querySelectorAll("text")].map(t => t.getBoundingClientRect())
        .filter(r => r.width > 0).map(r => [r.left, r.right]);
      return {left: box.left, right: box.right, width: box.width, height: box.height,
              smallest: Math.min(...sizes), labels: sizes.length,
              outside: texts.filter(([l, r]) => l < box.left - 1 || r > box.right + 1).length};
    }),
    column: [column.left, column.right],
  };
})
