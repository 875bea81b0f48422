// Reports the first paint exactly as the app's ui/src/lib/firstPaint.ts does: the frame is
// painted right after the next animation-frame callback, so a task queued from it runs
// once the paint is done.
requestAnimationFrame(() => setTimeout(() => window.__TAURI__.core.invoke("first_paint")));
