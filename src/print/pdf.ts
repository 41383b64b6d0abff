import type { Browser, CDPSession, Page, Target } from "puppeteer-core";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { InterruptedError, throwIfInterrupted } from "../model/interrupted.js";
import {
  PrintFailedError,
  findBrowser,
  launchFailureMessage,
  sandboxDisabledByUser,
  type FoundBrowser,
} from "./browser.js";
import {
  PAGED_MEDIA_CSS,
  PAGED_MEDIA_HANDLERS,
  asPagedSource,
  pagedPolyfill,
  toPrintCopy,
} from "./paged-media.js";
import { withPrintFonts } from "./print-fonts.js";
import { withContentSecurityPolicy } from "../model/page-security.js";

/**
 * The browser itself is contained, not only the page's requests (request interception does not see
 * WebSockets, workers, preconnects or WebRTC): every host name resolves to nothing, every connection
 * goes through a proxy that does not exist (loopback included), WebRTC may not use UDP outside that
 * proxy, and no new window can open. A page that tries anything still reaches no one.
 */
export const CONTAINMENT_ARGS = [
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--proxy-server=http://ingen-proxy.invalid:9",
  "--proxy-bypass-list=<-loopback>",
  "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
  "--webrtc-ip-handling-policy=disable_non_proxied_udp",
  "--block-new-web-contents",
  "--dns-prefetch-disable",
];

/** Flags for a headless browser that must not reach the network on its own (or wait for it). */
export const CHROMIUM_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-gpu",
  "--font-render-hinting=none",
  ...CONTAINMENT_ARGS,
];

export interface PrintResult {
  pdf: Uint8Array;
  /** Where printing spent its time, in milliseconds: starting the browser, laying out pages, writing the PDF. */
  timings: { start: number; layout: number; pdf: number };
  browser: FoundBrowser;
  diagnostics: Diagnostic[];
  /** The page as it was printed (footnotes at the foot of pages): what the PDF's tags come from. */
  printCopy: string;
  /** For each printed table in document order, whether it continues a table from the page before. */
  tableContinuations: boolean[];
  /**
   * Settles when the browser has exited (at once when it is kept for the next print): closing Chromium
   * takes about 0.15 s, which the build spends on the PDF's post-processing instead of waiting. Whoever
   * prints awaits it before finishing, so no browser outlives the command.
   */
  closed: Promise<void>;
}

/** Puppeteer is loaded only when a command prints: `report check` never pays for it. */
function launchArgs(): string[] {
  // Chromium refuses to start its sandbox as root (containers, CI); anyone else only when asked to.
  const noSandbox = process.getuid?.() === 0 || sandboxDisabledByUser();
  return noSandbox ? [...CHROMIUM_ARGS, "--no-sandbox"] : [...CHROMIUM_ARGS];
}

async function launch(found: FoundBrowser): Promise<Browser> {
  // puppeteer-core: the launcher alone loads in about half the time of `puppeteer`, which adds its
  // download machinery and configuration loading; that is only needed to find a downloaded browser.
  const puppeteer = (await import("puppeteer-core")).default;
  const args = launchArgs();
  // Signals are ours to handle (printPdf closes the browser and reports the interruption).
  return puppeteer.launch({
    executablePath: found.executablePath,
    headless: true,
    args,
    // Talk over a pipe rather than a socket: if this process dies (even by SIGKILL), the pipe closes
    // and Chromium exits instead of lingering as an orphan.
    pipe: true,
    // The build opens its own page; waiting for Chromium's first blank page only adds a way to fail
    // (a renderer lost at start-up would hold the launch until puppeteer's timeout).
    waitForInitialPage: false,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** How long a browser may take to start before it counts as failed; generous for a busy machine. */
const LAUNCH_TIMEOUT_MS = 60_000;

/**
 * Puppeteer's launch can wait forever on a browser that dies during the handshake (no timer left, so
 * Node exits 13 without a word). A deadline turns that into a launch failure; a browser that starts
 * after all is closed again.
 */
function launchWithin(found: FoundBrowser, timeoutMs: number): Promise<Browser> {
  const launching = launch(found);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void launching.then((late) => late.close()).catch(() => {});
      reject(new Error(`den svarade inte inom ${timeoutMs / 1000} s.`));
    }, timeoutMs);
  });
  return Promise.race([launching, deadline]).finally(() => clearTimeout(timer));
}

