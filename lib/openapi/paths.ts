import type { PathItem } from "@/lib/openapi/document";

// Each domain describes its endpoints in lib/<domain>/openapi.ts; list them here.
export const PATHS: Record<string, PathItem>[] = [];
