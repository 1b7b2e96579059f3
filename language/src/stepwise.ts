/**
 * Work done in steps: a generator that yields where it may pause and returns the result. The CLI
 * runs all the steps at once (`finished`); the language server runs them in turns (`inTurns`),
 * letting other work in between, so that a long job (the parse in pieces, the precedent library's
 * first read, the conformance check) never holds the server in one stretch. A generator left
 * part-way (a cancelled build) can be driven on from where it stopped.
 */
export type Steps<T, Yielded = void> = Generator<Yielded, T, void>;

/** The result of all the steps, run at once. */
export function finished<T, Yielded>(steps: Steps<T, Yielded>): T {
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
    }
}

/** The result of the steps, with `pause` awaited between them (given what the step yielded); a pause that throws stops there. */
export async function inTurns<T, Yielded>(steps: Steps<T, Yielded>, pause: (yielded: Yielded) => Promise<unknown>): Promise<T> {
    for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value;
        await pause(step.value);
    }
}
