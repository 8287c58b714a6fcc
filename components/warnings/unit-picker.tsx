"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { UnitOption } from "@/lib/units/picker-options";
import { cn } from "@/components/ui/cn";

/** Does a unit answer a search: its name, its pinyin initials (东城开发区 → dckfq) or its code. */
export function unitMatches(u: UnitOption, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return u.name.includes(q) || u.initials.includes(q) || u.code.startsWith(q);
}

type Props = {
  id: string;
  units: UnitOption[];
  value: string;
  onChange: (code: string) => void;
  /** Posts the chosen code with a plain form under this name. */
  name?: string;
  /** Offered as the first choice with the empty code (e.g. "all units" in a filter). */
  blankLabel?: string;
  className?: string;
  autoFocus?: boolean;
};

/**
 * A unit combobox: type a name, pinyin initials or a code; ↑/↓ move, Enter or a click chooses,
 * Esc closes the list. With the list closed, Enter belongs to the form (it submits).
 */
export function UnitPicker({ id, units, value, onChange, name, blankLabel, className, autoFocus }: Props) {
  const t = useTranslations("warnings");
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const options = useMemo(() => {
    const found = units.filter((u) => unitMatches(u, query));
    return blankLabel !== undefined && !query ? [null, ...found] : found;
  }, [units, query, blankLabel]);
  const selected = units.find((u) => u.code === value);
  const label = selected ? `${selected.name}（${selected.code}）` : (blankLabel ?? "");

  const choose = (u: UnitOption | null) => {
    onChange(u?.code ?? "");
    setOpen(false);
    setQuery("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => Math.max(0, Math.min(options.length - 1, a + (e.key === "ArrowDown" ? 1 : -1))));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      if (options.length) choose(options[Math.min(active, options.length - 1)] ?? null);
    } else if (e.key === "Escape" && open) {
      e.stopPropagation();
      e.nativeEvent.stopImmediatePropagation();
      setOpen(false);
      setQuery("");
    }
  };

  return (
    <div className={cn("relative", className)}>
      {name ? <input type="hidden" name={name} value={value} /> : null}
      <input
        id={id}
        ref={input}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options.length ? `${listId}-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={t("picker.placeholder")}
        className="block min-h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        value={open ? query : label}
        onFocus={(e) => {
          setOpen(true);
          setActive(0);
          e.currentTarget.select();
        }}
        onBlur={() => {
          setOpen(false);
          setQuery("");
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} role="listbox" data-testid="unit-options" className="absolute z-20 mt-1 max-h-64 w-full min-w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {options.length === 0 ? <li className="px-3 py-2 text-slate-500">{t("picker.none")}</li> : null}
          {options.map((u, i) => (
            <li
              key={u?.code ?? ""}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              data-code={u?.code ?? ""}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(u);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn("flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5", i === active ? "bg-brand-50 text-brand-900" : "", u?.code === value ? "font-semibold" : "")}
            >
              <span style={{ paddingLeft: u ? `${Math.max(0, u.depth - 1)}rem` : 0 }}>{u ? u.name : blankLabel}</span>
              {u ? <span className="font-mono text-xs text-slate-500">{u.code}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A picker for a plain (GET or server action) form: it keeps its own choice and posts it as `name`. */
export function UnitPickerField({ defaultValue, ...props }: Omit<Props, "value" | "onChange"> & { name: string; defaultValue?: string }) {
  const [value, setValue] = useState(defaultValue ?? "");
  return <UnitPicker {...props} value={value} onChange={setValue} />;
}
