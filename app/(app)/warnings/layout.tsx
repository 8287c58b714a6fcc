import type { ReactNode } from "react";
import { headers } from "next/headers";
import { KeyQueueScript } from "@/components/warnings/key-queue-script";

/** The warning pages share a key queue: keys pressed before a page is ready are replayed to it. */
export default async function WarningsLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <>
      <KeyQueueScript nonce={nonce} />
      {children}
    </>
  );
}
