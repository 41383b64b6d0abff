import type { ESLint } from "eslint";

/** Folder under src/ → the folders it may import from. */
export const LAYERS: Record<string, readonly string[]>;
export function layerOf(file: string, srcDir: string): string | undefined;
declare const plugin: ESLint.Plugin;
export default plugin;
