import { tenantOpenIdConfiguration } from "@/features/access/identity-discovery";

type Context = RouteContext<"/[tenant]/v2.0/.well-known/openid-configuration">;

/** A directory's OpenID configuration (`@azure/identity`, MSAL with a tenant authority). */
export async function GET(request: Request, { params }: Context) {
  return tenantOpenIdConfiguration(request, (await params).tenant);
}
