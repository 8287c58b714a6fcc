"use server";

import { callAction } from "@/lib/commands/action";
import { commitImportChunk, previewImportChunk } from "@/lib/publicity/import-counts";

// The import screen calls these once per chunk of rows (a few thousand), so a 100 k-row file
// stays under the server-action body limit and the screen can show progress. Nothing to
// revalidate: the pages that show counts are rendered per request.

export const previewImportAction = callAction(previewImportChunk, (input: unknown) => input);

export const commitImportAction = callAction(commitImportChunk, (input: unknown) => input);
