"use client";

import { Button } from "@/components/ui/button";
import { Print20Regular } from "@/components/ui/icons";

export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" onClick={() => window.print()}>
      <Print20Regular aria-hidden /> {label}
    </Button>
  );
}
