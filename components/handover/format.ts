// Times on the handover page, in China time whatever the browser's zone (server and client).

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "12-02 08:30": a shift's start or end, a handover's time. */
export function chinaShort(iso: string): string {
  return new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(5, 16).replace("T", " ");
}

