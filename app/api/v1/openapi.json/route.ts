import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

/** The API's description, public like any API reference (it holds no data). */
export function GET() {
  return Response.json(openApiDocument());
}
