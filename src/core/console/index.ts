// The read-only SQL console's core: screening, running, schema with docs, CSV.
export { ConsoleError, DEFAULT_MAX_ROWS, openConsoleDatabase, runConsoleSql, statementPreview } from './run-readonly';
export { firstKeyword, refusal, splitStatements } from './statement-screen';
export { parseSchemaDocs, type TableDoc } from './schema-docs';
export { readSchema } from './schema';
export { BOM, csvChunks, csvField, csvRecord, toCsv } from './csv';
export type * from './types';
