// Runs before every test file of both vitest projects (vitest.config.ts, setupFiles):
// Next's request-scoped modules replaced by the doubles of this folder, once for all
// files instead of the same vi.mock block in each. vi.mock here applies to the test
// file that follows, and each factory imports its double lazily, so the test file
// importing "../support/next-request" gets the very instance the app code sees.
//
//   next/headers, next/navigation, next/cache  → next-request.ts (cookie jar, request
//                                                 headers, redirect/notFound errors, spies)
//   next-intl/server                           → next-intl-server.ts (the real catalogs)
import { beforeEach, vi } from "vitest";

import { resetNextRequest } from "./next-request";

vi.mock("next/headers", () => import("./next-request"));
vi.mock("next/navigation", () => import("./next-request"));
vi.mock("next/cache", () => import("./next-request"));
// next-intl's server functions only work inside Next's runtime.
vi.mock("next-intl/server", () => import("./next-intl-server"));

// Every test starts with an empty cookie jar and request headers, and fresh spies.
beforeEach(() => resetNextRequest());
