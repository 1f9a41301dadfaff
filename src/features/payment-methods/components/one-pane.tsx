"use client";

import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from "react";

type Slot = { open: string | null; setOpen: Dispatch<SetStateAction<string | null>> };

const OnePaneContext = createContext<Slot | null>(null);

/**
 * One pane at a time on a Payment methods page: Replace, a card's Edit, Delete and Add each open a pane,
 * and opening one closes whichever was open, so two forms never compete for the same card.
 */
export function OnePane({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<string | null>(null);
  const slot = useMemo(() => ({ open, setOpen }), [open]);
  return <OnePaneContext.Provider value={slot}>{children}</OnePaneContext.Provider>;
}

/** Whether the pane `id` is the open one, and a setter; outside OnePane, a state of its own. */
export function usePane(id: string): [boolean, (open: boolean) => void] {
  const slot = useContext(OnePaneContext);
  const [local, setLocal] = useState(false);
  const setShared = useCallback(
    (open: boolean) => slot?.setOpen((current) => (open ? id : current === id ? null : current)),
    [slot, id],
  );
  return slot ? [slot.open === id, setShared] : [local, setLocal];
}
