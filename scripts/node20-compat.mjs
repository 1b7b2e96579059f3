// Node 20 lacks Object.groupBy (Node 21+), which chevrotain 12+ (Langium 4.3+) calls when it
// checks a grammar. This shim is loaded before Langium by every entry point and by the tests.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
