import { TableSkeleton } from "@/components/ui/skeleton";

export default function BillingAccountLoading() {
  return <TableSkeleton />;
}
