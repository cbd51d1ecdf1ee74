// The one error the output stage throws: the output folder cannot be written,
// is locked by another build, or is not safe to replace.
export class OutputError extends Error {
  override name = 'OutputError';
}
