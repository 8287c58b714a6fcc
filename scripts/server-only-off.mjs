// Scripts, seeds and benchmarks run server modules directly with tsx, outside any bundle: there
// `import "server-only"` (a guard for the Next bundler) resolves to the package's no-op build, as
// it does for React Server Components. Loaded with `tsx --import ./scripts/server-only-off.mjs …`.
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: new URL("../node_modules/server-only/empty.js", ${JSON.stringify(import.meta.url)}).href, shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
