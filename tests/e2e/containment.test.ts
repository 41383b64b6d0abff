import dgram from "node:dgram";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";
import { runBuild, runRender } from "../../src/pipeline/pipeline.js";
import { startBrowser } from "../../src/print/pdf.js";
import { pdfText, requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites();

/** A loopback listener that counts every TCP connection and UDP datagram it receives. */
async function listener() {
  const hits: string[] = [];
  const tcp = net.createServer((socket) => {
    hits.push("tcp");
    socket.destroy();
  });
  await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  const port = (tcp.address() as net.AddressInfo).port;
  const udp = dgram.createSocket("udp4");
  udp.on("message", () => hits.push("udp"));
  await new Promise<void>((resolve) => udp.bind(port, "127.0.0.1", resolve));
  const close = async () => {
    await new Promise((resolve) => tcp.close(resolve));
    udp.close();
  };
  return { hits, port, close };
}

/** Everything a page can do to reach out that request interception does not see. */
const hostileHead = (at: string) =>
  `<link rel="prefetch" href="http://${at}/prefetch"><link rel="preconnect" href="http://${at}">`;
const hostileScript = (at: string) => `
try { new WebSocket("ws://${at}/sida"); } catch {}
try { new Worker(URL.createObjectURL(new Blob(["new WebSocket('ws://${at}/worker')"], { type: "text/javascript" }))); } catch {}
try { window.open("http://${at}/fonster"); } catch {}
try {
  const pc = new RTCPeerConnection({ iceServers: [{ urls: "stun:${at}" }, { urls: "turn:${at}?transport=tcp", username: "a", credential: "b" }] });
  pc.createDataChannel("x");
  pc.createOffer().then((offer) => pc.setLocalDescription(offer));
} catch {}
try { fetch("http://localhost:${at.split(":")[1]}/fetch"); } catch {}
`;

describe.skipIf(!ready)("webbläsaren är instängd", () => {
  let net_: Awaited<ReturnType<typeof listener>>;
  beforeAll(async () => {
    net_ = await listener();
  });
  afterAll(() => net_.close());

  it("en sida utan säkerhetspolicy når ingen lyssnare: WebSocket (sida och Worker), window.open, RTCPeerConnection, prefetch, preconnect", async () => {
    const at = `127.0.0.1:${net_.port}`;
    const { browser } = await startBrowser();
    try {
      const page = await browser.newPage();
      // No policy on this page: only the browser's own containment stands between it and the listener.
      await page.setContent(
        `<html><head>${hostileHead(at)}</head><body><script>${hostileScript(at)}</script></body></html>`,
      );
      const ran = await page.evaluate(() => typeof RTCPeerConnection);
      expect(ran).toBe("function"); // the script ran; the attempts were made
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      await browser.close();
    }
    expect(net_.hits).toEqual([]);
  });

  it("en mall som försöker nå ut: bygget misslyckas med ett fel per adress, ingen anslutning, inget skrivs", async () => {
    const at = `127.0.0.1:${net_.port}`;
    const templates = tempDirWith({});
    const out = tempDirWith({});
    try {
      cpSync(path.join(REPO_ROOT, "templates"), templates.dir, { recursive: true });
      const layout = path.join(templates.dir, "rapport.html.hbs");
      writeFileSync(
        layout,
        // The script stands in <head>: the print copy keeps the body inert in Paged.js's source
        // template until it is laid out, so a script in the body would not run there at all.
        readFileSync(layout, "utf8").replace(
          "</head>",
          `${hostileHead(at)}\n<script>${hostileScript(at)}</script>\n</head>`,
        ),
      );
      const result = await runBuild({
        rapportar: 2024,
        dataDir: REPO_DATA,
        outDir: out.dir,
        templateDir: templates.dir,
        strict: false,
        log: () => {},
      });
      expect(net_.hits).toEqual([]);
      expect(result.status).toBe("failed");
      const blocked = result.diagnostics.filter((d) => d.code === "E_EXTERN_RESURS");
      expect(blocked.length).toBeGreaterThan(0);
      expect(blocked.every((d) => d.severity === "fel" && d.file.endsWith("rapport.html.hbs"))).toBe(true);
      const urls = blocked.map((d) => d.found);
      expect(new Set(urls).size).toBe(urls.length); // each address once
      expect(urls).toEqual(
        expect.arrayContaining([
          `http://${at}/prefetch`,
          `ws://${at}/sida`,
          `http://${at}/fonster`,
          expect.stringMatching(/^blob:/), // the worker, refused by the page's policy
        ]),
      );
      expect(readdirSync(out.dir)).toEqual([]);
    } finally {
      templates.cleanup();
      out.cleanup();
    }
  });
});

describe.skipIf(!ready)("data blir aldrig levande skript", () => {
  const payload = `Öppen"}</style><script>document.title="KAPAD";window.kapad=1</script><style>x{`;
  let data: TempDir;
  let out: TempDir;
  beforeAll(() => {
    data = tempDirWith({});
    out = tempDirWith({});
    cpSync(REPO_DATA, data.dir, { recursive: true });
    const file = path.join(data.dir, "2023", "rapport.csv");
    writeFileSync(
      file,
      // Quoted as a CSV field, so the whole payload (semicolon included) is the value.
      readFileSync(file, "utf8").replace(
        /^informationsklass;[^;\n]*/m,
        () => `informationsklass;"${payload.replace(/"/g, '""')}"`,
      ),
    );
  });
  afterAll(() => {
    data.cleanup();
    out.cleanup();
  });

  it("informationsklassen står som text i sidan och når inte stilmallen: sidan har inget skript och en säkerhetspolicy", async () => {
    const rendered = await runRender({
      rapportar: 2024,
      dataDir: data.dir,
      outDir: out.dir,
      strict: false,
      log: () => {},
    });
    assert(rendered.ok, "rendering failed");
    const html = rendered.html;
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none';[^"]*connect-src 'none'/,
    );
    const file = path.join(out.dir, "rapport.html");
    writeFileSync(file, html);
    const { browser } = await startBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      expect(await page.evaluate(() => (window as unknown as { kapad?: number }).kapad)).toBeUndefined();
      expect(await page.title()).not.toBe("KAPAD");
      // The running head takes the value from the page (string-set), where it is text: no value from
      // data reaches the stylesheet at all.
      const css = await page.evaluate(() =>
        Array.from(document.styleSheets)
          .flatMap((s) => Array.from(s.cssRules))
          .map((r) => r.cssText)
          .join("\n"),
      );
      expect(css).not.toContain("KAPAD");
      const shown = await page.evaluate(
        () => document.querySelector(".omslag-informationsklass")?.textContent,
      );
      expect(shown).toContain('</style><script>document.title="KAPAD"');
    } finally {
      await browser.close();
    }
  });

  it("i PDF:en står värdet som text i sidhuvudet och skriptet körs inte", async () => {
    const result = await runBuild({
      rapportar: 2024,
      dataDir: data.dir,
      outDir: out.dir,
      strict: false,
      log: () => {},
    });
    assert(result.status === "built", "the build failed");
    const text = pdfText(result.pdfPath);
    expect(text).toContain('Informationsklass Öppen"}</style><script>');
    expect(text).toContain("Sammanfattning");
  });
});
