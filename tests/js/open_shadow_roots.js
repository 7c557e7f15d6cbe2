// Material renders each `pre.mermaid` into a `div.mermaid` host with the SVG in a *closed* shadow
// root, which scripts cannot read. Forcing every shadow root open lets the tests look inside;
// it changes nothing else. (Pre-rendered diagrams use a declarative open shadow root anyway.)
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, {mode: "open"}));
  };
})();
