import { emptyKeySet } from "@/features/access/identity-discovery";

export function GET() {
  return emptyKeySet();
}
