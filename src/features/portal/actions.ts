"use server";

import { revalidatePath } from "next/cache";

import { currentUser } from "@/features/access/session";
import { worldNow } from "@/server/world-clock";

import { markNotificationsReadFor } from "./notifications";

/** Opening the bell marks the signed-in user's notifications as read (their own only). */
export async function markNotificationsRead(): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  await markNotificationsReadFor(user.id, await worldNow(user.worldId));
  revalidatePath("/", "layout");
}
