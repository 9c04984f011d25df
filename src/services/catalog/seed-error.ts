/** A seed file that cannot be loaded, naming the file and the field (e.g. `[12].metadata.covers[0].supply`). */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'SeedFileError';
  }
}
