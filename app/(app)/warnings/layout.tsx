import { Suspense, type ReactNode } from "react";
import { headers } from "next/headers";
import { KeyQueueScript } from "@/components/warnings/key-queue-script";

async function KeyQueue() {
  return <KeyQueueScript nonce={(await headers()).get("x-nonce") ?? undefined} />;
}

/**
 * The warning pages share a key queue: keys pressed before a page is ready are replayed to it.
 * The script sits in its own Suspense boundary so the layout never holds back the page's skeleton.
 */
export default function WarningsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Suspense fallback={null}>
        <KeyQueue />
      </Suspense>
      {children}
    </>
  );
}
