import type { PathItem } from "@/lib/openapi/document";
import { casePaths } from "@/lib/cases/openapi";
import { publicityPaths } from "@/lib/publicity/openapi";
import { fieldPaths } from "@/lib/field/openapi";
import { personPaths } from "@/lib/persons/openapi";
import { contactPaths } from "@/lib/contacts/openapi";
import { warningPaths } from "@/lib/warnings/openapi";
import { statsPaths } from "@/lib/stats/openapi";
import { mapPaths } from "@/lib/map/openapi";
import { wallPaths } from "@/lib/wall/openapi";
import { revisitPaths } from "@/lib/revisits/openapi";
import { callPaths } from "@/lib/calls/openapi";
import { appFollowUpPaths } from "@/lib/appfollowups/openapi";
import { transferPaths } from "@/lib/warnings/transfer-openapi";
import { appealPaths } from "@/lib/appeals/openapi";
import { outboundPaths } from "@/lib/outbound/openapi";
import { personLabelPaths } from "@/lib/persons/labels-openapi";
import { partnerRequestPaths } from "@/lib/requests/openapi";

// Each domain describes its endpoints in lib/<domain>/openapi.ts; list them here.
export const PATHS: Record<string, PathItem>[] = [warningPaths, casePaths, publicityPaths, fieldPaths, statsPaths, revisitPaths, personPaths, transferPaths, appealPaths, outboundPaths, personLabelPaths, contactPaths, appFollowUpPaths, partnerRequestPaths, mapPaths, callPaths, wallPaths];
