// HTTPS_PORT (scripts/https-listener.mjs + scripts/lib/local-ca.mjs), on a plain Node HTTP server with the
// production preloads, as `next start` runs them: the local CA is made once and reused, its key stays
// private, the certificate is valid for localhost and 127.0.0.1 under that CA alone, and the request's
// socket is the TLS socket (so the app knows the protocol without believing a client's X-Forwarded-Proto).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "https-listener-"));
const HTTP_PORT = 3900 + Math.floor(Math.random() * 40);
const HTTPS_PORT = HTTP_PORT + 50;
let server: ChildProcess;

const app = `require("node:http").createServer((q, r) => r.end(JSON.stringify({
  encrypted: Boolean(q.socket.encrypted), proto: q.headers["x-forwarded-proto"] ?? null }))).listen(${HTTP_PORT}, "127.0.0.1");`;

function start(): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/forwarded-headers.mjs", "--import", "./scripts/https-listener.mjs", "-e", app],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, HTTPS_PORT: String(HTTPS_PORT) } },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes("HTTPS:")) resolve({ child, output });
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}`)));
  });
}

function get(host: string, ca?: string): Promise<{ encrypted: boolean; proto: string | null }> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      {
        host,
        port: HTTPS_PORT,
        path: "/",
        ca,
        headers: { "x-forwarded-proto": "http" },
        servername: host === "localhost" ? host : undefined,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve(JSON.parse(body)));
      },
    );
    request.on("error", reject);
  });
}

let firstCa = "";
beforeAll(async () => {
  const started = await start();
  server = started.child;
  expect(started.output).toContain(path.join(dataDir, "tls", "simulator-ca.pem"));
  firstCa = fs.readFileSync(path.join(dataDir, "tls", "simulator-ca.pem"), "utf8");
}, 60_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("HTTPS_PORT", () => {
  it("serves TLS for localhost and 127.0.0.1 under the local CA, on the app's own socket", async () => {
    for (const host of ["localhost", "127.0.0.1"])
      expect(await get(host, firstCa)).toEqual({ encrypted: true, proto: null });
  });

  it("is not trusted without the CA", async () => {
    await expect(get("localhost")).rejects.toThrow(/certificate/i);
  });

  it("keeps the CA's private key readable by its owner only, and the CA across restarts", async () => {
    expect(fs.statSync(path.join(dataDir, "tls", "simulator-ca.key")).mode & 0o077).toBe(0);
    server.kill();
    await new Promise((resolve) => server.once("exit", resolve));
    server = (await start()).child;
    expect(fs.readFileSync(path.join(dataDir, "tls", "simulator-ca.pem"), "utf8")).toBe(firstCa);
    expect(await get("localhost", firstCa)).toMatchObject({ encrypted: true });
  }, 60_000);
});
