// The meeting view's keys: what a presentation clicker sends (PageDown/PageUp, sometimes the
// arrow keys) and what a keyboard user expects (→ ← space Home End). Sends one step to
// Python; the page moves to the slide. Keys keep their own meaning where they have one: in a
// text field, a list or a menu (arrows, Home, End), and space on a button or link.
const STEG = {
  ArrowRight: "nasta",
  PageDown: "nasta",
  " ": "nasta",
  ArrowLeft: "fore",
  PageUp: "fore",
  Home: "forsta",
  End: "sista",
};
const EGNA_PILAR =
  'input, textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"], ' +
  '[role="option"], [role="menu"], [role="menuitem"], [role="tab"], [role="slider"], ' +
  '[role="radiogroup"], [role="radio"], [role="grid"]';
const EGET_MELLANSLAG = 'button, a, summary, [role="button"], [role="checkbox"], [role="switch"]';

export default function ({ setTriggerValue }) {
  const vidTangent = (handelse) => {
    const steg = STEG[handelse.key];
    if (!steg || handelse.defaultPrevented || handelse.altKey || handelse.ctrlKey ||
        handelse.metaKey || handelse.shiftKey) {
      return;
    }
    const mal = handelse.target instanceof Element ? handelse.target : null;
    if (mal && mal.closest(EGNA_PILAR)) return;
    if (handelse.key === " " && mal && mal.closest(EGET_MELLANSLAG)) return;
    handelse.preventDefault();
    setTriggerValue("steg", steg);
  };
  document.addEventListener("keydown", vidTangent);
  return () => document.removeEventListener("keydown", vidTangent);
}
