import { requireUser } from "@/features/access/session";
import { TopBar } from "@/features/portal/components/top-bar";

export default async function PortalLayout({ children }: LayoutProps<"/">) {
  const user = await requireUser();
  return (
    <>
      <TopBar user={user} />
      <div id="main" className="flex flex-1 flex-col">
        {children}
      </div>
    </>
  );
}
