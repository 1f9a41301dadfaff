import type { ReactNode } from "react";

import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@/components/ui/icons";

type Intent = "info" | "success" | "warning" | "error";

const styles: Record<Intent, { box: string; icon: ReactNode }> = {
  info: { box: "bg-info-bg border-[#b4d6fa]", icon: <Info20Filled className="text-brand" aria-hidden /> },
  success: {
    box: "bg-success-bg border-[#9fd89f]",
    icon: <CheckmarkCircle20Filled className="text-success" aria-hidden />,
  },
  warning: { box: "bg-warning-bg border-[#fdcfb4]", icon: <Warning20Filled className="text-warning" aria-hidden /> },
  error: { box: "bg-danger-bg border-[#eeacb2]", icon: <ErrorCircle20Filled className="text-danger" aria-hidden /> },
};

/** Fluent's MessageBar: an icon and text, never colour alone. */
export function MessageBar({
  intent = "info",
  children,
  role,
}: {
  intent?: Intent;
  children: ReactNode;
  role?: "alert" | "status";
}) {
  return (
    <div role={role} className={`flex items-start gap-2 rounded border px-3 py-2 text-sm ${styles[intent].box}`}>
      <span className="mt-px shrink-0">{styles[intent].icon}</span>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
