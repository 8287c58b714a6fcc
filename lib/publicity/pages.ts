/** The publicity pages whose data a publicity write changes (the section's overview and its lists). */
export const PUBLICITY_PAGES = ["/publicity", "/publicity/events", "/publicity/campaigns", "/publicity/counts", "/publicity/measures"] as const;
