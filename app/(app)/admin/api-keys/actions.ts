"use server";

import { formAction } from "@/lib/commands/action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/commands";

/** Creates a key and hands it back once, for the admin to copy into the feed's configuration. */
export const createApiKeyAction = formAction(createApiKey, { revalidate: ["/admin/api-keys"] });

export const revokeApiKeyAction = formAction(revokeApiKey, { revalidate: ["/admin/api-keys"] });
