"use server";

import { requirePermission, requireUser } from "@/lib/auth/guards";
import { commitImportChunk, previewImportChunk, type ChunkCommit, type ChunkPreview } from "@/lib/publicity/import-counts";
import { runForResult, type Result } from "@/lib/publicity/result";

// The import screen calls these once per chunk of rows (a few thousand), so a 100 k-row file
// stays under the server-action body limit and the screen can show progress. Nothing to
// revalidate: the pages that show counts are rendered per request.

export async function previewImportAction(input: unknown): Promise<Result<ChunkPreview>> {
  return runForResult(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    return previewImportChunk(actor, input);
  });
}

export async function commitImportAction(input: unknown): Promise<Result<ChunkCommit>> {
  return runForResult(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    return commitImportChunk(actor, input);
  });
}
