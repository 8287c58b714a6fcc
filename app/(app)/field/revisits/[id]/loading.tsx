import { Skeleton } from "@/components/ui/card";

export default function Loading() {
  return (
    <div className="mx-auto max-w-2xl space-y-4" aria-busy="true">
      <Skeleton className="h-6 w-32" />
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-40" />
      {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-12" />)}
    </div>
  );
}
