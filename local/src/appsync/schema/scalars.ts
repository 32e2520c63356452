/**
 * AppSync's built-in scalars with the validation AppSync applies when parsing inputs and
 * serializing results (developer guide, "scalars.html"). Messages follow AppSync's
 * graphql-java wording: "Unable to parse `x` as a valid DateTime Object." (as reported in
 * aws-amplify/amplify-cli#2033 and aws-amplify/amplify-js#5963).
 */
import { isIP } from 'node:net';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Date, optional zone offset `Z` or `±hh:mm[:ss]` (AppSync accepts a seconds field in the offset). */
const OFFSET = '(?:Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)';
const DATE = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
// AppSync accepts any number (≥1) of fraction digits (aws-amplify/amplify-js#7717).
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?';
const dateRe = new RegExp(`^${DATE}${OFFSET}?$`);
const timeRe = new RegExp(`^${TIME}${OFFSET}?$`);
// AWSDateTime requires the zone offset.
const dateTimeRe = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);
const emailRe = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*$/;
const phoneRe = /^\+?\d[\d\s-]+$/;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(value: string): boolean {
  // Reject impossible days (2021-02-30) that the pattern lets through; serialize runs per field, so no Date objects.
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (d > DAYS[m - 1]) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

/** Thrown by serialize: the engine reports it as graphql-java's "Can't serialize value (…)". */
export class ScalarSerializeError extends GraphQLError {}

function validUrl(value: string): boolean {
  // "URLs must contain a schema (http, mailto) and can't contain two forward slashes (//) in the path part."
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(value);
  if (!m) return false;
  try {
    const url = new URL(value);
    return !url.pathname.includes('//') && !/\s/.test(value);
  } catch {
    return false;
  }
}

function validIp(value: string): boolean {
  const [addr, prefix, ...rest] = value.split('/');
  if (rest.length) return false;
  const family = isIP(addr);
  if (!family) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

interface StringScalarSpec {
  name: string;
  /** The noun AppSync uses in messages ("as a valid DateTime Object"). */
  noun: string;
  description: string;
  valid(value: string): boolean;
}

function stringScalar(spec: StringScalarSpec): GraphQLScalarType {
  const check = (value: unknown, verb: 'parse' | 'serialize'): string => {
    if (typeof value !== 'string' || !spec.valid(value)) {
      const message = `Unable to ${verb} \`${String(value)}\` as a valid ${spec.noun} Object.`;
      throw verb === 'serialize' ? new ScalarSerializeError(message) : new GraphQLError(message);
    }
    return value;
  };
  return new GraphQLScalarType({
    name: spec.name,
    description: spec.description,
    serialize: (v) => check(v, 'serialize'),
    parseValue: (v) => check(v, 'parse'),
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING || !spec.valid(ast.value)) throw literalError(literalText(ast), spec.noun);
      return ast.value;
    },
  });
}

/**
 * A plain Error (not a GraphQLError) so graphql-js's validation reports it against the literal's
 * node, which lets the engine name the argument as AppSync's WrongType error does.
 */
function literalError(text: string, noun: string): Error {
  return new TypeError(`Unable to parse \`${text}\` as a valid ${noun} Object.`);
}

function literalText(ast: ValueNode): string {
  return 'value' in ast ? String(ast.value) : ast.kind;
}

const AWSDate = stringScalar({
  name: 'AWSDate', noun: 'Date', description: 'An extended ISO 8601 date string: YYYY-MM-DD, optional zone offset.',
  valid: (v) => dateRe.test(v) && validDate(v),
});
const AWSTime = stringScalar({
  name: 'AWSTime', noun: 'Time', description: 'An extended ISO 8601 time string: hh:mm[:ss[.sss]], optional zone offset.',
  valid: (v) => timeRe.test(v),
});
const AWSDateTime = stringScalar({
  name: 'AWSDateTime', noun: 'DateTime', description: 'An extended ISO 8601 date-time string with a mandatory zone offset.',
  valid: (v) => dateTimeRe.test(v) && validDate(v),
});
const AWSEmail = stringScalar({ name: 'AWSEmail', noun: 'Email', description: 'An email address (RFC 822 local@domain).', valid: (v) => emailRe.test(v) });
const AWSURL = stringScalar({ name: 'AWSURL', noun: 'URL', description: 'A URL with a scheme.', valid: validUrl });
const AWSPhone = stringScalar({ name: 'AWSPhone', noun: 'Phone', description: 'A phone number; spaces and hyphens allowed.', valid: (v) => phoneRe.test(v) });
const AWSIPAddress = stringScalar({ name: 'AWSIPAddress', noun: 'IPAddress', description: 'An IPv4 or IPv6 address, optional CIDR prefix.', valid: validIp });

function timestamp(value: unknown, verb: 'parse' | 'serialize'): number {
  // Seconds since the epoch, a 64-bit integer in AppSync (graphql-java Long).
  const n = typeof value === 'string' && verb === 'serialize' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    const message = `Unable to ${verb} \`${String(value)}\` as a valid Timestamp Object.`;
    throw verb === 'serialize' ? new ScalarSerializeError(message) : new GraphQLError(message);
  }
  return n;
}

const AWSTimestamp = new GraphQLScalarType({
  name: 'AWSTimestamp',
  description: 'Seconds since 1970-01-01T00:00Z.',
  serialize: (v) => timestamp(v, 'serialize'),
  parseValue: (v) => timestamp(v, 'parse'),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT || !Number.isSafeInteger(Number(ast.value))) throw literalError(literalText(ast), 'Timestamp');
    return Number(ast.value);
  },
});

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') throw new GraphQLError(`Unable to parse \`${String(value)}\` as a valid JSON Object.`);
  try {
    return JSON.parse(value);
  } catch {
    throw new GraphQLError(`Unable to parse \`${value}\` as a valid JSON Object.`);
  }
}

/**
 * AWSJSON arrives in resolvers parsed (`ctx.args.x` is an object) and leaves as a JSON string.
 * A string result that is already valid JSON is passed through unchanged.
 */
const AWSJSON = new GraphQLScalarType({
  name: 'AWSJSON',
  description: 'A JSON string; parsed for resolvers, serialized as a string.',
  serialize: (v) => {
    if (typeof v === 'string') {
      parseJsonForSerialize(v);
      return v;
    }
    return JSON.stringify(v);
  },
  parseValue: parseJson,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw literalError(literalText(ast), 'JSON');
    try {
      return JSON.parse(ast.value);
    } catch {
      throw literalError(ast.value, 'JSON');
    }
  },
});

function parseJsonForSerialize(v: string): void {
  try {
    JSON.parse(v);
  } catch {
    throw new ScalarSerializeError(`Unable to serialize \`${v}\` as a valid JSON Object.`);
  }
}

/** Every AppSync scalar, by name. */
export const awsScalars: Record<string, GraphQLScalarType> = {
  AWSDate, AWSTime, AWSDateTime, AWSTimestamp, AWSEmail, AWSJSON, AWSURL, AWSPhone, AWSIPAddress,
};
