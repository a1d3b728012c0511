/**
 * The layouts a theme may name (its `layout` token). Each is given its meaning, once, in a module
 * of its own beside this file; `index.ts` holds them in a record typed over these names, so a name
 * added here and not given a layout fails the type-check.
 */
export const LAYOUTS = ["single", "sidebar"] as const;
export type LayoutId = (typeof LAYOUTS)[number];
