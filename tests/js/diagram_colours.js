// Every diagram on the page: text colours and what is painted behind each text, and the colours of
// lines, arrowheads and node borders and what is behind them. Paint order in SVG is document
// order, so the shapes behind a point are the filled shapes before it whose box contains it.
// Needs colour_lib.js first.
(() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const NOT_PAINTED = "defs, marker, symbol, clipPath, mask, pattern, title, desc, style";
  const SHAPES = "rect, polygon, circle, ellipse, path";
  const out = [];
  const layoutHidden = host => { const layout = host.closest(".mdx-diagram--wide, .mdx-diagram--narrow");
                                 return !!layout && getComputedStyle(layout).display === "none"; };
  [...document.querySelectorAll(".mdx-diagram")].filter(host => !layoutHidden(host)).forEach((host, index) => {
    const root = host.shadowRoot;
    const svg = root && root.querySelector("svg");
    const title = svg && svg.querySelector("title") ? svg.querySelector("title").textContent.trim() : "";
    const diagram = {index, title, page: mdx.backgrounds(host), texts: [], lines: [], problems: []};
    out.push(diagram);
    if (!svg) { diagram.problems.push("no <svg> in an open shadow root"); return; }
    const box = svg.getBoundingClientRect();
    if (!box.width || !box.height) { diagram.problems.push("the diagram is not displayed (zero size)"); return; }
    const painted = el => !el.closest(NOT_PAINTED) && el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility === "visible" && getComputedStyle(el).display !== "none";
    const fills = [...svg.querySelectorAll(SHAPES)].filter(painted).map(el => {
      const s = getComputedStyle(el);
      const colour = mdx.withAlpha(mdx.rgba(s.fill), parseFloat(s.fillOpacity) * mdx.opacity(el, host));
      return colour && colour[3] > 0 ? {el, colour, rect: el.getBoundingClientRect()} : null;
    }).filter(Boolean);
    // Filled shapes painted before `el` (not `el` itself) whose box contains (x, y), bottom first.
    function behind(el, x, y) {
      return fills.filter(f => f.el !== el && (f.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        !f.el.contains(el) && x >= f.rect.left && x <= f.rect.right && y >= f.rect.top && y <= f.rect.bottom)
        .map(f => ({colour: f.colour, what: mdx.describe(f.el)}));
    }
    function point(el) {
      const r = el.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    }
    // Text: SVG text/tspan and HTML inside foreignObject, each element with its own text.
    const hasOwnText = el => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    for (const el of svg.querySelectorAll("text, tspan, foreignObject *")) {
      if (!hasOwnText(el) || !painted(el)) continue;
      const s = getComputedStyle(el);
      const inHtml = !!el.closest("foreignObject");
      const alpha = mdx.opacity(el, host) * (inHtml ? 1 : parseFloat(s.fillOpacity));
      const fg = mdx.withAlpha(mdx.rgba(inHtml ? s.color : s.fill), alpha);
      if (!fg) { diagram.problems.push(`${mdx.describe(el)}: text fill is ${s.fill}`); continue; }
      const [x, y] = point(el);
      const layers = behind(el, x, y);
      if (inHtml) {
        const fo = el.closest("foreignObject");
        const html = [];
        for (let node = el; node && node !== fo; node = node.parentElement) {
          const bg = mdx.withAlpha(mdx.rgba(getComputedStyle(node).backgroundColor), mdx.opacity(node, host));
          if (bg && bg[3] > 0) html.unshift({colour: bg, what: mdx.describe(node) + " (background)"});
        }
        layers.push(...html);
      }
      diagram.texts.push({what: mdx.describe(el), fg, layers, size: s.fontSize});
    }
    // Lines: every stroked path/line/polyline and every stroked shape (node borders).
    for (const el of svg.querySelectorAll("path, line, polyline, rect, polygon, circle, ellipse")) {
      if (!painted(el)) continue;
      const s = getComputedStyle(el);
      const width = parseFloat(s.strokeWidth);
      const stroke = mdx.withAlpha(mdx.rgba(s.stroke), parseFloat(s.strokeOpacity) * mdx.opacity(el, host));
      if (!stroke || stroke[3] === 0 || !(width > 0)) continue;
      let x, y;
      if (el.getTotalLength && (el.tagName === "path" || el.tagName === "line" || el.tagName === "polyline")) {
        const length = el.getTotalLength();
        const p = el.getPointAtLength(length / 2).matrixTransform(el.getScreenCTM());
        [x, y] = [p.x, p.y];
      } else {
        [x, y] = point(el);
      }
      const kind = el.closest(".node, .actor, .note, .labelBox, .cluster") || /actor|note|labelBox/.test(el.getAttribute("class") || "") ? "border" : "line";
      diagram.lines.push({what: mdx.describe(el), kind, fg: stroke, layers: behind(el, x, y), width: s.strokeWidth});
    }
    // Arrowheads: the markers the lines use, in their fill (or stroke) colour.
    const used = new Set();
    for (const el of svg.querySelectorAll("path, line, polyline")) {
      const s = getComputedStyle(el);
      for (const prop of ["markerStart", "markerEnd", "markerMid"]) {
        const m = /url\("?#([^")]+)"?\)/.exec(s[prop] || "");
        if (m) used.add(m[1]);
      }
    }
    for (const id of used) {
      const marker = root.getElementById(id);
      if (!marker) continue;
      for (const el of marker.querySelectorAll(SHAPES)) {
        const s = getComputedStyle(el);
        const fill = mdx.rgba(s.fill), stroke = mdx.rgba(s.stroke);
        const colour = fill && fill[3] > 0 ? mdx.withAlpha(fill, parseFloat(s.fillOpacity)) : mdx.withAlpha(stroke, parseFloat(s.strokeOpacity));
        if (colour && colour[3] > 0) diagram.lines.push({what: `marker#${id} ${el.tagName.toLowerCase()}`, kind: "arrowhead", fg: colour, layers: [], width: ""});
      }
    }
  });
  return out;
})()
