import { listSubscriptions } from "@/features/arm/subscriptions";

/** Subscriptions_List (Microsoft.Resources): what the caller may see, read by `az login`. */
export function GET(request: Request) {
  return listSubscriptions(request);
}
