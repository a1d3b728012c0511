/** Objects without the keys that hold nothing. */

/** The keys of `o` that are set: an undefined option must not hide the file's value. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** `o` without its empty fields (undefined, "", an empty list): an entry as a file should hold it. */
export const withoutEmpty = <T extends object>(o: T): T =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)),
  ) as T;
