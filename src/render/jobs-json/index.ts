// The board as data (`jobs.json`): the public face of this folder.
export { toJobsJson, toJobsJsonParts, publicPosting, JOBS_JSON_VERSION, type JobsJson } from './to-jobs-json.ts';
