// The glossary's definition list: each term, its definition, and whether both are visible.
(() => [...document.querySelectorAll('.md-content dl > dt')].map(dt => {
  const dd = dt.nextElementSibling; const visible = e => !!e && e.checkVisibility({opacityProperty: true, visibilityProperty: true}) && e.getBoundingClientRect().height > 0;
  return {term: dt.textContent.trim(), definition: dd && dd.tagName === 'DD' ? dd.textContent.trim() : '', visible: visible(dt) && visible(dd)};
}))()
