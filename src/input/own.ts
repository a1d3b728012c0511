/**
 * Lookups by a name that comes from the input. A plain object inherits `constructor`,
 * `toString`, `__proto__` and the rest from Object.prototype, so `TABLE[name]` with such a name
 * finds a function, and `obj[name] = value` with `__proto__` replaces the object's prototype
 * instead of adding a key. These read and write own properties only.
 */

/** `table[key]` when `table` has it as its own property, else undefined. */
export const own = <T>(table: Readonly<Record<string, T>>, key: PropertyKey): T | undefined =>
  Object.hasOwn(table, key) ? table[key as string] : undefined;

/** Sets `key` on `obj` as an own, ordinary property, whatever its name (`__proto__` included). */
export function setOwn(obj: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
