import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  BrowserNotFoundError,
  findBrowser,
  isSandboxFailure,
  launchFailureMessage,
  sandboxDisabledByUser,
  sandboxHelp,
} from "../../src/print/browser.js";
import { tempDirWith, type TempDir } from "../helpers/temp-data.js";

describe("findBrowser", () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  const executable = (name: string) => {
    const file = path.join(temp.dir, name);
    writeFileSync(file, "#!/bin/sh\n");
    chmodSync(file, 0o755);
    return file;
  };

  it("tar PUPPETEER_EXECUTABLE_PATH först", () => {
    temp = tempDirWith({});
    const explicit = executable("min-chrome");
    const system = executable("chromium");
    const found = findBrowser({
      env: { PUPPETEER_EXECUTABLE_PATH: explicit, PATH: temp.dir },
      platform: "linux",
    });
    expect(found).toEqual({ executablePath: explicit, source: "PUPPETEER_EXECUTABLE_PATH" });
    expect(system).not.toBe(found.executablePath);
  });

  it("säger ifrån när PUPPETEER_EXECUTABLE_PATH pekar på något som inte finns", () => {
    temp = tempDirWith({});
    expect(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: path.join(temp.dir, "saknas") } })).toThrow(
      /PUPPETEER_EXECUTABLE_PATH pekar på .*saknas/,
    );
  });

  it("hittar en systemwebbläsare på PATH före Puppeteers cache", () => {
    temp = tempDirWith({});
    const system = executable("chromium");
    const cached = executable("chrome-from-cache");
    const found = findBrowser({
      env: { PATH: temp.dir },
      platform: "linux",
      puppeteerCachePath: () => cached,
    });
    expect(found).toEqual({ executablePath: system, source: "system" });
  });

  it("använder Puppeteers cache när systemet saknar webbläsare", () => {
    temp = tempDirWith({});
    const cached = executable("chrome");
    const found = findBrowser({ env: { PATH: "" }, platform: "aix", puppeteerCachePath: () => cached });
    expect(found).toEqual({ executablePath: cached, source: "puppeteer-cache" });
  });

  it("säger exakt vad man ska köra när ingen webbläsare finns", () => {
    temp = tempDirWith({});
    let error: unknown;
    try {
      findBrowser({
        env: { PATH: "" },
        platform: "aix",
        puppeteerCachePath: () => path.join(temp.dir, "nej"),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toContain("npm run browser");
    expect((error as Error).message).toContain("PUPPETEER_EXECUTABLE_PATH=");
  });
});

describe("Chromiums sandlåda", () => {
  it.each([
    "[1:1:1125/1:FATAL:zygote_host_impl_linux.cc(132)] No usable sandbox! If you are running on Ubuntu 23.10+",
    "FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly.",
    "FATAL:zygote_host_impl_linux.cc(201)] Check failed: . : Failed to move to new namespace: PID namespaces supported, Network namespace supported, but failed: errno = Operation not permitted",
    "Running as root without --no-sandbox is not supported. See https://crbug.com/638180.",
  ])("känner igen %s", (output) => {
    expect(isSandboxFailure(output)).toBe(true);
    expect(
      launchFailureMessage(
        "/usr/bin/chromium",
        [],
        new Error(`Failed to launch the browser process!\n${output}`),
      ),
    ).toBe(sandboxHelp("/usr/bin/chromium"));
  });

  it("tar inte andra startfel för sandlådan", () => {
    for (const output of [
      "Target closed",
      "error while loading shared libraries: libnss3.so",
      "Missing X server",
    ])
      expect(isSandboxFailure(output)).toBe(false);
  });

  it("körs utan sandlåda bara när REPORT_NO_SANDBOX uttryckligen säger ja", () => {
    for (const value of ["1", "true", "ja", "yes"])
      expect(sandboxDisabledByUser({ REPORT_NO_SANDBOX: value })).toBe(true);
    for (const value of [undefined, "", "0", "false", "nej", " "])
      expect(sandboxDisabledByUser({ REPORT_NO_SANDBOX: value })).toBe(false);
  });
});
