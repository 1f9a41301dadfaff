import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Framework floor", robots: { index: false, follow: false } };

/**
 * The framework's own floor for `npm run bench` (docs/performance.md): a page of the same
 * Next.js server, rendered per request like every portal page (proxy, root layout, React
 * Server Components, HTML), with no portal shell — no session, no database, no catalogs, no
 * client component. It shows nothing but its heading and reads nothing, so it is public:
 * there is nothing on it to protect, and a session check would be the shell's cost.
 */
export default async function FrameworkFloorPage() {
  await connection();
  return (
    <main className="px-6 py-3">
      <h1 className="text-2xl font-semibold">Framework floor</h1>
    </main>
  );
}
