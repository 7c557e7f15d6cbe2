// The links in Material's search results.
() => [...document.querySelectorAll(".md-search-result__list a[href]")].map(a => a.href)
