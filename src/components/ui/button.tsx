import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "subtle";

const variants: Record<Variant, string> = {
  primary:
    "bg-brand text-white hover:bg-brand-hover active:bg-brand-pressed disabled:bg-[#f0f0f0] disabled:text-[#8a8a8a] border border-transparent",
  secondary: "bg-surface text-ink border border-stroke hover:bg-[#f5f5f5] disabled:text-[#8a8a8a]",
  subtle: "bg-transparent text-ink hover:bg-[#f0f0f0] border border-transparent",
};

/** Fluent's button: 32px high, 4px radius, semibold label. */
export function buttonClass(variant: Variant = "secondary", extra = ""): string {
  return `inline-flex h-8 items-center justify-center gap-1.5 rounded px-3 text-sm font-semibold disabled:cursor-not-allowed ${variants[variant]} ${extra}`;
}

export function Button({
  variant = "secondary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
