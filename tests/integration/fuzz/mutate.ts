// Mutations of a valid JSON input for property-based tests (SECURITY.md C12): set a value
// anywhere to anything, delete a key, add an unknown key, replace the whole body, or send bytes
// that are not JSON at all.
import fc from "fast-check";

export type Path = (string | number)[];
export type Mutation =
  | { kind: "set"; path: Path; value: unknown }
  | { kind: "delete"; path: Path }
  | { kind: "extra"; path: Path; key: string; value: unknown }
  | { kind: "replace"; value: unknown }
  | { kind: "raw"; text: string };

/** Every path to a value inside the input (the root excluded). */
export function pathsOf(v: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...prefix, i], ...pathsOf(x, [...prefix, i])]);
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...pathsOf(x, [...prefix, k])]);
  return [];
}

/** Paths to the objects inside the input, the root included. */
export function objectPathsOf(v: unknown, prefix: Path = []): Path[] {
  const here = v && typeof v === "object" && !Array.isArray(v) ? [prefix] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => objectPathsOf(x, [...prefix, i]))];
  if (v && typeof v === "object") return [...here, ...Object.entries(v).flatMap(([k, x]) => objectPathsOf(x, [...prefix, k]))];
  return here;
}

/** Nasty values: wrong types, boundaries, control characters, huge and deep things. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: false, withBigInt: false, withDate: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "", " ", "\u0000", "a\u0000b", "\uFFFF", "\uD800", "'; DROP TABLE warnings;--", "=HYPERLINK(\"http://x\")", "9".repeat(400), "x".repeat(5000),
    "1e309", "-0", "NaN", "Infinity", "0x10", "２０２６-０１-０１", "2026-02-30T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
    "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "<script>alert(1)</script>", "__proto__", "constructor",
  ),
  fc.constantFrom(-1, 0, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER, true, false, null, [], {}),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant(Array.from({ length: 3 }, () => ({ a: [[[[[[[[1]]]]]]]] }))),
);

export function mutationOf(valid: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(valid);
  const objects = objectPathsOf(valid);
  const options: fc.Arbitrary<Mutation>[] = [
    nasty.map((value) => ({ kind: "replace" as const, value })),
    fc.string({ maxLength: 60 }).map((text) => ({ kind: "raw" as const, text: `{${text}` })),
  ];
  if (paths.length) {
    options.push(fc.record({ kind: fc.constant("set" as const), path: fc.constantFrom(...paths), value: nasty }));
    options.push(fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...paths) }));
  }
  if (objects.length) {
    options.push(fc.record({
      kind: fc.constant("extra" as const), path: fc.constantFrom(...objects),
      key: fc.constantFrom("unitId", "createdById", "role", "isAdmin", "version2", "__proto__", "id", "status2"), value: nasty,
    }));
  }
  return fc.oneof(...options);
}

/** The mutated input as JSON text to send. */
export function apply(valid: unknown, m: Mutation): string {
  if (m.kind === "raw") return m.text;
  if (m.kind === "replace") return JSON.stringify(m.value) ?? "null";
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  const path = m.path;
  let node = copy as Record<string | number, unknown>;
  const last = m.kind === "extra" ? undefined : path.at(-1);
  const walk = m.kind === "extra" ? path : path.slice(0, -1);
  for (const seg of walk) node = node[seg] as Record<string | number, unknown>;
  if (m.kind === "set") node[last!] = m.value;
  if (m.kind === "delete") {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last!];
  }
  if (m.kind === "extra") {
    // Own property even for "__proto__": what a JSON body would carry.
    Object.defineProperty(node, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  }
  return JSON.stringify(copy);
}

function at(v: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, seg) => (node as Record<string | number, unknown>)[seg], v);
}

/** Mutations no strict schema can accept: an unknown key in an input object, or text that is not JSON. */
export function surelyInvalid(valid: unknown, m: Mutation): boolean {
  // (An undefined value vanishes from the JSON: nothing was added.)
  if (m.kind === "extra") return m.value !== undefined && !Object.prototype.hasOwnProperty.call(at(valid, m.path), m.key);
  if (m.kind === "raw") {
    try {
      JSON.parse(m.text);
      return false;
    } catch {
      return true;
    }
  }
  return false;
}
