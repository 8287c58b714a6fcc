// The one way a submitted form becomes a command's input. Form field names are the schema's paths
// ("victims.0.name"), so a form posts what the API takes, and an error's path names the field.
import { AppError } from "@/lib/errors";

/** A name's segment: a field (an identifier) or a row's index. */
const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d{1,4})$/;
/** Segments that would walk into an object's prototype rather than a field of the input. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const isIndex = (key: string) => /^\d+$/.test(key);
const isGroup = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !(v instanceof Blob);

/** A field name no form of ours posts: refused before anything is read from it (a 422 naming it). */
const badName = (name: string) => new AppError("VALIDATION", "not a field of this form", [{ path: name.slice(0, 200), code: "invalid_field_name", message: "a form field's name is a schema path" }]);

/**
 * FormData → nested object: dotted names become objects, numeric segments arrays (compacted, so a
 * removed row leaves no hole). An empty field is absent — the schema says "required" or applies
 * its default — and a row left entirely empty is no row. A name posted twice keeps its last value
 * (a hidden "false" before its checkbox). Files stay as they are; Next's own "$ACTION…" fields are
 * dropped. Runs before authentication, so a name is checked before it is used as a key: a
 * prototype's name, or a field where a group is (or the reverse), is refused.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$ACTION") || value === "") continue;
    const keys = name.split(".");
    if (!keys.every((k) => SEGMENT.test(k) && !PROTOTYPE_KEYS.has(k))) throw badName(name);
    let node = root;
    for (const [i, key] of keys.entries()) {
      if (Array.isArray(node) !== isIndex(key)) throw badName(name);
      const held = Object.hasOwn(node, key) ? node[key] : undefined;
      if (i === keys.length - 1) {
        if (isGroup(held)) throw badName(name);
        node[key] = value;
      } else {
        if (held !== undefined && !isGroup(held)) throw badName(name);
        node = (held ?? (node[key] = isIndex(keys[i + 1]!) ? [] : {})) as Record<string, unknown>;
      }
    }
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
