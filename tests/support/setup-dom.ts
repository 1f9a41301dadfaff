// Runs before every test file of the "dom" project (jsdom).
import "@testing-library/jest-dom/vitest";

import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Unmount what each test rendered (RTL only auto-cleans when test globals are on).
afterEach(() => cleanup());
