import { handleDirectoryTokenRequest } from "@/features/access/client-credentials";

type Context = RouteContext<"/[tenant]/oauth2/v2.0/token">;

/** Client credentials at a directory: "organizations" and "common" take the app's own, as Entra's do. */
export async function POST(request: Request, { params }: Context) {
  const tenant = (await params).tenant;
  const anyDirectory = ["organizations", "common"].includes(tenant.toLowerCase());
  return handleDirectoryTokenRequest(request, anyDirectory ? null : tenant);
}
