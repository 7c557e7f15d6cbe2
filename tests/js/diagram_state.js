// Each diagram host: shadow root, SVG, size, <title> and <desc>.
() => ({
  leftover: document.querySelectorAll("pre.mermaid").length,
  // A diagram with a wide and a narrow layout shows one of them at a time; the other, hidden by the
  // layout CSS on the host (hooks/diagrams/prerender.py) or on its wrapper (hooks/diagrams/phone_variants.py),
  // is not a diagram on this screen.
  hosts: [...document.querySelectorAll("div.mermaid")].filter(host => {
      const layout = host.closest(".mdx-diagram--wide, .mdx-diagram--narrow");
      return !(layout && getComputedStyle(layout).display === "none");
    }).map((host, index) => {
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
