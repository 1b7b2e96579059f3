/** An import failure that names the file it is about; the CLI prints it and exits with code 2. */
export class ImportError extends Error {
    constructor(readonly file: string, readonly reason: string) {
        super(`${file}: ${reason}`);
        this.name = 'ImportError';
    }
}
