import "server-only";

/**
 * The largest body the token endpoint and the JSON routes read (docs/api.md):
 * their real requests are a few hundred bytes (a form of three fields, a
 * payment of a dozen), so 16 KiB leaves room and refuses the megabytes a
 * client could otherwise make the server hold.
 */
export const SMALL_BODY_LIMIT = 16 * 1024;

export type BodyText = { ok: true; text: string } | { ok: false; problem: "tooLarge" | "unreadable" };

/**
 * A request body as text, read only if it fits: a declared Content-Length over
 * the limit is refused before a byte is read, and a body without one (chunked)
 * is read no further than limit + 1 bytes, then the stream is cancelled.
 * Decoded as UTF-8 like Request.text().
 */
export async function readSmallBody(request: Request, limit = SMALL_BODY_LIMIT): Promise<BodyText> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(/^\d+$/.test(declared.trim()) && Number(declared) <= limit))
    return { ok: false, problem: /^\s*\d+\s*$/.test(declared) ? "tooLarge" : "unreadable" };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: "tooLarge" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}
