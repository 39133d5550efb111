export interface RunningService {
  url: string;
  port: number;
  /** The server's own process when it runs as a child process (the postmaster, not runuser). */
  pid?: number;
  /** Stops the service and resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * `info`: what the launcher itself is doing (creating a user, installing a package).
 * `output`: a line the server or a tool printed.
 */
export type LogKind = 'info' | 'output';
export type LogLine = (line: string, kind: LogKind) => void;
