import { api } from "./api";

let reported = false;

/**
 * Tells the app that the first screen, with its data, is on the glass; `cargo xtask bench`
 * measures up to here. The frame that shows it is painted right after the next
 * animation-frame callback, so a task queued from that callback runs once the paint is done.
 * Only the first call counts.
 */
export function reportFirstPaint(): void {
  if (reported) return;
  reported = true;
  requestAnimationFrame(() => setTimeout(() => void api.firstPaint().catch(() => {})));
}
