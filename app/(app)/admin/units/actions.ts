"use server";

import { formAction } from "@/lib/commands/action";
import { createUnit, updateUnit } from "@/lib/units/commands";

export const createUnitAction = formAction(createUnit, { revalidate: ["/admin/units"] });

export const updateUnitAction = formAction(updateUnit, { revalidate: ["/admin/units"] });
