import { describe, expect, it } from "vitest";
import { PRINT_TRIGGERS } from "../helpers/diagnostic-triggers.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import type { TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites([]);

describe.skipIf(!ready)("diagnoskoder som bara utskriften ger", () => {
  it.each(Object.entries(PRINT_TRIGGERS))("%s", async (code, trigger) => {
    const temps: TempDir[] = [];
    try {
      const diagnostics = await trigger(temps);
      expect(diagnostics.map((d) => d.code)).toContain(code);
    } finally {
      temps.forEach((t) => t.cleanup());
    }
  });
});
