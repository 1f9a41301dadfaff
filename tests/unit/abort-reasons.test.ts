// releaseAbortReasonStacks (src/server/abort-reasons.ts): an aborted signal keeps its reason as given.
import { describe, expect, it, vi } from "vitest";

import { releaseAbortReasonStacks } from "@/server/abort-reasons";

describe("releaseAbortReasonStacks", () => {
  it("reads an Error reason's stack before aborting, and keeps the reason, its stack and the listeners as they were", () => {
    releaseAbortReasonStacks();
    releaseAbortReasonStacks(); // twice is once
    const controller = new AbortController();
    const heard = vi.fn();
    controller.signal.addEventListener("abort", heard);
    const reason = new Error("This render completed successfully.");
    const stack = reason.stack;
    controller.abort(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(reason.stack).toBe(stack);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it("leaves other reasons, and no reason, to AbortController", () => {
    releaseAbortReasonStacks();
    const withText = new AbortController();
    withText.abort("closed");
    expect(withText.signal.reason).toBe("closed");
    const without = new AbortController();
    without.abort();
    expect(without.signal.reason).toBeInstanceOf(DOMException);
    expect((without.signal.reason as DOMException).name).toBe("AbortError");
  });
});
