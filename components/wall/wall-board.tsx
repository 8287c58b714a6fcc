"use client";

import { useCallback, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { WallBoard as Board, WallFigure } from "@/lib/wall/board";
import { count, signedPercent, wan } from "@/lib/stats/format";
import { cn } from "@/components/ui/cn";
import { WallBars } from "@/components/wall/wall-bars";
import { UnitMap } from "@/components/map/unit-map";
import { WallTrend } from "@/components/wall/wall-trend";

type Status = "connecting" | "live" | "reconnecting";

/** Reconnect delays: 1 s, 2 s, 4 s … at most 15 s. */
const backoff = (attempt: number) => Math.min(15_000, 1_000 * 2 ** attempt);
/** Events come in bursts (a feed's batch): one refetch per burst. */
const REFETCH_DEBOUNCE_MS = 400;
/** Overdue counts change with the clock, not with events: a refetch every minute regardless. */
const POLL_MS = 60_000;

/**
 * Keeps the wall's figures current: a stream of change kinds (GET /api/v1/wall/stream) triggers a
 * refetch of the figures (GET /api/v1/wall). A dropped stream shows 重连中 and is reopened with
 * backoff; once it is back, the figures are refetched (events sent meanwhile are not replayed).
 */
function useWallLive(initial: Board): { board: Board; status: Status } {
  const [board, setBoard] = useState(initial);
  const [status, setStatus] = useState<Status>("connecting");
  const refetch = useCallback(async () => {
    try {
      const res = await fetch("/api/v1/wall", { cache: "no-store", headers: { accept: "application/json" } });
      if (res.status === 401) window.location.reload();
      else if (res.ok) setBoard((await res.json()) as Board);
    } catch {
      /* offline: the stream's status says so, and its reconnect refetches */
    }
  }, []);
  useEffect(() => {
    let source: EventSource | null = null;
    let attempt = 0;
    let dropped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source?.close();
      const s = new EventSource("/api/v1/wall/stream");
      source = s;
      s.onmessage = (m) => {
        const e = JSON.parse(m.data) as { kind: string };
        if (e.kind === "hello") {
          setStatus("live");
          attempt = 0;
          if (dropped) void refetch();
          dropped = false;
          return;
        }
        clearTimeout(debounce);
        debounce = setTimeout(() => void refetch(), REFETCH_DEBOUNCE_MS);
      };
      s.onerror = () => {
        if (source === s) drop();
      };
    };
    // A dropped stream (or the network gone: an open stream may not notice for minutes) is closed
    // and reopened with backoff; going back online tries at once.
    const drop = () => {
      source?.close();
      source = null;
      dropped = true;
      setStatus("reconnecting");
      clearTimeout(retry);
      retry = setTimeout(connect, backoff(attempt++));
    };
    const online = () => {
      clearTimeout(retry);
      attempt = 0;
      connect();
    };
    connect();
    window.addEventListener("offline", drop);
    window.addEventListener("online", online);
    const poll = setInterval(() => void refetch(), POLL_MS);
    return () => {
      window.removeEventListener("offline", drop);
      window.removeEventListener("online", online);
      source?.close();
      clearTimeout(retry);
      clearTimeout(debounce);
      clearInterval(poll);
    };
  }, [refetch]);
  return { board, status };
}

/** A clock for the header and the feed's ages, ticking every 15 s from the board's time. */
function useNow(start: string): number {
  // The server's time first (the same text on both sides of hydration), then the screen's own.
  const [now, setNow] = useState(() => Date.parse(start));
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 15_000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, []);
  return now;
}

const RISK_COLOR: Record<string, string> = { CRITICAL: "bg-red-600 text-white", HIGH: "bg-orange-500 text-slate-950", MEDIUM: "bg-amber-300 text-slate-950", LOW: "bg-slate-600 text-white" };
const chinaClock = (t: number) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(t);

