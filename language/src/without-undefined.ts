/** The object without its fields that are undefined: absent fields are left out rather than written as undefined, so that two flat models compare (and serialise) equal. */
export function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
