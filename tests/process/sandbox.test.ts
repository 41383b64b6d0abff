import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";
import { runUnprivileged, writableTempDir } from "../helpers/unprivileged.js";

const ready = requirePrerequisites([]);

/**
 * A stand-in for Chromium on a machine where it cannot build its sandbox (GitHub's ubuntu-24.04
 * runners, where AppArmor keeps users from creating user namespaces): it prints what Chromium prints
 * and dies of SIGTRAP, as Chromium does. Started with --no-sandbox it hands over to the real browser.
 */
function fakeBrowser(dir: string, realBrowser: string): string {
  const file = path.join(dir, "chromium-utan-sandlada");
  writeFileSync(
    file,
    `#!/bin/sh
for arg in "$@"; do
  if [ "$arg" = "--no-sandbox" ]; then exec "${realBrowser}" "$@"; fi
done
echo "[4242:4242:1125/101010.123456:FATAL:zygote_host_impl_linux.cc(132)] No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md. If you want to live dangerously and need an immediate workaround, you can try using --no-sandbox." >&2
kill -TRAP $$
`,
  );
  chmodSync(file, 0o755);
  return file;
}

describe.skipIf(!ready)("Chromium utan sandlåda, som på GitHubs ubuntu-24.04", () => {
  let bin: TempDir;
  let fake: string;
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  beforeAll(() => {
    bin = tempDirWith({});
    chmodSync(bin.dir, 0o755); // the unprivileged user runs the stand-in from here
    fake = fakeBrowser(bin.dir, findBrowser().executablePath);
    return () => bin.cleanup();
  });

  const build = (env: NodeJS.ProcessEnv) => {
    const home = writableTempDir();
    // An earlier build of report's own (a manifest that lists its files), which must survive.
    const out = writableTempDir({
      "2024/rapport.pdf": "tidigare PDF",
      "2024/manifest.json": JSON.stringify({ summa: "tidigare", utdata: { "rapport.pdf": "tidigare" } }),
    });
    temps.push(home, out);
    const run = runUnprivileged(
      process.execPath,
      [path.join(REPO_ROOT, "bin/report.js"), "build", "2024", "--data", REPO_DATA, "--out", out.dir],
      { cwd: REPO_ROOT, home: home.dir, env: { PUPPETEER_EXECUTABLE_PATH: fake, ...env } },
    );
    return { run, out: out.dir };
  };

  it("känner igen felet, säger exakt vad man kan göra och slutar med 3 utan att skriva något", async () => {
    const { run, out } = build({});
    const { code, stderr } = await run;
    expect(stderr).toContain(`Webbläsaren ${fake} kunde inte starta sin sandlåda`);
    for (const remedy of [
      "PUPPETEER_EXECUTABLE_PATH=/usr/bin/google-chrome report build <år>",
      "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0",
      "REPORT_NO_SANDBOX=1 report build <år>",
    ])
      expect(stderr).toContain(remedy);
    expect(stderr).toMatch(/\nInget skrevs; tidigare utdata är orörd\.\n$/);
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(code).toBe(3);
    expect(readFileSync(path.join(out, "2024/rapport.pdf"), "utf8")).toBe("tidigare PDF");
  });

  it("bygger utan sandlåda när användaren uttryckligen ber om det (REPORT_NO_SANDBOX=1)", async () => {
    const { run, out } = build({ REPORT_NO_SANDBOX: "1" });
    const { code, stdout, stderr } = await run;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(path.join(out, "2024/rapport.pdf"));
    expect(readFileSync(path.join(out, "2024/rapport.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("REPORT_NO_SANDBOX=0 räknas inte som ett ja", async () => {
    const { run, out } = build({ REPORT_NO_SANDBOX: "0" });
    const { code, stderr } = await run;
    expect(code).toBe(3);
    expect(stderr).toContain("kunde inte starta sin sandlåda");
    expect(existsSync(path.join(out, "2024/siffror.json"))).toBe(false);
  });
});
