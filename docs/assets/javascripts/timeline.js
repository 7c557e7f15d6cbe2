/* The timeline's filters, for readers with JavaScript (hooks/render/timeline.py draws the page).
   Without it the page still works: "By thread" and "By kind" links filter one way at a time with CSS.
   With it, two menus combine a thread with a kind, a status line says what is shown, years left
   empty are hidden, the choice is kept in the address (?thread=...&kind=...) so it can be shared,
   and an event a link lands on (#its-id) opens. */
(() => {
  "use strict";
  const menus = document.querySelector(".mdx-filter__menus");
  if (!menus) return;
  const events = [...document.querySelectorAll("li.mdx-event")];
  const selects = Object.fromEntries([...menus.querySelectorAll("select")].map((s) => [s.dataset.mdxFilter, s]));
  const live = menus.querySelector(".mdx-filter__live");
  const label = (select) => select.options[select.selectedIndex].text;

  const apply = () => {
    const thread = selects.thread.value, kind = selects.kind.value;
    let shown = 0;
    for (const li of events) {
      const match = (!thread || li.dataset.thread === thread) && (!kind || li.dataset.kind === kind);
      li.hidden = !match;
      shown += match;
    }
    // A year (its heading and list) or a part with no event left is hidden too.
    for (const list of document.querySelectorAll("ol.mdx-timeline")) {
      const empty = ![...list.children].some((li) => !li.hidden);
      list.hidden = empty;
      const heading = list.previousElementSibling;
      if (heading && /^H[2-4]$/.test(heading.tagName)) heading.hidden = empty;
    }
    const what = [thread && `thread \u201c${label(selects.thread)}\u201d`, kind && `kind \u201c${label(selects.kind)}\u201d`].filter(Boolean);
    live.textContent = what.length ? `Showing ${shown} of ${events.length} events: ${what.join(", ")}.`
                                   : `Showing all ${events.length} events.`;
    try {
      const url = new URL(location.href);
      for (const key of ["thread", "kind"]) selects[key].value ? url.searchParams.set(key, selects[key].value) : url.searchParams.delete(key);
      history.replaceState(null, "", url);
    } catch (error) { /* some file:// pages refuse; the filter still works */ }
  };

  const params = new URLSearchParams(location.search);
  for (const key of ["thread", "kind"]) {
    const value = params.get(key);
    if (value && [...selects[key].options].some((o) => o.value === value)) selects[key].value = value;
    selects[key].addEventListener("change", apply);
  }
  menus.hidden = false;
  document.querySelector("nav.mdx-filter").hidden = true;
  apply();

  const openTarget = () => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.matches("li.mdx-event")) {
      target.hidden = false;
      target.querySelector("details").open = true;
    }
  };
  openTarget();
  addEventListener("hashchange", openTarget);
})();
