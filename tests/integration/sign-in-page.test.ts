// Review finding 6: the sign-in page printed DEMO_PASSWORD even when a deployment had changed it.
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { SignInPanel } from "@/features/access/components/sign-in-panel";
import { BUILT_IN_DEMO_PASSWORD } from "@/server/demo/password";

// The form is a client component (its own tests cover it); the demo panel around it is what is checked here.
vi.mock("@/features/access/components/sign-in-form", () => ({ SignInForm: () => null }));

afterEach(() => vi.unstubAllEnvs());

async function signInPage(): Promise<string> {
  return renderToStaticMarkup(await SignInPanel({ returnTo: "/" }));
}

describe("the sign-in page's demo panel", () => {
  it.each([
    ["unset", undefined],
    ["set to the built-in password", BUILT_IN_DEMO_PASSWORD],
  ])("shows the built-in demo password when DEMO_PASSWORD is %s", async (_label, value) => {
    vi.stubEnv("DEMO_PASSWORD", value);
    const html = await signInPage();
    expect(html).toContain(`<code>${BUILT_IN_DEMO_PASSWORD}</code>`);
    expect(html).toContain("admin@contoso.com");
  });

  it("never shows a password a deployment chose, and says whom to ask", async () => {
    const chosen = "Deployment-Only-Secret-42";
    vi.stubEnv("DEMO_PASSWORD", chosen);
    const html = await signInPage();
    expect(html).not.toContain(chosen);
    expect(html).not.toContain(BUILT_IN_DEMO_PASSWORD);
    expect(html).toContain("was changed for this deployment");
    // The accounts are still listed.
    expect(html).toContain("admin@contoso.com");
  });
});
