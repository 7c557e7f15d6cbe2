// Resolves when the page's running CSS transitions and animations have finished (at most 1.5 s).
async () => {
  // Two frames first: Material reacts to focus in its own next frame (search, drawer), and only
  // then do the transitions start.
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await Promise.race([
  Promise.all(document.getAnimations().filter(a => a.playState === "running" &&
    Number.isFinite(a.effect.getComputedTiming().endTime)).map(a => a.finished.catch(() => null))),
  new Promise(resolve => setTimeout(resolve, 1500)),
  ]);
}
