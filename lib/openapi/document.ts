// The helpers live in their own module, imported before PATHS: domain openapi.ts files use them
// at load time, and going through this module would close an import cycle (document → paths →
// domain → document) in which they are not initialised yet.
export { errorBody, jsonSchema, type PathItem } from "@/lib/openapi/schema";
import { PATHS } from "@/lib/openapi/paths";
import type { PathItem } from "@/lib/openapi/schema";
import { outboundWebhooks } from "@/lib/outbound/openapi";

/** The OpenAPI document served at /api/v1/openapi.json, assembled from each domain's paths. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "反诈指挥中心平台 API",
      version: "1",
      // The platform is the city's own software, delivered with its source; not for redistribution.
      license: { name: "Proprietary — 十堰市公安局反诈中心", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "API key created by an administrator" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    security: [{ apiKey: [] }, { session: [] }],
    paths: Object.assign({}, ...PATHS) as Record<string, PathItem>,
    // Requests the platform sends: the outbound gateway's interface (lib/outbound/gateway.ts).
    webhooks: outboundWebhooks,
  };
}
