// The output formats of `jobsite check`, apart from the command so that the
// argument parser can list them without loading the pipeline.
export const CHECK_FORMATS = ['text', 'json', 'github', 'stylish'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
