/**
 * The controls of a filter row, each bound to one field of the filters:
 * `bind("state")` is the value and the onChange of that field's control.
 */
export function filterFields<F extends object>(value: F, onChange: (next: F) => void) {
  const set = (patch: Partial<F>) => onChange({ ...value, ...patch })
  const bind = <K extends keyof F>(key: K) => ({ value: value[key], onChange: (v: F[K]) => set({ [key]: v } as unknown as Partial<F>) })
  return { set, bind }
}
