import { notServed } from "@/features/arm/not-served";

type Context = RouteContext<"/providers/[...path]">;

/** Everything under /providers/ the simulator does not serve: 501 for Billing operations it knows of, else 404. */
async function handle(request: Request, { params }: Context) {
  return notServed(request, (await params).path);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
