// Times on the handover page, in China time whatever the browser's zone (server and client).

import { chinaLocalInput } from "@/lib/time/china";

/** "12-02 08:30": a shift's start or end, a handover's time. */
export function chinaShort(iso: string): string {
  return chinaLocalInput(new Date(iso)).slice(5).replace("T", " ");
}

