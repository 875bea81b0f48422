import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";

// The end-to-end tests assert that the strict CSP never had to block anything.
declare global {
  interface Window {
    __cspViolations: string[];
  }
}
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

export default mount(App, { target: document.getElementById("app")! });
