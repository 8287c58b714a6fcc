import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/guards";
import { ROLE_HOME } from "@/lib/auth/navigation";

/** Everyone lands on their role's home page. */
export default async function Home() {
  const actor = await requirePageUser();
  redirect(actor.role ? ROLE_HOME[actor.role] : "/login");
}
