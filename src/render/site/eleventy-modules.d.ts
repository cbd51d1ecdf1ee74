// Type declarations for the parts of Eleventy and its dev server that the
// site driver and `serve` use; neither package ships TypeScript types.

declare module '@11ty/eleventy' {
  /** The configuration API handed to `config` (a subset of Eleventy's UserConfig). */
  export interface EleventyUserConfig {
    setTemplateFormats(formats: string[]): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setUseGitIgnore(enabled: boolean): void;
    setUseTemplateCache(enabled: boolean): void;
    setQuietMode(quiet: boolean): void;
    addGlobalData(name: string, data: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    /** Globs or paths of input files Eleventy must not process. */
    ignores: Set<string>;
    addFilter(name: string, filter: (this: EleventyFilterContext, ...args: never[]) => unknown): void;
    addNunjucksGlobal(name: string, value: unknown): void;
    /** Fired with the Nunjucks environment Eleventy created, before any rendering. */
    on(event: 'eleventy.engine.njk', listener: (event: { environment: { opts?: { autoescape?: unknown } } }) => void): void;
    /** Eleventy's timing groups; their warnings go straight to the console. */
    benchmarkManager?: {
      setVerboseOutput(verbose: boolean): void;
      getAll(): Record<string, { setIsVerbose(verbose: boolean): void }>;
    };
  }

  /** What `this` holds inside a filter. */
  export interface EleventyFilterContext {
    page?: { url?: string | false; inputPath?: string; outputPath?: string | false };
    ctx?: Record<string, unknown>;
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    /** `false` skips looking for a project config file. */
    configPath?: string | false;
    pathPrefix?: string;
    config?: (config: EleventyUserConfig) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}

declare module '@11ty/eleventy-dev-server' {
  export interface DevServerLogger {
    log(message: string): void;
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }

  export interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    showAllHosts?: boolean;
    portReassignmentRetryCount?: number;
    /** Serves the folder below this path (`/board/`). */
    pathPrefix?: string;
    logger: DevServerLogger;
    messageOnStart?: (info: { hosts: string[] }) => string | false;
  }

  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    getPort(): Promise<number>;
    /** The URL of `pathname` on `host`; available once listening. */
    getServerUrl(host: string, pathname?: string): string;
    reload(event?: { files?: string[]; subtype?: string; build?: unknown }): void;
    close(): Promise<void>;
  }
}
