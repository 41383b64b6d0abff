/**
 * The live-reload client, served as a file (`/__forhandsvisning/klient.js`) so that it runs under the
 * preview's Content-Security-Policy without inline script. It listens to the server's event stream and
 * reloads when the version differs from the one the page was rendered at, keeping the reader's place;
 * it adds a small bar to switch between the web view and the page view, with the count of warnings.
 * Styles are set through the CSSOM, which the policy allows.
 */
export const CLIENT_SCRIPT = `"use strict";
(() => {
  const meta = document.querySelector('meta[name="report-forhandsvisning"]');
  if (!meta) return;
  const version = meta.content;
  const view = meta.dataset.vy === "sidor" ? "sidor" : "webb";
  const place = "report-forhandsvisning:" + location.pathname + location.search;
  const paged = () => view !== "sidor" || window.__pagedDone === true || window.__pagedError !== undefined;

  const events = new EventSource("/__forhandsvisning/handelser");
  events.addEventListener("version", (event) => {
    if (event.data === version) return;
    sessionStorage.setItem(place, String(window.scrollY));
    location.reload();
  });
  // Firefox and Chromium close the stream on unload anyway; closing it first avoids a logged error.
  addEventListener("pagehide", () => events.close());

  const bar = () => {
    const nav = document.createElement("nav");
    nav.setAttribute("aria-label", "Förhandsvisning");
    nav.className = "forhandsvisning";
    Object.assign(nav.style, {
      position: "fixed", top: "0.5rem", right: "0.5rem", zIndex: "2147483647", display: "flex",
      gap: "0.25rem", alignItems: "center", padding: "0.25rem", background: "rgba(255,255,255,0.95)",
      border: "1px solid #8a94a6", borderRadius: "4px", font: "13px/1.3 system-ui, sans-serif",
      boxShadow: "0 1px 3px rgba(0,0,0,0.2)",
    });
    const link = (href, text, current) => {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      if (current) a.setAttribute("aria-current", "page");
      Object.assign(a.style, {
        padding: "0.2rem 0.5rem", borderRadius: "3px", textDecoration: "none",
        color: current ? "white" : "#1a3a6e", background: current ? "#1a3a6e" : "transparent",
      });
      nav.append(a);
    };
    const onReport = location.pathname === "/";
    link("/?vy=webb", "Webbvy", onReport && view === "webb");
    link("/?vy=sidor", "Sidvy", onReport && view === "sidor");
    const errors = Number(meta.dataset.fel), warnings = Number(meta.dataset.varningar);
    const count = errors > 0 ? errors + " fel" : warnings + (warnings === 1 ? " varning" : " varningar");
    link("/diagnoser?vy=" + view, count, location.pathname === "/diagnoser");
    document.body.append(nav);
  };
  const restore = () => {
    const y = sessionStorage.getItem(place);
    sessionStorage.removeItem(place);
    if (y !== null) window.scrollTo(0, Number(y));
  };
  // Pages on a grey desk. Set through the CSSOM after Paged.js has laid out the pages: a stylesheet in the
  // page would be taken in (and rewritten) by Paged.js with the report's own.
  const desk = () => {
    if (view !== "sidor") return;
    for (const element of [document.documentElement, document.body]) element.style.background = "#d9dce1";
    for (const page of document.querySelectorAll(".pagedjs_page"))
      Object.assign(page.style, { background: "white", margin: "16px auto", boxShadow: "0 1px 4px rgba(0,0,0,0.3)" });
  };
  const ready = () => {
    if (!paged()) return void setTimeout(ready, 50);
    desk();
    bar();
    restore();
    document.documentElement.dataset.forhandsvisning = version;
  };
  ready();
})();
`;
