// The longest transition and animation of Material's moving parts, and the scroll behaviour.
(() => {
const seconds = v => Math.max(...v.split(',').map(s => s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)));
const out = {};
for (const sel of ['.md-header', '.md-sidebar', '.md-sidebar--primary', '.md-tabs', '.md-search__inner', '.md-top', '.md-nav__link', '.md-typeset details', '.md-skip']) {
  const el = document.querySelector(sel);
  if (!el) continue;
  const s = getComputedStyle(el);
  out[sel] = [seconds(s.transitionDuration), seconds(s.animationDuration), s.scrollBehavior || ''];
}
out.html = [0, 0, getComputedStyle(document.documentElement).scrollBehavior];
return out; })()
