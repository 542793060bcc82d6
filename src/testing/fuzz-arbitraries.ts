import fc from "fast-check";

/** The part of JSON Schema (as found in /api/openapi.json) that the fuzzer understands. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 20, max: 1000 }), fc.boolean())
  .map(([depth, asArray]) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
    return value;
  });

/** Values that break naive code: wrong types, extremes, odd text, deep nesting. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "1e309",
    "",
    " ",
    "null",
    "undefined",
    "0x10",
    "\u0000",
    "\ud800",
    "\u202e\ud83d\ude00\u0301",
    "../../etc/passwd",
    "%00",
    "'; DROP TABLE users; --",
    "<script>alert(1)</script>",
    "9999-12-31T23:59:59.999Z",
    "+275760-09-13T00:00:00.000Z",
    "0000-01-01",
    "2024-02-30",
    "1970-01-01T00:00:00Z",
    "2024-01-01T00:00:00+99:99",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "__proto__",
  ),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    1e308,
    -1e308,
    5e-324,
    0,
    -0,
    -1,
    0.1,
    2 ** 31,
    -(2 ** 31),
  ),
  fc.constant(null),
  fc.boolean(),
  fc.constant("x".repeat(10_000)),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double(),
  deepNesting,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

const validDate = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2035-12-31T00:00:00Z"),
  noInvalidDate: true,
});

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (schema.format) {
    case "uuid":
      return fc.uuid({ version: 4 });
    case "date-time":
      return validDate.map((d) => d.toISOString());
    case "date":
      return validDate.map((d) => d.toISOString().slice(0, 10));
    case "email":
      return fc.emailAddress();
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.min(schema.maxLength ?? 30, minLength + 30) });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -1e6;
  const max = schema.maximum ?? 1e6;
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values shaped like `schema`. With `mutate`, any node may be swapped for a nasty value and
 * objects may gain unknown keys, so the shape is mostly right but the details are wrong.
 */
export function schemaArbitrary(schema: JsonSchema, mutate: boolean): fc.Arbitrary<unknown> {
  let base: fc.Arbitrary<unknown>;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants && variants.length > 0) {
    base = fc.oneof(...variants.map((v) => schemaArbitrary(v, mutate)));
  } else if (schema.enum && schema.enum.length > 0) {
    base = fc.constantFrom(...schema.enum);
  } else {
    switch (schema.type) {
      case "string":
        base = stringArbitrary(schema);
        break;
      case "number":
        base = numberArbitrary(schema, false);
        break;
      case "integer":
        base = numberArbitrary(schema, true);
        break;
      case "boolean":
        base = fc.boolean();
        break;
      case "array":
        base = fc.array(schemaArbitrary(schema.items ?? {}, mutate), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4),
        });
        break;
      case "object": {
        const properties = schema.properties ?? {};
        const model = Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, schemaArbitrary(value, mutate)]),
        );
        const record = fc.record(model, { requiredKeys: schema.required ?? [] });
        base = mutate
          ? fc
              .tuple(record, fc.option(fc.dictionary(fc.string({ maxLength: 6 }), nastyValue)))
              .map(([r, extra]) => ({ ...extra, ...r }))
          : record;
        break;
      }
      default:
        base = fc.jsonValue({ maxDepth: 2 });
    }
  }
  if (schema.nullable) base = fc.option(base, { nil: null, freq: 5 });
  return mutate
    ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: nastyValue })
    : base;
}

/** Request bodies that are not JSON at all, or JSON that parsers trip on. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    '{"a":',
    "[1,2,",
    "nul",
    "null",
    "true",
    '"text"',
    "1e999",
    "-",
    "{}garbage",
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"a":1,"a":2}',
    "\u0000",
    "\ufeff{}",
    "{'single':'quotes'}",
    `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
    `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
);

/** A path segment nobody should have to handle. */
export const oddPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "..",
    ".",
    "%00",
    "%",
    "%zz",
    "%2e%2e",
    "%2F",
    "a%2Fb",
    "%ff%fe",
    "%c0%ae",
    "🙂",
    "ñ",
    "null",
    "undefined",
    "-1",
    "0",
    "1e309",
    "NaN",
    "00000000-0000-0000-0000-000000000000",
    "x".repeat(300),
    "x".repeat(5000),
  ),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).map(percentEncode),
  fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 40 }).map(percentEncode),
);

/**
 * encodeURIComponent that also takes lone surrogates (it throws on them): they are sent as
 * their WTF-8 bytes, which is invalid UTF-8 the server must refuse politely.
 */
export function percentEncode(text: string): string {
  let out = "";
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}
