// Types for scripts/serve.mjs, so the TypeScript e2e harness can import the same server code.
import type { Server } from 'node:http';

/** The folder `npm run build` writes. */
export declare const DIST_DIR: string;
/** Content types by file extension. */
export declare const MIME_TYPES: Record<string, string>;
/** The content type for a file name. */
export declare function contentTypeFor(name: string): string;
/** The file a request path maps to: null when forbidden (outside root), undefined when missing. */
export declare function resolveRequestPath(root: string, urlPath: string): Promise<string | null | undefined>;
/** A server of the files under root. */
export declare function createStaticServer(root?: string): Server;
/** A running static server. */
export interface RunningServer {
  url: string;
  port: number;
  /** True when the wanted port was taken and the system chose another. */
  fellBack: boolean;
  close(): Promise<void>;
}
/** Serve root on host:port (falling back to a free port). */
export declare function startStaticServer(opts?: { root?: string; port?: number; host?: string }): Promise<RunningServer>;