async function puppeteerCachePath(): Promise<string | undefined> {
  try {
    const puppeteer = (await import("puppeteer")).default;
    return puppeteer.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * Prints the report's HTML to PDF. Only the page itself (inline, with fonts as data URIs) may load;
 * any other request is blocked and reported as a warning naming what asked for it. The browser is
 * closed on every path: when printing fails, and at once when `signal` aborts (Ctrl-C).
 */
/** A browser started ahead of printing, and how long starting it took. */
export interface StartedBrowser {
  found: FoundBrowser;
  browser: Browser;
  startMs: number;
  /**
   * The page the next print will use, opened as soon as the browser is up (and, in a process that
   * prints more than once, again after each print), so that no print waits for a page to open.
   */
  nextPage?: Promise<PrintPage>;
}

/** How the page's layout ended (`__pagedLayout` in PAGED_MEDIA_HANDLERS). */
interface PagedLayout {
  error?: string;
  tableContinuations?: boolean[];
}

/** A page contained for printing, and every address it tried to reach (with how), once each. */
interface PrintPage {
  page: Page;
  refused: Map<string, string>;
  crashed: boolean;
}

/**
 * Opens a page that may load only what it is given (inline, fonts as data URIs): any other request
 * is blocked and remembered, to be reported by the print that uses the page. Paged.js is loaded into
 * the blank page already: the report's content replaces the document but not the window, so the library
 * is there when the content is, and loading it (half a megabyte to hand over and compile) is done while
 * the chapters are rendered, or while --watch waits for the next change, instead of in every print.
 */
async function openPrintPage(browser: Browser): Promise<PrintPage> {
  const [page, polyfill] = await Promise.all([browser.newPage(), pagedPolyfill()]);
  const opened: PrintPage = { page, refused: new Map(), crashed: false };
  page.on("error", () => {
    opened.crashed = true;
  });
  const refuse = (url: string, how: string) => {
    if (!opened.refused.has(url)) opened.refused.set(url, how);
  };
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") {
      void request.continue();
      return;
    }
    refuse(url, "hämta");
    void request.abort("blockedbyclient");
  });
  // What interception does not see (WebSockets, preconnects, workers) the page's policy refuses or
  // the contained browser fails to reach; Chromium logs each attempt with its address.
  const cdp = await page.createCDPSession();
  cdp.on("Network.webSocketCreated", (event) => refuse(event.url, "öppna en WebSocket till"));
  cdp.on("Log.entryAdded", ({ entry }) => {
    if (entry.source !== "security" && entry.source !== "network") return;
    const url = /'([a-z][a-z0-9+.-]*:[^']+)'/.exec(entry.text)?.[1] ?? entry.url;
    if (url && !url.startsWith("data:")) refuse(url, "ansluta till");
  });
  await cdp.send("Network.enable");
  await cdp.send("Log.enable");
  await page.addScriptTag({ content: polyfill });
  return opened;
}

/** Opens the next print's page in the background; a failure shows when that print opens its own. */
function openNextPage(started: StartedBrowser): void {
  started.nextPage = openPrintPage(started.browser);
  started.nextPage.catch(() => undefined);
}

/** How long a print waits for the page opened ahead before it opens its own. */
const AHEAD_PAGE_WAIT_MS = 10_000;

/**
 * The page opened ahead for this print if it is still usable, otherwise a new one. A renderer that
 * crashed while the page was opening ahead (before this print watched for crashes) could leave it
 * unanswered, so the wait is bounded; a page that arrives too late is closed.
 */
async function takePrintPage(started: StartedBrowser): Promise<PrintPage> {
  const opening = started.nextPage;
  started.nextPage = undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), AHEAD_PAGE_WAIT_MS);
  });
  const ahead = opening && (await Promise.race([opening.catch(() => undefined), late]));
  clearTimeout(timer);
  if (ahead && !ahead.crashed && !ahead.page.isClosed()) return ahead;
  void opening?.then((page) => page.page.close()).catch(() => undefined);
  return openPrintPage(started.browser);
}

/**
 * Finds and starts the browser. The build calls it as soon as the data has passed the checks, so the
 * browser starts while the chapters are being rendered; `printPdf` closes it.
 */
export async function startBrowser(): Promise<StartedBrowser> {
  const started = performance.now();
  let found: FoundBrowser;
  try {
    found = findBrowser();
  } catch {
    // Only without a system browser is Puppeteer's own cache consulted (and `puppeteer` loaded).
    const cachePath = await puppeteerCachePath();
    found = findBrowser({ puppeteerCachePath: () => cachePath });
  }
  try {
    const browser: StartedBrowser = {
      found,
      browser: await launchWithin(found, LAUNCH_TIMEOUT_MS),
      startMs: performance.now() - started,
    };
    openNextPage(browser);
    return browser;
  } catch (cause) {
    throw new PrintFailedError(launchFailureMessage(found.executablePath, launchArgs(), cause), { cause });
  }
}

