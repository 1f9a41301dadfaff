import { handleDirectoryTokenRequest } from "@/features/access/client-credentials";

/** Client credentials at the ADFS-style authority: the app's own directory. */
export function POST(request: Request) {
  return handleDirectoryTokenRequest(request, null);
}