function FigureCard({ figure }: { figure: WallFigure }) {
  const t = useTranslations("wall");
  const money = figure.kind === "money";
  const alarm = figure.key === "overdue" && Number(figure.value) > 0;
  return (
    <div className={cn("flex min-h-0 flex-col justify-between rounded-[0.4em] border p-[0.6em]", alarm ? "border-red-700 bg-red-950/60" : "border-slate-800 bg-slate-900/70")} data-testid={`wall-figure-${figure.key}`}>
      <div className="truncate text-[1em] text-slate-300">{t(`figures.${figure.key}`)}</div>
      <div className={cn("truncate font-bold leading-none tabular-nums", alarm ? "text-red-300" : "text-sky-200")} style={{ fontSize: "2.9em" }} data-testid="wall-figure-value">
        {money ? wan(figure.value) : count(figure.value)}
        {money ? <span className="ml-[0.2em] text-[0.35em] font-normal text-slate-400">{t("wanYuan")}</span> : null}
      </div>
      <div className="truncate text-[0.85em] text-slate-400">
        {figure.yearAgo === null ? t("now") : figure.yoy === null ? t("noYoy") : (
          <>
            {t("yoy")}{" "}
            <span className={figure.yoy > 0 ? "text-rose-300" : figure.yoy < 0 ? "text-emerald-300" : undefined}>{signedPercent(figure.yoy)}%</span>
          </>
        )}
      </div>
    </div>
  );
}

function Panel({ title, children, testId, className }: { title: string; children: React.ReactNode; testId?: string; className?: string }) {
  return (
    <section className={cn("flex min-h-0 flex-col rounded-[0.4em] border border-slate-800 bg-slate-900/70 p-[0.7em]", className)} data-testid={testId}>
      <h2 className="mb-[0.5em] shrink-0 text-[1.05em] font-semibold text-sky-300">{title}</h2>
      <div className="min-h-0 flex-1 overflow-hidden">{children}</div>
    </section>
  );
}

/**
 * The big screen (大屏): sized to the viewport by a CSS grid and type scaled with it (the root's
 * font size follows min(vw, vh)), so it reads the same at 1920×1080 and 3840×2160 and never scrolls.
 */
