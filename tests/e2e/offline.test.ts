import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "../../src/pipeline/pipeline.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites([]);

describe.skipIf(!ready)("Chromium hämtar bara det bygget självt skrivit", () => {
  let server: Server;
  let requests: string[];
  let templates: TempDir;
  let out: TempDir;

  beforeAll(async () => {
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    templates = tempDirWith({});
    out = tempDirWith({});
    cpSync(path.join(REPO_ROOT, "templates"), templates.dir, { recursive: true });
    const port = (server.address() as AddressInfo).port;
    const css = path.join(templates.dir, "rapport.css");
    // A template that points outside the build: a web font and a background from the loopback server.
    cpSync(css, `${css}.orig`);
    const extra = `\n@import url("http://127.0.0.1:${port}/extern.css");\nbody { background-image: url("http://127.0.0.1:${port}/bakgrund.png"); }\n`;
    writeFileSync(css, `${extra}${readFileSync(`${css}.orig`, "utf8")}`);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    templates?.cleanup();
    out?.cleanup();
  });

  it("blockerar begäran, ger ett fel per adress, skriver inget och servern tar inte emot något", async () => {
    const result = await runBuild({
      rapportar: 2024,
      dataDir: REPO_DATA,
      outDir: out.dir,
      templateDir: templates.dir,
      strict: false,
      log: () => {},
    });
    expect(result.status).toBe("failed");
    const blocked = result.diagnostics.filter((d) => d.code === "E_EXTERN_RESURS");
    expect(blocked.every((d) => d.severity === "fel")).toBe(true);
    const urls = blocked.map((d) => d.found);
    expect(new Set(urls).size).toBe(urls.length);
    expect(blocked.map((d) => d.found)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/(extern\.css|bakgrund\.png)$/),
      ]),
    );
    expect(blocked[0]?.file).toMatch(/rapport\.html\.hbs$/);
    expect(requests).toEqual([]);
  });
});
