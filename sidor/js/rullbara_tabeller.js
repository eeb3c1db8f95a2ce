// A table wider than a phone scrolls sideways inside its frame. Keyboard users can only
// scroll what takes focus (WCAG 2.1.1; axe: scrollable-region-focusable), and Streamlit's
// st.table frame does not: give each frame that actually scrolls a tab stop and a name.
const RAM = '[data-testid="stTable"] > div';

// A frame's width changes without a change to the page's elements (an expander opening, a
// window turned): watch each frame's size as well.
const storlek = new ResizeObserver(() => markera());
const sedda = new WeakSet();

function markera() {
  for (const ram of document.querySelectorAll(RAM)) {
    if (!sedda.has(ram)) {
      sedda.add(ram);
      storlek.observe(ram);
    }
    const rullar = ram.scrollWidth > ram.clientWidth + 1;
    if (rullar && !ram.hasAttribute("tabindex")) {
      ram.setAttribute("tabindex", "0");
      ram.setAttribute("role", "region");
      ram.setAttribute("aria-label", "Tabell, rulla i sidled med piltangenterna");
    } else if (!rullar && ram.getAttribute("role") === "region") {
      ram.removeAttribute("tabindex");
      ram.removeAttribute("role");
      ram.removeAttribute("aria-label");
    }
  }
}

export default function () {
  let vantar = false;
  const senare = () => {
    if (!vantar) {
      vantar = true;
      requestAnimationFrame(() => {
        vantar = false;
        markera();
      });
    }
  };
  const observator = new MutationObserver(senare);
  observator.observe(document.body, { childList: true, subtree: true });
  window.addEventListener("resize", senare);
  markera();
  return () => {
    observator.disconnect();
    storlek.disconnect();
    window.removeEventListener("resize", senare);
  };
}