export function WallBoard({ initial }: { initial: Board }) {
  const t = useTranslations("wall");
  const fraud = useTranslations("warnings.fraudType");
  const ages = useTranslations("profiles.ages");
  const { board, status } = useWallLive(initial);
  const now = useNow(initial.generatedAt);
  const age = (iso: string) => {
    const n = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
    return n < 1 ? t("justNow") : t("minutesAgo", { n });
  };
  const series = board.trend.types.map((key) => ({ key, name: fraud(key) }));
  const days = board.trend.days.map((d) => ({ ...d, label: d.day.slice(5) }));

  return (
    <main
      className={cn(
        "grid h-dvh w-screen gap-[0.6em] overflow-hidden bg-slate-950 p-[0.8em] text-slate-100",
        board.surges.length ? "grid-rows-[auto_auto_minmax(0,0.2fr)_minmax(0,1fr)]" : "grid-rows-[auto_minmax(0,0.2fr)_minmax(0,1fr)]",
      )}
      style={{ fontSize: "min(1.05vw, 1.9vh)" }}
      data-testid="wall"
    >
      <header className="flex items-center justify-between gap-[1em]">
        <h1 className="truncate text-[1.8em] font-bold tracking-wide text-sky-100">{t("title")} · {board.unit.name}</h1>
        <div className="flex shrink-0 items-center gap-[1em] text-[1.1em]">
          <span className="tabular-nums text-slate-300">{chinaClock(now)}</span>
          <span
            role="status"
            data-testid="wall-status"
            data-status={status}
            className={cn("rounded-full px-[0.7em] py-[0.15em] font-semibold", status === "live" ? "bg-emerald-700 text-emerald-50" : status === "reconnecting" ? "animate-pulse bg-amber-500 text-slate-950" : "bg-slate-700 text-slate-200")}
          >
            {t(status)}
          </span>
        </div>
      </header>

      {board.surges.length ? (
        <div role="alert" className="flex min-w-0 items-center gap-[0.8em] rounded-[0.4em] border border-red-500 bg-red-700 px-[0.8em] py-[0.3em] text-[1.35em] font-bold text-white" data-testid="wall-surge">
          <span className="shrink-0 text-yellow-200">{t("surge.title")}</span>
          <span className="min-w-0 truncate">
            {board.surges.map((x) => t("surge.item", { type: fraud(x.fraudType), count: count(x.count), usual: count(x.usual) })).join(t("surge.separator"))}
          </span>
        </div>
      ) : null}

      <div className="grid min-h-0 grid-cols-5 gap-[0.6em]">
        {board.figures.map((f) => <FigureCard key={f.key} figure={f} />)}
      </div>

      <div className="grid min-h-0 grid-cols-[1fr_1.35fr_1fr] gap-[0.6em]">
        <div className="grid min-h-0 grid-rows-[minmax(0,1.5fr)_minmax(0,1fr)] gap-[0.6em]">
          <Panel title={t("map")} testId="wall-map">
            <UnitMap
              theme="dark"
              fill
              shapes={board.mapShapes}
              areas={board.warningsByUnit.map((u) => ({ code: u.code, name: u.name, value: u.value, label: count(u.value) }))}
              metricLabel={t("mapMetric")}
              // Read from 10 m: names and counts larger than on a desk (fewer areas, larger still).
              labelSize={Math.round(board.mapShapes.width / (board.mapShapes.shapes.length <= 10 ? 24 : 34))}
              legendClassName="text-[0.8em]"
            />
          </Panel>
          <Panel title={t("breaches")} testId="wall-breaches">
            <WallBars items={board.breaches} rows={8} color="linear-gradient(90deg,#dc2626,#f87171)" empty={t("empty")} />
          </Panel>
        </div>
        <div className="grid min-h-0 grid-rows-[minmax(0,1.2fr)_minmax(0,1fr)] gap-[0.6em]">
          <Panel title={t("trend")} testId="wall-trend">
            <WallTrend days={days} series={series} empty={t("empty")} />
          </Panel>
          <Panel title={t("rankings")} testId="wall-rankings">
            {board.rankings.length ? (
              <div className="grid h-full min-h-0 grid-cols-3 gap-[0.6em]">
                {board.rankings.map((r) => (
                  <div key={r.key} className="flex min-h-0 flex-col">
                    <h3 className="mb-[0.3em] truncate text-[0.9em] text-slate-400">{t(`ranking.${r.key}`)}</h3>
                    <ol className="grid min-h-0 flex-1 grid-rows-5 gap-[0.2em]">
                      {r.rows.map((row) => (
                        <li key={row.code} className="grid min-h-0 grid-cols-[1.4em_minmax(0,1fr)_auto] items-center gap-[0.4em] text-[0.9em]">
                          <span className={cn("text-center font-bold tabular-nums", row.rank === 1 ? "text-amber-300" : "text-slate-400")}>{row.rank ?? "—"}</span>
                          <span className="truncate">{row.name}</span>
                          <span className="tabular-nums text-sky-200">
                            {row.value === null ? "—" : r.key === "lossStopped" ? wan(row.value) : `${row.value.toFixed(1)}%`}
                          </span>
                        </li>
                      ))}
                    </ol>
                  </div>
                ))}
              </div>
            ) : <p className="grid h-full place-items-center text-[0.9em] text-slate-500">{t("empty")}</p>}
          </Panel>
        </div>
        <Panel title={t("feed")} testId="wall-feed">
          {board.feed.length ? (
            <ol className="grid h-full min-h-0 gap-[0.3em]" style={{ gridTemplateRows: "repeat(12, minmax(0, 1fr))" }}>
              {board.feed.map((w) => (
                <li key={w.key} className="grid min-h-0 grid-cols-[3.6em_minmax(0,1fr)_auto] items-center gap-[0.5em] border-b border-slate-800/70 text-[0.9em]" data-testid="wall-feed-item">
                  <span className={cn("rounded-[0.25em] px-[0.3em] text-center text-[0.85em] font-semibold", RISK_COLOR[w.risk])}>{t(`risk.${w.risk}`)}</span>
                  <span className="min-w-0 truncate">
                    <span className="text-slate-50">{fraud(w.fraudType)}</span>
                    <span className="text-slate-400"> · {w.unit} · {ages(w.ageGroup)}</span>
                  </span>
                  <span className="tabular-nums text-[0.85em] text-slate-400">{age(w.receivedAt)}</span>
                </li>
              ))}
            </ol>
          ) : <p className="grid h-full place-items-center text-[0.9em] text-slate-500">{t("feedEmpty")}</p>}
        </Panel>
      </div>
    </main>
  );
}
