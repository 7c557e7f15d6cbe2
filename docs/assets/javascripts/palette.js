/* The light/dark/automatic palette toggle in the header, in place of Material's palette component
   (overrides/partials/palette.html says why). The palette itself is applied before the first paint:
   a stored choice by Material's inline header script, a first visit by overrides/main.html. This
   script only shows the right toggle button and handles changes, the same way Material does: the
   choice is stored under Material's "__palette" key, Enter moves to the next option, and the
   automatic option follows the system setting when it changes. */
(() => {
  "use strict";
  const form = document.querySelector("[data-mdx-palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input[name='__palette']")];
  const light = matchMedia("(prefers-color-scheme: light)");
  const stored = __md_get("__palette");
  let index = stored ? Math.max(0, Math.min(stored.index, inputs.length - 1))
                     : Math.max(0, inputs.findIndex((input) => matchMedia(input.dataset.mdColorMedia).matches));

  // Check the active option and show only the button that follows it (the one that switches onward).
  // From "automatic", that button skips the scheme already on screen: for a reader whose system is
  // light it switches to dark (it would otherwise switch to light, and the first tap change nothing).
  const labels = inputs.map((input) => input.nextElementSibling instanceof HTMLLabelElement ? input.nextElementSibling : null);
  const original = labels.map((label) => label && {for: label.htmlFor, title: label.title});
  const show = () => inputs.forEach((input, i) => {
    input.checked = i === index;
    const label = labels[i];
    if (!label) return;
    label.hidden = i !== index;
    const skip = input.dataset.mdColorMedia === "(prefers-color-scheme)" && light.matches && labels[i + 1];
    label.htmlFor = skip ? labels[i + 1].htmlFor : original[i].for;
    label.title = skip ? labels[i + 1].title : original[i].title;
  });

  // Apply the active option to <body> (the automatic one resolved against the system) and store it.
  const apply = () => {
    const input = inputs[index];
    const media = input.dataset.mdColorMedia;
    const source = media !== "(prefers-color-scheme)" ? input : form.querySelector(
      `[data-md-color-media="(prefers-color-scheme: ${light.matches ? "light" : "dark"})"]`) || input;
    const color = {media};
    document.body.setAttribute("data-md-color-switching", "");   // no transitions while colours change
    for (const key of ["scheme", "primary", "accent"]) {
      color[key] = source.getAttribute(`data-md-color-${key}`);
      document.body.setAttribute(`data-md-color-${key}`, color[key]);
    }
    requestAnimationFrame(() => requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching")));
    __md_set("__palette", {index, color});
  };

  form.addEventListener("change", (event) => {
    index = Math.max(0, inputs.indexOf(event.target));
    show();
    apply();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const label = labels[index];
    const next = (label && document.getElementById(label.htmlFor)) || inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
  light.addEventListener("change", () => {
    if (inputs[index].dataset.mdColorMedia === "(prefers-color-scheme)") { apply(); show(); }
  });
  show();
})();
