// Types of check-production-build.mjs for the TypeScript tests that import it.

/** Strings a production build must not hold. */
export declare const FORBIDDEN: string[];

/** The files of `dir` holding a forbidden string, with the string. */
export declare function forbiddenIn(dir: string): Promise<Array<{ file: string; string: string }>>;
