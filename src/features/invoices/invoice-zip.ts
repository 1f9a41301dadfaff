import "server-only";

import { Zip, ZipPassThrough } from "fflate";

/** One file of a ZIP download: its name and how to make its bytes (called when its turn comes). */
export type ZipEntry = { filename: string; mtime: Date; render: () => Promise<Uint8Array> };

/**
 * A ZIP archive streamed as its files are made: each file is rendered in turn,
 * stored (PDFs are already compressed) and sent, so the first bytes leave before
 * the last invoice is drawn and only one PDF is held at a time. A failure
 * mid-way errors the stream, and the browser reports the download as failed
 * rather than saving a truncated archive as complete.
 */
export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      void (async () => {
        try {
          for (const entry of entries) {
            const bytes = await entry.render();
            const file = new ZipPassThrough(entry.filename);
            file.mtime = entry.mtime;
            zip.add(file);
            file.push(bytes, true);
          }
          zip.end();
        } catch (error) {
          zip.terminate();
          controller.error(error);
        }
      })();
    },
  });
}
