"use server";

import { revalidatePath } from "next/cache";

import { currentUser } from "@/features/access/session";
import { db } from "@/server/db";
import { worldNow } from "@/server/world-clock";

/** Opening the bell marks the signed-in user's notifications as read (their own only). */
export async function markNotificationsRead(): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  await db.notification.updateMany({
    where: { userId: user.id, readAt: null },
    data: { readAt: await worldNow(user.worldId) },
  });
  revalidatePath("/", "layout");
}
