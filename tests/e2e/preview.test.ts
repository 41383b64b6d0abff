import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { spawnReport } from "../helpers/cli.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites([]);

/** Page text with Swedish number spacing made plain ("2 175"). */
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");

describe.skipIf(!ready)("report preview", () => {
  let temp: TempDir;
  let data: string;
  let child: ReturnType<typeof spawnReport>;
  let exited: Promise<number | null>;
  let stdout = "";
  let url = "";
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const waitForOutput = (pattern: RegExp, timeoutMs = 90_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`väntade på ${pattern}; fick:\n${stdout}`)), timeoutMs);
      const check = () => {
        const m = pattern.exec(stdout);
        if (m) {
          clearTimeout(timer);
          child.stdout.off("data", check);
          resolve(m);
        }
      };
      child.stdout.on("data", check);
      check();
    });
  const served = async (pathname = "/") => {
    const res = await fetch(new URL(pathname, url));
    return { res, text: plain(await res.text()) };
  };
  /** Waits (no time limit asserted, only the test's) until the open page has reloaded and shows `text`. */
  const pageShows = (text: string) =>
    page.waitForFunction(
      (t) => document.body.innerText.replace(/[\u00a0\u202f\u2009]/g, " ").includes(t),
      { timeout: 60_000 },
      text,
    );

  beforeAll(async () => {
    temp = tempDirWith({});
    data = path.join(temp.dir, "data");
    cpSync(REPO_DATA, data, { recursive: true });
    child = spawnReport(["preview", "2024", "--data", data, "--port", "0"]);
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    exited = new Promise((resolve) => child.on("exit", resolve));
    url = (await waitForOutput(/Förhandsvisningen: (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
    await waitForOutput(/Ctrl-C avslutar/);
    // A plain browser, as an editor's: the build's own is contained and may not reach even 127.0.0.1.
    browser = await puppeteer.launch({
      executablePath: findBrowser().executablePath,
      headless: true,
      args: process.getuid?.() === 0 || process.env.REPORT_NO_SANDBOX === "1" ? ["--no-sandbox"] : [],
    });
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => document.documentElement.dataset.forhandsvisning !== undefined);
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill("SIGKILL");
    temp?.cleanup();
  });

  it("visar rapporten på 127.0.0.1 med en innehållssäkerhetspolicy som bara tillåter serverns egna skript", async () => {
    const { res, text } = await served();
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(text).toContain("Människohandel för sexuella och andra ändamål");
    expect(text).toContain("2 175"); // the computed total of Brå's table
    expect(text).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    // Asked for by another name (DNS rebinding), the server refuses.
    const status = await new Promise<number | undefined>((resolve, reject) =>
      request(url, { headers: { Host: `example.org:${new URL(url).port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on("error", reject)
        .end(),
    );
    expect(status).toBe(403);
  });

  it("laddar om sidan med en ändrad årstext och en ändrad siffra i anmalda-brott.csv", async () => {
    const texts = path.join(data, "2023/texter");
    const yearText = path.join(
      texts,
      readdirSync(texts)
        .filter((n) => n.endsWith(".md"))
        .sort()[0]!,
    );
    // Only the body changes with a year text or a count: the page takes the new body in place (the
    // same document, so this mark survives), with the preview's bar once.
    await page.evaluate(() => ((window as { sammaSida?: boolean }).sammaSida = true));
    writeFileSync(
      yearText,
      `${readFileSync(yearText, "utf8")}\nRedaktören lade just till den här meningen i förhandsvisningen.\n`,
    );
    await pageShows("Redaktören lade just till den här meningen i förhandsvisningen.");
    expect(await page.evaluate(() => (window as { sammaSida?: boolean }).sammaSida)).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll("nav.forhandsvisning").length)).toBe(1);

    // Köp av sexuell tjänst i Stockholm: 835 → 935; the computed total goes from 2 175 to 2 275.
    const table = path.join(data, "2023/anmalda-brott.csv");
    writeFileSync(table, readFileSync(table, "utf8").replace(";39;30;43;835;", ";39;30;43;935;"));
    await pageShows("2 275");

    const { text } = await served();
    expect(text).toContain("Redaktören lade just till den här meningen i förhandsvisningen.");
    expect(text).toContain("2 275");
    expect(text).not.toContain("2 175");
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
  });

  it("visar ett fel i data i sidan med fil och rad, och tar bort det när felet är rättat", async () => {
    const table = path.join(data, "2023/anmalda-brott.csv");
    const good = readFileSync(table, "utf8");
    const line = good.split("\n").findIndex((l) => l.includes(";39;30;43;935;")) + 1;
    writeFileSync(table, good.replace(";39;30;43;935;", ";39;tre;43;935;"));
    await pageShows("E_ANTAL_EJ_HELTAL");
    const broken = await served();
    expect(broken.text).toMatch(
      new RegExp(`anmalda-brott\\.csv:${line}:\\d+  fel  .*\\(E_ANTAL_EJ_HELTAL\\)`),
    );
    expect(child.exitCode).toBeNull(); // the server is still running

    writeFileSync(table, good);
    await pageShows("2 275");
    expect((await served()).text).not.toContain("E_ANTAL_EJ_HELTAL");
  });

  it("visar sidvyn med Paged.js under samma policy", async () => {
    await page.goto(`${url}?vy=sidor`, { waitUntil: "load" });
    await page.waitForFunction(() => document.documentElement.dataset.forhandsvisning !== undefined, {
      timeout: 120_000,
    });
    const pages = await page.evaluate(() => document.querySelectorAll(".pagedjs_page").length);
    expect(pages).toBeGreaterThan(5);
    expect(await page.evaluate(() => (window as { __pagedError?: string }).__pagedError)).toBeUndefined();
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
  });

  it("avslutas rent med Ctrl-C", async () => {
    await page.close();
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Förhandsvisningen avslutad.");
  });
});
