export { SectionsSkeleton as default } from "@/components/ui/page-skeletons";
