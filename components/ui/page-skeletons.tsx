import { Skeleton } from "@/components/ui/card";

/** The loading state of a phone-first page: a header, a summary card and a form's fields. */
export function PhonePageSkeleton() {
  return (
    <div className="mx-auto max-w-2xl space-y-4" aria-busy="true">
      <Skeleton className="h-6 w-32" />
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-40" />
      {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-12" />)}
    </div>
  );
}

/** The loading state of a page of stacked sections: a title and three blocks. */
export function SectionsSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-56 w-full" />
      <Skeleton className="h-48 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
