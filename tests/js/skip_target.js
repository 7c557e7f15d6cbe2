// Where the skip link's target (its href, the argument) is, and whether it sits under the header.
href => { const t = document.getElementById(decodeURIComponent(href.slice(1)));
const r = t.getBoundingClientRect(); return {inContent: !!t.closest('.md-content'), hash: location.hash, top: r.top,
header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }
