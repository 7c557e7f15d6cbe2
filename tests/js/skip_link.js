// The focused element (the skip link after the first Tab): its text, target, visibility and colours.
// Needs colour_lib.js first.
(() => { const el = document.activeElement; const r = el.getBoundingClientRect();
return {cls: el.className, text: el.textContent.trim(), href: el.getAttribute("href"),
        visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && r.width > 0 && r.top >= 0 && r.bottom <= innerHeight,
        fg: mdx.rgba(getComputedStyle(el).color), layers: mdx.backgrounds(el)}; })()
