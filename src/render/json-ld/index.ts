// Structured data (schema.org JSON-LD) for posting pages: the public face of this folder.
export { toJobPostingJsonLd, type JobPostingJsonLdOptions } from './to-job-posting-json-ld.ts';
export { serializeJsonLdForScript } from './serialize-json-ld-for-script.ts';
