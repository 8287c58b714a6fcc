// What the integration tests put in place of Next's request context (vi.mock factories import
// these): the session is the one the test's actAs (./call.ts) chose; headers are the test's.

/** next-auth: the session of the party actAs chose, or none. */
export const nextAuth = {
  default: () => new Response(null, { status: 404 }),
  getServerSession: async () => {
    const sid = (globalThis as { __authzSid?: string | null }).__authzSid;
    return sid ? { sid } : null;
  },
};

/** next/headers: the given request headers, and an empty cookie jar. */
export const nextHeaders = (headers: Record<string, string>) => ({
  headers: async () => new Headers(headers),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
});
