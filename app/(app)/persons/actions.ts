"use server";

import { callAction, formAction } from "@/lib/commands/action";
import { lookupPerson, revealPersonIdentifier } from "@/lib/persons/commands";

export const lookupAction = formAction(lookupPerson);

export const revealIdentifierAction = callAction(revealPersonIdentifier, (id: string, identifierId: string, reason: string) => ({ id, identifierId, reason }));
