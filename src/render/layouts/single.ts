/**
 * One column, margin to margin: the header with the contacts in a row under the name, then every
 * section in its order. A line-grouping parser meets nothing here beyond what every layout keeps.
 */
import type { Layout } from "./layout.js";

export const single: Layout = {
  id: "single",
  sideColumn: false,
  sections: (vm) => ({ side: [], main: vm.sections }),
  columns(kit) {
    const { main } = this.sections(kit.vm, kit.tokens);
    return {
      columns: [
        {
          column: "full",
          lead: [kit.header(true)],
          sections: main.map((sec) => kit.section(sec, "full", () => kit.styles)),
        },
      ],
      geometry: { full: kit.full, side: kit.full, main: kit.full },
    };
  },
  parseRules: () => [],
};
