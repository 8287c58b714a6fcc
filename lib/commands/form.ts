// The one way a submitted form becomes a command's input. Form field names are the schema's paths
// ("victims.0.name"), so a form posts what the API takes, and an error's path names the field.

/**
 * FormData → nested object: dotted names become objects, numeric segments arrays (compacted, so a
 * removed row leaves no hole). An empty field is absent — the schema says "required" or applies
 * its default — and a row left entirely empty is no row. Files stay as they are; Next's own
 * "$ACTION…" fields are dropped.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$ACTION") || value === "") continue;
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
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact).filter((x) => !isEmptyRow(x));
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  return v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && Object.getPrototypeOf(v) === Object.prototype;
/** A row of a repeating group whose fields were all left empty (so none was posted). */
const isEmptyRow = (v: unknown) => isPlainObject(v) && Object.keys(v).length === 0;
