/** JSON value types shared by step results, metadata and ledger records. */

export type JsonPrimitive = string | number | boolean | null;
/** Any JSON value: what steps return and metadata holds. */
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };
