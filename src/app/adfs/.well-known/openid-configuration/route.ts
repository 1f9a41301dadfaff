import { adfsOpenIdConfiguration } from "@/features/access/identity-discovery";

/** The ADFS-style authority's OpenID configuration (the Azure CLI's MSAL reads it). */
export function GET(request: Request) {
  return adfsOpenIdConfiguration(request);
}
