/** Polls until the probe answers something truthy, or fails naming what it waited for. */
export async function until<T>(what: string, probe: () => T | undefined | false | null | Promise<T | undefined | false | null>, ms = 45_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
