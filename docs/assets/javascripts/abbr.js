/* Abbreviations on a touch screen. Each <abbr> carries its expansion as a title (includes/abbreviations.md),
   which shows on hover but never on a tap. A tap (or a click) on an abbreviation now shows its
   expansion right after it, and a second tap hides it; keyboard users are not given extra tab stops. */
(() => {
  "use strict";
  document.addEventListener("click", (event) => {
    const abbr = event.target instanceof Element && event.target.closest("abbr[title]");
    if (!abbr || abbr.closest("a")) return;   // inside a link the tap follows the link
    abbr.classList.toggle("mdx-abbr--open");
  });
})();
