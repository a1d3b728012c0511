/**
 * Every layout by its name (ids.ts): a theme names one in its tokens, and every stage reaches it
 * through `layoutOf` (render/themes/index.ts). Adding a layout: a module beside this one that
 * exports a `Layout` (layout.ts), its name in ids.ts, and a line here.
 */
import type { LayoutId } from "./ids.js";
import type { Layout } from "./layout.js";
import { sidebar } from "./sidebar.js";
import { single } from "./single.js";

export const layouts: Record<LayoutId, Layout> = { single, sidebar };
