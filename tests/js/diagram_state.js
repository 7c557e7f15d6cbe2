// Each diagram host: shadow root, SVG, size, <title> and <desc>.
() => ({
  leftover: document.querySelectorAll("pre.mermaid").length,
  hosts: [...document.querySelectorAll("div.mermaid")].map((host, index) => {
    const root = host.shadowRoot;
    const svg = root && root.querySelector("svg");
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    const text = (selector) => {
      const node = svg && svg.querySelector(selector);
      return node ? node.textContent.trim() : "";
    };
    return {index, shadow: !!root, svg: !!svg, width: box.width, height: box.height,
            title: text(":scope > title"), desc: text(":scope > desc")};
  }),
})
