import { TableSkeleton } from "@/components/ui/skeleton";

export default function InvoicesLoading() {
  return <TableSkeleton rows={10} columns={8} />;
}
