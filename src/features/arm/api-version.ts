/**
 * The api-versions the simulator answers. 2020-05-01 is the version
 * @azure/arm-billing 4.1.0 speaks; 2024-04-01 is accepted where the shapes the
 * simulator serves are the same in both (accounts, profiles, invoices). The
 * invoice download changed in 2024-04-01 (documentName instead of
 * downloadToken), so it answers 2020-05-01 only.
 */
export const READ_API_VERSIONS = ["2020-05-01", "2024-04-01"] as const;
export const DOWNLOAD_API_VERSIONS = ["2020-05-01"] as const;

export type ApiVersionCheck = { ok: true; version: string } | { ok: false; code: string; message: string };

export function checkApiVersion(requested: string | null, supported: readonly string[]): ApiVersionCheck {
  if (!requested)
    return {
      ok: false,
      code: "MissingApiVersionParameter",
      message: `The api-version query parameter (?api-version=) is required for all requests. The supported versions are '${supported.join(",")}'.`,
    };
  if (!supported.includes(requested))
    return {
      ok: false,
      code: "InvalidApiVersionParameter",
      message: `The api-version '${requested.slice(0, 40)}' is invalid. The supported versions are '${supported.join(",")}'.`,
    };
  return { ok: true, version: requested };
}
