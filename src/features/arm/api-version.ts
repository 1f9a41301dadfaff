/**
 * The api-versions the simulator answers. 2020-05-01 is the version
 * @azure/arm-billing 4.1.0 speaks; 2024-04-01 is served as Microsoft specifies
 * it (optional invoice periods, its names and fields, `top`, the download by
 * `documentName`, a profile's payment methods and available balance:
 * docs/api.md lists what each version serves and ignores).
 */
export const READ_API_VERSIONS = ["2020-05-01", "2024-04-01"] as const;
export const DOWNLOAD_API_VERSIONS = ["2020-05-01", "2024-04-01"] as const;
export const V2024_ONLY = ["2024-04-01"] as const;

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
