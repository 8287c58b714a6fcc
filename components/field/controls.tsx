import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// Controls sized for a thumb on a 375 px screen: every target at least 44 px high, 16 px text
// (smaller text makes phones zoom into the field).

export const bigInput = "min-h-12 text-base";

/** A group of radio buttons, one big row each. */
export function ChoiceGroup({
  name, legend, options, value, defaultValue, onChange, error, columns = 1, id,
}: {
  name: string;
  legend: ReactNode;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  value?: string;
  defaultValue?: string;
  onChange?: (v: string) => void;
  error?: string;
  columns?: 1 | 2;
  id: string;
}) {
  return (
    <fieldset className="space-y-1.5" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">{legend}</legend>
      <div className={cn("grid gap-2", columns === 2 && "grid-cols-2")}>
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              "flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border bg-white px-3 py-2 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-medium",
              error ? "border-red-400" : "border-slate-300",
            )}
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              className="size-5 shrink-0 accent-brand-600"
              {...(value !== undefined ? { checked: value === o.value, onChange: () => onChange?.(o.value) } : { defaultChecked: defaultValue === o.value, onChange: () => onChange?.(o.value) })}
            />
            <span className="min-w-0">
              <span className="block">{o.label}</span>
              {o.hint ? <span className="block text-xs font-normal text-slate-500">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? <p id={`${id}-error`} role="alert" className="text-xs text-red-600">{error}</p> : null}
    </fieldset>
  );
}

/** A checkbox as a big row with its label and hint. */
export function CheckRow({ name, label, hint, error, defaultChecked, id }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; defaultChecked?: boolean; id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={cn("flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border bg-white px-3 py-2 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50", error ? "border-red-400" : "border-slate-300")}>
        <input id={id} type="checkbox" name={name} value="true" defaultChecked={defaultChecked} className="size-5 shrink-0 accent-brand-600" aria-invalid={error ? true : undefined} />
        <span className="min-w-0">
          <span className="block">{label}</span>
          {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
        </span>
      </label>
      {error ? <p role="alert" className="text-xs text-red-600">{error}</p> : null}
    </div>
  );
}

export function TextArea({ invalid, className, ...props }: ComponentProps<"textarea"> & { invalid?: boolean }) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && props.id ? `${props.id}-error` : undefined}
      className={cn(
        "block min-h-24 w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none",
        invalid ? "border-red-500" : "border-slate-300",
        className,
      )}
      {...props}
    />
  );
}