export async function printPdf(
  html: string,
  sourceName: string,
  signal?: AbortSignal,
  /** A browser already starting (see startBrowser); by default one is started here. */
  starting: Promise<StartedBrowser> = startBrowser(),
  /** Leave the browser running for the next print (`--watch`, `preview`); only the page is closed. Default `false`. */
  keepBrowser = false,
): Promise<PrintResult> {
  const diagnostics: Diagnostic[] = [];
  let browser: Browser | undefined;
  let printPage: PrintPage | undefined;
  let onPopup: ((target: Target) => void) | undefined;
  const closeOnAbort = () => void browser?.close();
  let pageCrashed = false;
  let crashWatch: CDPSession | undefined;
  signal?.addEventListener("abort", closeOnAbort);
  const timings = { start: 0, layout: 0, pdf: 0 };
  let printed: PrintResult | undefined;
  let mark = performance.now();
  const lap = (key: keyof typeof timings) => {
    const now = performance.now();
    timings[key] += now - mark;
    mark = now;
  };
  try {
    // The page is made ready before the browser is awaited, so that this work overlaps its start.
    // The print copy: footnotes as page floats, laid out into pages by Paged.js (see paged-media.ts).
    // Its policy also admits the layout script injected below, by its hash, and nothing else (Paged.js
    // itself is in the page before the content, see openPrintPage).
    const printCopy = toPrintCopy(html);
    const content = withContentSecurityPolicy(
      asPagedSource(await withPrintFonts(printCopy)).replace(
        "</head>",
        `<style>${PAGED_MEDIA_CSS}</style>\n</head>`,
      ),
      [PAGED_MEDIA_HANDLERS],
    );
    const started = await starting;
    browser = started.browser;
    throwIfInterrupted(signal);
    // A crashed page (its renderer killed, out of memory) answers nothing: every call, opening the page
    // included, would wait for the protocol's timeout (three minutes). Closing the browser ends them.
    const crashed = () => {
      pageCrashed = true;
      void browser?.close();
    };
    crashWatch = await browser.target().createCDPSession();
    crashWatch.on("Target.targetCrashed", crashed);
    await crashWatch.send("Target.setDiscoverTargets", { discover: true });
    const opened = await takePrintPage(started);
    printPage = opened;
    const page = opened.page;
    page.on("error", crashed);
    lap("start");
    // The launch itself may have run while the chapters were rendered; report what it cost.
    timings.start = Math.max(timings.start, started.startMs);
    // A window the page opens is closed at once (it would also stall the layout, which waits for frames).
    onPopup = (target: Target) => {
      if (target.opener() !== page.target()) return;
      if (!opened.refused.has(target.url())) opened.refused.set(target.url(), "öppna ett fönster mot");
      void target.page().then((popup) => popup?.close());
    };
    browser.on("targetcreated", onPopup);
    await page.setContent(content, { waitUntil: "load" });
    // Injected after the content: the handlers load every face and start the layout (see paged-media.ts).
    await page.addScriptTag({ content: PAGED_MEDIA_HANDLERS });
    const layout = await page.evaluate(
      (ms: number) =>
        Promise.race([
          (window as unknown as { __pagedLayout: Promise<PagedLayout> }).__pagedLayout,
          new Promise<PagedLayout>((resolve) =>
            setTimeout(() => resolve({ error: `ingen sidlayout inom ${ms / 1000} s` }), ms),
          ),
        ]),
      120_000,
    );
    if (layout.error !== undefined) throw new Error(`Sidlayouten (Paged.js) misslyckades: ${layout.error}`);
    const tableContinuations = layout.tableContinuations ?? [];
    lap("layout");
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
    });
    lap("pdf");
    // Every attempt to reach outside the page is an error, reported once per address.
    for (const [url, how] of opened.refused)
      diagnostics.push({
        code: "E_EXTERN_RESURS",
        severity: "fel",
        file: sourceName,
        found: url,
        message: `Sidan försökte ${how} "${url}"; det blockerades. Rapporten får bara använda det bygget självt skrivit.`,
      });
    printed = {
      pdf,
      browser: started.found,
      diagnostics,
      timings,
      printCopy,
      tableContinuations,
      closed: Promise.resolve(),
    };
    return printed;
  } catch (cause) {
    if (signal?.aborted) throw new InterruptedError("Utskriften avbröts.", { cause });
    if (pageCrashed)
      throw new PrintFailedError(
        "Sidan kraschade i webbläsaren under utskriften (dess process avslutades, till exempel av minnesbrist).",
        { cause },
      );
    if (cause instanceof PrintFailedError || !browser?.connected) {
      throw cause instanceof PrintFailedError
        ? cause
        : new PrintFailedError("Webbläsaren avslutades oväntat under utskriften.", { cause });
    }
    throw cause;
  } finally {
    signal?.removeEventListener("abort", closeOnAbort);
    if (onPopup) browser?.off("targetcreated", onPopup);
    await crashWatch?.detach().catch(() => undefined);
    if (keepBrowser) {
      // Not waited for: the next print has its own page, opened below.
      void printPage?.page.close().catch(() => undefined);
      const started = await starting.catch(() => undefined);
      if (started?.browser.connected && !signal?.aborted) openNextPage(started);
    } else if (browser) {
      const closing = browser.close().catch(() => undefined);
      // A print that failed closes its browser before it reports; one that succeeded hands the closing on.
      if (printed) printed.closed = closing;
      else await closing;
    }
  }
}
