// Types for the parts of Eleventy's JavaScript API the site and its scripts use (Eleventy ships none).
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: 'build' | 'serve' | 'watch';
    /** Runs after the config file, with the same config API (e.g. to add global data). */
    config?: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: { baseHref?: string }) => void;
}
