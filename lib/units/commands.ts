import "server-only";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { ALLOWED_PARENT, createUnitSchema, updateUnitSchema } from "@/lib/units/schemas";
import { assertOversightOutlives } from "@/lib/users/oversight";

const field = (path: string, code: string, message: string) => new AppError("VALIDATION", message, [{ path, code, message }]);

export const createUnit = command({
  name: "unit.create", permission: "units:manage",
  summary: "Create a unit under a parent of the caller's jurisdiction",
  input: createUnitSchema, audit: ["unit.create"],
  async run({ actor, input, tx }): Promise<{ id: string }> {
    const parent = await tx.unit.findFirst({ where: { code: input.parentCode, ...unitSubtree(actor.scopePath) } });
    if (!parent) throw field("parentCode", "unknown_unit", `no unit ${input.parentCode} in your jurisdiction`);
    if (parent.kind !== ALLOWED_PARENT[input.kind]) throw field("parentCode", "wrong_parent_kind", `a ${input.kind} cannot sit under a ${parent.kind}`);
    if (input.kind === "PRECINCT" && !new RegExp(`^${parent.code}\\d{2}$`).test(input.code)) {
      throw field("code", "code_not_under_parent", `a precinct's code is its branch's code plus two digits (${parent.code}NN)`);
    }
    if (await tx.unit.findUnique({ where: { code: input.code }, select: { id: true } })) {
      throw field("code", "duplicate", `unit code ${input.code} is taken`);
    }
    const unit = await tx.unit.create({
      data: {
        code: input.code, name: input.name, kind: input.kind, parentId: parent.id, path: `${parent.path}/${input.code}`,
        population: input.population, addressKeywords: input.addressKeywords ?? [],
      },
    });
    await writeAudit(tx, actor, { action: "unit.create", success: true, entityType: "Unit", entityId: unit.id, details: { code: unit.code, name: unit.name } });
    return { id: unit.id };
  },
});

export const updateUnit = command({
  name: "unit.update", permission: "units:manage",
  summary: "Change a unit (name, population, keywords, state)",
  input: updateUnitSchema, audit: ["unit.update"],
  async run({ actor, input: { id, version, ...changes }, tx }): Promise<void> {
    const unit = await tx.unit.findFirst({ where: { id, ...unitSubtree(actor.scopePath) }, select: { id: true, kind: true, path: true } });
    if (!unit) throw notFound("unit");
    if (unit.kind === "CITY" && changes.active === false) throw field("active", "cannot_disable_root", "the city bureau cannot be disabled");
    // Its users sign in no more: the city keeps its watchers (三员分立).
    if (changes.active === false) await assertOversightOutlives(tx, unit.path);
    const { count } = await tx.unit.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, { action: "unit.update", success: true, entityType: "Unit", entityId: id, details: { changed: Object.keys(changes) } });
  },
});
