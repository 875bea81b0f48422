// Keyboard focus: what can take it, and where it goes when what had it disappears.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The elements inside `root` that Tab stops at, in document order. */
export function focusables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest("[inert]") && el.getClientRects().length > 0,
  );
}

/** Moves focus to the heading of what `main` shows now: a view's own heading
 * (`data-view-heading`) when it has one, else the area's first heading. */
export function focusViewHeading(main: ParentNode | null): boolean {
  if (!main) return false;
  const heading =
    main.querySelector<HTMLElement>("[data-view-heading]") ?? main.querySelector<HTMLElement>("h2, h3");
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  heading.focus();
  return true;
}

/** The nearest control around `el` that can take the focus instead of it. */
function nearestFocusable(el: HTMLElement): HTMLElement | null {
  for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
    const near = focusables(box).find((f) => f !== el);
    if (near) return near;
  }
  return null;
}

/** When the focused element leaves the page (the button that opened another view, a
 * dialog's button as it closes) or is disabled under the user's hands ("Volgende" on
 * the last cell), focus would fall to the page body and a keyboard or screen-reader
 * user would start again from the top. This puts it on the nearest control beside a
 * disabled one, or on the new view's heading, unless something else (a dialog restoring
 * focus) took it first. (Browsers differ on whether these fire `focusout`, so this
 * watches the page instead.) */
export function keepFocusInView(main: () => HTMLElement | null): () => void {
  let last: HTMLElement | null = null;
  let pending = false;
  const lost = (el: HTMLElement) => !el.isConnected || (el as HTMLButtonElement).disabled === true;
  const onfocusin = (e: FocusEvent) => {
    if (e.target instanceof HTMLElement) last = e.target;
  };
  const observer = new MutationObserver(() => {
    if (pending || !last || !lost(last)) return;
    pending = true;
    // Give the page a frame to finish its update (and a dialog to restore focus).
    requestAnimationFrame(() => {
      pending = false;
      const gone = last;
      if (!gone || !lost(gone)) return;
      const active = document.activeElement;
      if (active && active !== document.body && active !== gone && active.isConnected) return;
      last = null;
      const near = gone.isConnected ? nearestFocusable(gone) : null;
      if (near) near.focus();
      else focusViewHeading(main());
    });
  });
  document.addEventListener("focusin", onfocusin);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
  return () => {
    document.removeEventListener("focusin", onfocusin);
    observer.disconnect();
  };
}
