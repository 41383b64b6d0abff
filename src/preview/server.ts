import { watch, type FSWatcher } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { PipelineOptions } from "../pipeline/pipeline.js";
import { pagedPolyfill } from "../print/paged-media.js";
import { CLIENT_SCRIPT } from "./client-script.js";
import {
  ASSET_PREFIX,
  PAGE_LAYOUT_SCRIPT,
  previewPolicy,
  diagnosticsPage,
  reportPage,
  type View,
} from "./page.js";
import { PreviewSession, type ChangeKind } from "./session.js";

/** The preview listens on the loopback interface only: a draft is not for the network. */
export const PREVIEW_HOST = "127.0.0.1";

export interface PreviewOptions {
  pipeline: PipelineOptions;
  /** 0 lets the system choose a free port (the address printed says which). */
  port: number;
  /** One line per event: what changed, how long the update took, what it found. */
  log: (line: string) => void;
}

export interface RunningPreview {
  url: string;
  session: PreviewSession;
  close: () => Promise<void>;
}

/** Raised when the server cannot listen (the port is taken); the CLI prints its message. */
export class PreviewListenError extends Error {
  override name = "PreviewListenError";
}

/** How long to wait for an editor to finish saving (several events per save) before updating. */
const SETTLE_MS = 25;

const HEADERS = {
  "Content-Security-Policy": previewPolicy(),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

/**
 * `report preview`: renders the report once, serves it on 127.0.0.1, and after every saved change to
 * data, year texts, templates or the stylesheet renders again what depends on it and tells open pages
 * to reload (server-sent events). Errors are shown in the page; the server keeps running.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const session = new PreviewSession({ ...options.pipeline, log: () => {} });
  const started = performance.now();
  await session.update("allt");
  options.log(
    `Första visningen klar på ${Math.round(performance.now() - started)} ms (${summary(session)}).`,
  );

  const listeners = new Set<ServerResponse>();
  const broadcast = () => {
    for (const res of listeners) res.write(`event: version\ndata: ${session.state.version}\n\n`);
  };
  let polyfill: string | undefined;

  const server = createServer((req, res) => {
    void respond(req, res).catch((cause: unknown) => {
      if (!res.headersSent) res.writeHead(500, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Internt fel: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    });
  });
  let port = options.port;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this machine, by the names it has for itself (no DNS rebinding from a web page).
    const host = req.headers.host ?? "";
    if (host !== `${PREVIEW_HOST}:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" });
      res.end("Förhandsvisningen svarar bara på 127.0.0.1.\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...HEADERS, Allow: "GET, HEAD" });
      res.end();
      return;
    }
    const url = new URL(req.url ?? "/", `http://${host}`);
    const view: View = url.searchParams.get("vy") === "sidor" ? "sidor" : "webb";
    const send = (type: string, body: string, policy?: string) => {
      res.writeHead(200, {
        ...HEADERS,
        ...(policy && { "Content-Security-Policy": policy }),
        "Content-Type": `${type}; charset=utf-8`,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    const state = session.state;
    switch (url.pathname) {
      case "/":
        return state.kind === "rapport"
          ? send("text/html", reportPage(state, view), previewPolicy(state.html))
          : send("text/html", diagnosticsPage(state, view));
      case "/diagnoser":
        return send("text/html", diagnosticsPage(state, view));
      case `${ASSET_PREFIX}klient.js`:
        return send("text/javascript", CLIENT_SCRIPT);
      case `${ASSET_PREFIX}sidlayout.js`:
        return send("text/javascript", PAGE_LAYOUT_SCRIPT);
      case `${ASSET_PREFIX}paged.js`:
        polyfill ??= await pagedPolyfill();
        return send("text/javascript", polyfill);
      case `${ASSET_PREFIX}handelser`:
        res.writeHead(200, { ...HEADERS, "Content-Type": "text/event-stream; charset=utf-8" });
        res.write(`retry: 500\n\nevent: version\ndata: ${session.state.version}\n\n`);
        listeners.add(res);
        req.on("close", () => listeners.delete(res));
        return;
      case "/favicon.ico":
        res.writeHead(204, HEADERS);
        res.end();
        return;
      default:
        res.writeHead(404, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" });
        res.end("Finns inte.\n");
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (cause: NodeJS.ErrnoException) =>
      reject(
        new PreviewListenError(
          cause.code === "EADDRINUSE"
            ? `Porten ${options.port} används redan. Välj en annan med --port (eller --port 0 för en ledig).`
            : `Kan inte lyssna på ${PREVIEW_HOST}:${options.port}: ${cause.message}`,
          { cause },
        ),
      ),
    );
    server.listen(options.port, PREVIEW_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  // Changes arrive as bursts of events (an editor writes, renames, touches); collect them, then update
  // once. Updates never overlap: a change during an update is handled right after it.
  const pending = new Set<ChangeKind>();
  const files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const onChange = (root: string) => (_event: string, name: string | Buffer | null) => {
    const file = name ? path.join(root, String(name)) : root;
    const kind = name ? session.classify(file) : "data";
    if (!kind) return;
    pending.add(kind);
    files.add(path.relative(process.cwd(), file) || file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const kinds = [...pending];
      const changed = [...files];
      pending.clear();
      files.clear();
      running = running.then(async () => {
        const t0 = performance.now();
        const updated = await session.update(kinds);
        const ms = Math.round(performance.now() - t0);
        options.log(
          `Ändrat: ${changed.join(", ")}; ${updated ? `uppdaterat på ${ms} ms` : "ingen skillnad i rapporten"} (${summary(session)}).`,
        );
        if (updated) broadcast();
      });
    }, SETTLE_MS);
  };
  const watchers: FSWatcher[] = [session.templateDir, options.pipeline.dataDir].map((dir) =>
    watch(dir, { recursive: true }, onChange(dir)),
  );

  return {
    url: `http://${PREVIEW_HOST}:${port}/`,
    session,
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await running;
      for (const res of listeners) res.end();
      listeners.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function summary(session: PreviewSession): string {
  const state = session.state;
  if (state.kind === "fel" && state.internal) return "internt fel, visas i sidan";
  const errors = state.diagnostics.filter((d) => d.severity === "fel").length;
  const warnings = state.diagnostics.length - errors;
  return `${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}${errors > 0 ? "; felen visas i sidan" : ""}`;
}
