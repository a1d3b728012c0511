/**
 * A stand-in for yoga while the startup snapshot is built, when WebAssembly (and so yoga) is not
 * available: nodes take every setting and report a fixed width, and a layout only asks each text
 * node to measure itself. It is good for one thing, a warm-up render whose output is thrown away
 * (src/startup/snapshot.ts), so that the renderer's code and font tables are ready in the snapshot.
 */
const MEASURE_EXACTLY = 1;

interface StubNode {
  children: StubNode[];
  measure?: (width: number, widthMode: number, height: number, heightMode: number) => unknown;
}

function stubNode(width: number): StubNode & Record<string | symbol, unknown> {
  const state: StubNode = { children: [] };
  const methods: Record<string, (...args: never[]) => unknown> = {
    insertChild: (child: StubNode) => void state.children.push(child),
    setMeasureFunc: (fn: StubNode["measure"]) => void (state.measure = fn),
    calculateLayout: () => {
      const visit = (n: StubNode) => {
        n.measure?.(width, MEASURE_EXACTLY, Number.NaN, 0);
        n.children.forEach(visit);
      };
      visit(state as StubNode);
    },
    getComputedWidth: () => width,
    getComputedLayout: () => ({ left: 0, top: 0, width, height: 0 }),
  };
  return new Proxy(state as StubNode & Record<string | symbol, unknown>, {
    get(target, key) {
      if (key in target) return target[key];
      if (typeof key === "string" && key in methods) return methods[key];
      // Every other getter reads 0; every setter, free and mark does nothing.
      return () => 0;
    },
  });
}

/** What react-pdf's loadYoga returns, for the snapshot warm-up. */
export function yogaStub(width = 450): unknown {
  const config = new Proxy({}, { get: () => () => undefined });
  return {
    Config: { create: () => config },
    Node: { createWithConfig: () => stubNode(width), create: () => stubNode(width) },
  };
}
