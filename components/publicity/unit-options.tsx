/** Options of a unit picker, indented by depth below the actor's jurisdiction root. */
export type UnitOption = { code: string; name: string; depth: number };

export function UnitOptions({ units }: { units: UnitOption[] }) {
  return (
    <>
      {units.map((u) => (
        <option key={u.code} value={u.code}>
          {"\u3000".repeat(u.depth)}
          {u.name}
        </option>
      ))}
    </>
  );
}
