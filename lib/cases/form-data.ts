// Forms post flat names ("victims.0.name"); the schemas expect the nested shape the API takes.

/**
 * FormData → nested object: dotted names become objects, numeric segments arrays (compacted, so
 * a removed row leaves no hole). Next's own "$ACTION…" fields are dropped.
 */
export function formToObject(form: FormData, omit: readonly string[] = []): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$ACTION") || omit.includes(name) || typeof value !== "string") continue;
    const keys = name.split(".");
    let node: Record<string, unknown> = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
      node[key] ??= nextIsIndex ? [] : {};
      node = node[key] as Record<string, unknown>;
    });
  }
  return compact(root) as Record<string, unknown>;
}

function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  return v;
}

/** Rows of a repeating group the user left entirely empty are not rows. */
export function dropBlankRows(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.filter((r) => !(r && typeof r === "object" && Object.values(r).every((v) => typeof v === "string" && v.trim() === "")));
}
