import { cloudMetadata } from "@/features/access/identity-discovery";

/** ARM's cloud metadata, for `az cloud register --endpoint-resource-manager` (docs/clients.md). */
export function GET(request: Request) {
  return cloudMetadata(request);
}
