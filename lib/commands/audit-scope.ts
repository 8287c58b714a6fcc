// What the running command declared it audits (lib/commands/command.ts), for writeAudit to check.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export const declaredAudit = new AsyncLocalStorage<{ command: string; declared: readonly string[] | false }>();

/**
 * Called by writeAudit: an audit action the running command did not declare is a bug, refused (its
 * transaction rolls back) so a test finds it. Denials are written by the guards for any command.
 */
export function assertDeclaredAudit(action: string): void {
  const running = declaredAudit.getStore();
  if (!running || action === "authz.denied") return;
  if (running.declared === false || !running.declared.includes(action)) {
    throw new Error(`command ${running.command} wrote the undeclared audit action ${action}`);
  }
}
