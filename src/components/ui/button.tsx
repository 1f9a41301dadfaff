import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "subtle";

/** Fluent's button: 32px high, 4px radius, semibold label (`.btn` and its variants: globals.css). */
export function buttonClass(variant: Variant = "secondary", extra = ""): string {
  return extra ? `btn btn-${variant} ${extra}` : `btn btn-${variant}`;
}

export function Button({
  variant = "secondary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
