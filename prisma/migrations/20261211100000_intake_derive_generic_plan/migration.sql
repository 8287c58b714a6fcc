-- ───────────── intake_derive: its statements planned once per session (hand-written, issue 18 items 4 and 8) ─────────────
-- intake_derive(ids) (migration intake_followups) and the functions it calls take the warnings as
-- an array parameter. PL/pgSQL plans such a statement for its values (a custom plan) until a plan
-- for any values looks as cheap, and for "id = ANY(ids)" it never does, so each call was planned
-- again: on the city-year dataset (3.3 M warnings) 3.5-4.8 ms for one warning, of which ~1.1 ms
-- is the work. The plan for any values is the right one at both ends (one warning, a 5,000-item
-- batch: index look-ups by id), so the function asks for it, for itself and what it calls.
-- Measured with `npx tsx bench/intake-derive.ts` (README, "Intake at the city's scale").

ALTER FUNCTION intake_derive(uuid[]) SET plan_cache_mode = force_generic_plan;
