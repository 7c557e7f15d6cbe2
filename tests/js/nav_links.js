// Focus every link in the site navigation in turn; is each shown on screen when focused?
(async () => {
  // The drawer slides in on focus (a CSS transition that starts at once): wait for it, if any.
  // Only what moves the link counts: a transition of one of its containers. Its own colour or
  // opacity fading (Material's 125-370 ms) changes neither where it is nor what covers it.
  const wait = (link) => Promise.all(document.getAnimations().filter(a => a.playState === "running" &&
    Number.isFinite(a.effect.getComputedTiming().endTime) && a.effect.target !== link &&
    a.effect.target.contains(link)).map(a => a.finished.catch(() => null)));
  const out = [];
  const links = [...document.querySelectorAll(".md-tabs a[href], .md-nav--primary a[href]")]
    .filter(a => a.tabIndex >= 0 && !a.closest("[inert]") && a.checkVisibility({visibilityProperty: true}));
  for (const a of links) {
    a.focus({focusVisible: true});
    if (document.activeElement !== a) continue;    // not focusable after all
    getComputedStyle(a).transform;                 // apply :focus-within now, starting any transition
    await wait(a);
    const r = a.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = r.width > 0 && y >= 0 && y < innerHeight && x >= 0 && x < innerWidth ? document.elementFromPoint(x, y) : null;
    out.push({url: new URL(a.getAttribute("href"), location.href).pathname, what: a.outerHTML.slice(0, 100),
              shown: !!hit && (a.contains(hit) || hit.contains(a))});
  }
  return out;
})()
