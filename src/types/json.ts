/**
 * What a value becomes once a route has sent it and the admin has read it:
 * `res.json` turns every Date into an ISO string. The routes are typed with
 * the server's values (Dates); the admin reads the same types through this.
 */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends readonly (infer U)[]
      ? readonly Jsonified<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonified<T[K]> }
        : T
