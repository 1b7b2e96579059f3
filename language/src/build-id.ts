/**
 * An id of this build of CLD: esbuild sets __CLD_BUILD__ to a hash of the sources it bundled
 * (esbuild.mjs). Caches keyed by it are never read by another build. Undefined when the sources
 * run as they are (the unit tests), where nothing is cached.
 */
declare const __CLD_BUILD__: string | undefined;

export const BUILD_ID: string | undefined = typeof __CLD_BUILD__ === 'string' ? __CLD_BUILD__ : undefined;
