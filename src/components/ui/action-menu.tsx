"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";

const MENU_WIDTH = 200;

export type ActionMenuItem = { label: string; onSelect: () => void; disabled?: boolean };

/**
 * A row's "…" button and its menu (the portal's context menu at the end of a row): arrow keys, Home and
 * End move between the items, Enter runs one, Escape closes it and gives focus back to the button, Tab or
 * a click elsewhere closes it. The menu is fixed-positioned under the button so a table that scrolls
 * sideways does not clip it.
 */
export function ActionMenu({
  label,
  items,
  icon,
}: {
  /** The button's accessible name ("More actions for Visa •••• 4242"). */
  label: string;
  items: ActionMenuItem[];
  icon: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState({ top: 0, left: 0 });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const rect = button.current.getBoundingClientRect();
    setPosition({ top: rect.bottom + 2, left: Math.max(8, rect.right - MENU_WIDTH) });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]:not([aria-disabled=true])")?.focus();
    const away = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    const close = () => setOpen(false);
    document.addEventListener("mousedown", away);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("mousedown", away);
      window.removeEventListener("resize", close);
    };
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      all[(index + step + all.length) % all.length]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      all[event.key === "Home" ? 0 : all.length - 1]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((current) => !current)}
        className="flex size-8 items-center justify-center rounded hover:bg-[#f0f0f0]"
      >
        {icon}
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          style={{ top: position.top, left: position.left, width: MENU_WIDTH }}
          className="fixed z-50 border border-stroke bg-surface py-1 text-[13px] text-ink shadow-lg"
        >
          {items.map((item) => (
            <li role="none" key={item.label}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={item.disabled || undefined}
                onClick={() => {
                  if (item.disabled) return;
                  setOpen(false);
                  // The item's pane or action takes the focus from here; the button keeps it otherwise.
                  button.current?.focus();
                  item.onSelect();
                }}
                className="block w-full px-3 py-1.5 text-left hover:bg-[#f5f5f5] focus:bg-[#f5f5f5] aria-disabled:text-ink-muted aria-disabled:hover:bg-transparent"
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
