// Nothing is written into the application folder at run time: the generated secrets and the default SQLite file
// live in one data directory (DATA_DIR, default ./data), so the app folder can be read-only; a secret an older
// version generated in the app folder is still read where it is (never moved, never duplicated).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { dataDir } from "@/server/data-dir";
import { databaseUrl } from "@/server/db/url";
import { installationSecret, installationSecretFile } from "@/server/secret";

const made: string[] = [];
const tempDir = (label: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `data-dir-${label}-`));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the data directory", () => {
  it("is DATA_DIR, else ./data; the default SQLite database lives in it", () => {
    expect(dataDir({})).toBe(path.resolve("data"));
    expect(dataDir({ DATA_DIR: "/var/lib/portal" })).toBe("/var/lib/portal");
    expect(databaseUrl({ DATA_DIR: "/var/lib/portal" })).toBe("file:/var/lib/portal/portal.db");
    expect(databaseUrl({})).toBe(`file:${path.resolve("data", "portal.db")}`);
    expect(databaseUrl({ DATA_DIR: "/var/lib/portal", DATABASE_URL: "file:/x.db" })).toBe("file:/x.db");
  });

  it("receives the generated secrets (mode 0600); the application folder gets nothing", () => {
    const app = tempDir("app");
    const data = path.join(tempDir("volume"), "portal-data"); // not there yet: made on first use
    const env = { DATA_DIR: data };
    for (const name of [".session-secret", ".card-fingerprint-key"]) {
      const secret = installationSecret(name, env, app);
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(installationSecret(name, env, app)).toBe(secret);
      const file = path.join(data, name);
      expect(fs.readFileSync(file, "utf8")).toBe(secret);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(fs.readdirSync(app)).toEqual([]);
    expect(fs.readdirSync(data).sort()).toEqual([".card-fingerprint-key", ".session-secret"]);
  });

  it("keeps reading a secret an older version wrote into the application folder, where it is", () => {
    const app = tempDir("old-app");
    const data = path.join(tempDir("old-volume"), "data");
    fs.writeFileSync(path.join(app, ".session-secret"), `${"a".repeat(64)}\n`, { mode: 0o600 });
    expect(installationSecretFile(".session-secret", { DATA_DIR: data }, app)).toBe(path.join(app, ".session-secret"));
    expect(installationSecret(".session-secret", { DATA_DIR: data }, app)).toBe("a".repeat(64));
    expect(fs.existsSync(data)).toBe(false);
  });
});
