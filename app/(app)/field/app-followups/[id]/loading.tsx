export { PhonePageSkeleton as default } from "@/components/ui/page-skeletons";
