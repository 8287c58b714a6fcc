"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { resetBoundariesAction, uploadBoundariesAction } from "@/app/(app)/admin/map/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { MAP_CRS, MAX_BOUNDARY_BYTES } from "@/lib/map/geojson";

const MAX_TEXT = `${Math.round(MAX_BOUNDARY_BYTES / 1000)} KB`;

/** One refusal as a sentence: which feature (1-based and its index) and which property, and why. */
function useDescribe() {
  const t = useTranslations("mapAdmin");
  const known = new Set(["required", "invalid_json", "too_large", "not_feature_collection", "no_features", "too_many_features", "not_feature", "code_missing", "unknown_unit", "duplicate_code", "geometry_type", "bad_coordinates", "outside_china"]);
  return (path: string, code: string) => {
    const problem = known.has(code) ? t(`errors.${code as "required"}`, { max: MAX_TEXT }) : t("errors.other", { code });
    const m = /^geojson\.features\[(\d+)\]\.(.+)$/.exec(path);
    return m ? t("feature", { n: Number(m[1]) + 1, i: m[1]!, property: m[2]!, problem }) : problem;
  };
}

/** The administrator's upload: a GeoJSON file and its coordinate system; or back to the schematic. */
export function BoundaryUpload({ active }: { active: boolean }) {
  const t = useTranslations("mapAdmin");
  const te = useTranslations("errors");
  const tm = useTranslations("map");
  const describe = useDescribe();
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const upload = async () => {
    if (!file) return;
    setDone(null);
    if (file.size > MAX_BOUNDARY_BYTES) return setErrors([describe("geojson", "too_large")]);
    setPending(true);
    const r = await uploadBoundariesAction({ crs: crs || undefined, fileName: file.name.slice(0, 200), geojson: await file.text() });
    setPending(false);
    if (r.ok) {
      setErrors([]);
      setDone(t("uploaded", { count: r.data.featureCount }));
    } else setErrors(Object.keys(r.fields).length ? Object.entries(r.fields).map(([path, code]) => describe(path, code)) : [te(r.code)]);
  };
  const reset = async () => {
    setPending(true);
    const r = await resetBoundariesAction();
    setPending(false);
    setErrors(r.ok ? [] : [te(r.code)]);
    if (r.ok) setDone(t("resetDone"));
  };
  return (
    <div className="space-y-4" data-testid="boundary-upload">
      <p className="text-sm text-slate-600">{t("rules", { max: MAX_TEXT })}</p>
      <Field id="boundary-file" label={t("file")}>
        <Input id="boundary-file" type="file" accept=".geojson,.json,application/geo+json,application/json" className="min-h-11" onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); setErrors([]); setDone(null); }} />
      </Field>
      <Field id="boundary-crs" label={t("crs")}>
        <Select id="boundary-crs" value={crs} onChange={(e) => setCrs(e.currentTarget.value)} className="min-h-11 max-w-xs">
          <option value="">{t("crsPick")}</option>
          {MAP_CRS.map((c) => <option key={c} value={c}>{tm(`crs.${c}`)}</option>)}
        </Select>
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={!file || pending} onClick={upload} className="min-h-11">{t("upload")}</Button>
        {active ? <Button type="button" variant="secondary" disabled={pending} onClick={reset} className="min-h-11">{t("reset")}</Button> : null}
      </div>
      {errors.length ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="boundary-errors">
          <p className="font-medium">{t("refused")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">{errors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      ) : null}
      {done ? <p role="status" className="text-sm text-green-800">{done}</p> : null}
    </div>
  );
}
