"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { resetPasswordAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/action-form";
import { OneTimePassword } from "@/components/admin/one-time-password";
import { ROLES } from "@/lib/auth/permissions";

type Unit = { code: string; name: string; depth: number };
type User = { id: string; username: string; role: string; unitCode: string; version: number };

/** Changes a user's role or unit: applied at once, or sent for approval when it grants PII access. */
export function EditUserForm({ user, units }: { user: User; units: Unit[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateUserAction, null);
  // The unit list is long and the page holds fifty rows: the form is built when it is opened.
  const [open, setOpen] = useState(false);
  const id = `edit-${user.id}`;
  return (
    <details className="w-full" data-testid="edit-user" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-xs text-blue-700">{t("users.edit")}</summary>
      {open ? <form action={action} className="mt-2 grid gap-2 sm:grid-cols-2">
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <Field id={`${id}-role`} label={t("users.role")}>
          <Select id={`${id}-role`} name="role" defaultValue={user.role}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </Select>
        </Field>
        <Field id={`${id}-unit`} label={t("users.unit")}>
          <Select id={`${id}-unit`} name="unitCode" defaultValue={user.unitCode}>
            {units.map((u) => <option key={u.code} value={u.code}>{"\u3000".repeat(u.depth)}{u.name}（{u.code}）</option>)}
          </Select>
        </Field>
        <div className="flex items-center gap-2 sm:col-span-2">
          <Button type="submit" size="sm" disabled={pending}>{t("users.saveChange")}</Button>
          {state?.ok ? (
            <p role="status" className="text-xs text-green-700">{state.data.pending ? t("users.changeProposed") : t("users.changeSaved")}</p>
          ) : <FormStatus state={state} />}
        </div>
      </form> : null}
    </details>
  );
}

/** Resets a user's password to a one-time password shown here once (effective at once, or on approval). */
export function ResetPasswordButton({ userId }: { userId: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const reset = state?.ok ? state.data : null;
  return (
    <div className="flex flex-col items-start gap-1">
      <form action={action} onSubmit={(e) => { if (!window.confirm(t("users.confirmReset"))) e.preventDefault(); }}>
        <input type="hidden" name="id" value={userId} />
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>{t("users.resetPassword")}</Button>
      </form>
      {reset ? (
        <div className="max-w-xs">
          <OneTimePassword intro={t("users.resetOnce", { username: reset.username })} password={reset.password} pending={false} />
          {reset.pending ? <p data-testid="approval-pending" className="mt-1 text-xs text-amber-800">{t("users.resetPending")}</p> : null}
        </div>
      ) : <FormStatus state={state} />}
    </div>
  );
}
