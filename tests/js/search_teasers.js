// Material's search results as a reader sees them: for each page listed, in order, every result
// (the page, then its sections) with its title and teaser, the text shown under the title.
() => [...document.querySelectorAll(".md-search-result__list > li.md-search-result__item")].map(li =>
  [...li.querySelectorAll("article.md-search-result__article")].map(article => {
    const teaser = article.cloneNode(true);
    teaser.querySelectorAll("h1, h2, .md-search-result__icon, .md-search-result__terms, .md-tags").forEach(e => e.remove());
    const heading = article.querySelector("h1, h2");
    return {href: article.closest("a") ? article.closest("a").href : "",
            title: heading ? heading.textContent.trim() : "",
            score: parseFloat(article.dataset.mdScore || "0"),   // 0: a page shown only as the parent of its matching sections
            teaser: teaser.textContent.replace(/\s+/g, " ").trim()};
  }))
