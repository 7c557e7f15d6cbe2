// The page language and its visible headings as [level, text].
(() => [document.documentElement.lang,
[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(h => !h.closest('[hidden], [aria-hidden=true]') && h.checkVisibility())
  .map(h => [Number(h.tagName[1]), h.textContent.trim().replace(/\s*¶$/, '').slice(0, 60)])])()
