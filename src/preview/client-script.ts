/**
 * The live-reload client, served as a file (`/__forhandsvisning/klient.js`) so that it runs under the
 * preview's Content-Security-Policy without inline script. It listens to the server's event stream and,
 * when the version differs from the one the page shows, fetches the page again. In the web view, when
 * only the report's body changed (a year text, a figure), it puts the new body in place of the old: no
 * navigation, no second parse of the stylesheet and the embedded fonts, the reader's place kept, about a
 * third of the time from saving to seeing. Anything else (the page view, which Paged.js lays out; a new
 * stylesheet, which the page's policy would refuse; errors in place of the report) reloads the page,
 * keeping the reader's place. It adds a small bar to switch between the web view and the page view,
 * with the count of warnings. Styles are set through the CSSOM, which the policy allows.
 */
export const CLIENT_SCRIPT = `"use strict";
(() => {
  const MARKER = 'meta[name="report-forhandsvisning"]';
  const meta = document.querySelector(MARKER);
  if (!meta) return;
  let version = meta.content;
  const view = meta.dataset.vy === "sidor" ? "sidor" : "webb";
  const place = "report-forhandsvisning:" + location.pathname + location.search;
  const paged = () => view !== "sidor" || window.__pagedDone === true || window.__pagedError !== undefined;

  const reload = () => {
    sessionStorage.setItem(place, String(window.scrollY));
    location.reload();
  };
  // The head as served, less the marker (which names the version): equal heads mean only the body changed.
  const head = (doc) =>
    [...doc.head.children].filter((e) => !e.matches(MARKER)).map((e) => e.outerHTML).join("\\n");
  const servedHead = head(document);
  const update = async () => {
    const response = await fetch(location.href, { cache: "no-store" });
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const nextMeta = next.querySelector(MARKER);
    if (!response.ok || !nextMeta || head(next) !== servedHead) return reload();
    if (nextMeta.content === version) return;
    document.body.replaceWith(document.adoptNode(next.body));
    for (const name of ["content", "data-fel", "data-varningar"]) meta.setAttribute(name, nextMeta.getAttribute(name));
    version = nextMeta.content;
    bar();
    document.documentElement.dataset.forhandsvisning = version;
  };
  let updating = Promise.resolve();
  const events = new EventSource("/__forhandsvisning/handelser");
  events.addEventListener("version", (event) => {
    if (event.data === version) return;
    if (view === "sidor" || location.pathname !== "/") return reload();
    // One update at a time; each fetches the newest page, so a burst of versions ends on the last.
    updating = updating.then(update).catch(reload);
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
