// True once the page has loaded and every expected diagram holds an SVG in its shadow root.
(expected) => {
  if (document.readyState !== "complete") return false;
  if (document.querySelector("pre.mermaid")) return false;
  const hosts = [...document.querySelectorAll("div.mermaid")];
  return hosts.length >= expected && hosts.every(h => h.shadowRoot && h.shadowRoot.querySelector("svg"));
}
