/**
 * Work done in steps: a generator that yields between them and returns the result. The CLI runs
 * all the steps at once (`finished`); the editor runs one, lets a keystroke in, then the next
 * (server/src/conformance-source.ts), so that a long check never holds the server in one stretch.
 */
export type Steps<T> = Generator<void, T, void>;

/** The result of all the steps, run at once. */
export function finished<T>(steps: Steps<T>): T {
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
    }
}
