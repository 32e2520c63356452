import { graphqlSync, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchema } from './load-schema.ts';

const { schema } = loadSchema(`
  type Query {
    echo(date: AWSDate, time: AWSTime, dateTime: AWSDateTime, ts: AWSTimestamp, email: AWSEmail,
         json: AWSJSON, url: AWSURL, phone: AWSPhone, ip: AWSIPAddress): String
    out: Out
  }
  type Out { date: AWSDate dateTime: AWSDateTime json: AWSJSON ts: AWSTimestamp }
`);
const echo = schema.getQueryType()!.getFields().echo;
echo.resolve = (_s, args) => JSON.stringify(args);
let outValue: unknown = null;
schema.getQueryType()!.getFields().out.resolve = () => outValue;

function parseVar(name: string, type: string, value: unknown) {
  return graphqlSync({ schema, source: `query($v: ${type}) { echo(${name}: $v) }`, variableValues: { v: value } });
}

describe('AppSync scalars: inputs', () => {
  const valid: [string, string, unknown][] = [
    ['date', 'AWSDate', '1970-01-01'],
    ['date', 'AWSDate', '1970-01-01Z'],
    ['date', 'AWSDate', '2024-02-29'],
    ['date', 'AWSDate', '2000-02-29'],
    ['date', 'AWSDate', '1970-01-01-07:00'],
    ['date', 'AWSDate', '1970-01-01+05:30:10'],
    ['time', 'AWSTime', '12:30'],
    ['time', 'AWSTime', '12:30:24.500+05:30'],
    ['dateTime', 'AWSDateTime', '2020-01-01T00:00+00:00'],
    ['dateTime', 'AWSDateTime', '1970-01-01T12:00:00.123456789Z'],
    ['ts', 'AWSTimestamp', 1700000000],
    ['email', 'AWSEmail', 'a@b'],
    ['email', 'AWSEmail', 'jeff@amazon.com'],
    ['url', 'AWSURL', 'https://example.com/a/b?q=1'],
    ['url', 'AWSURL', 'mailto:jeff@amazon.com'],
    ['phone', 'AWSPhone', '+1 555-0100'],
    ['ip', 'AWSIPAddress', '10.0.0.1/8'],
    ['ip', 'AWSIPAddress', '::1'],
  ];
  it.each(valid)('%s accepts %j', (name, type, value) => {
    const r = parseVar(name, type, value);
    expect(r.errors).toBeUndefined();
    expect(JSON.parse(r.data!.echo as string)[name]).toEqual(value);
  });

  const invalid: [string, string, unknown, string][] = [
    ['date', 'AWSDate', '2021-02-30', 'Unable to parse `2021-02-30` as a valid Date Object.'],
    ['date', 'AWSDate', '2023-02-29', 'Unable to parse `2023-02-29` as a valid Date Object.'],
    ['date', 'AWSDate', '1900-02-29', 'Unable to parse `1900-02-29` as a valid Date Object.'],
    ['date', 'AWSDate', '2021-04-31', 'Unable to parse `2021-04-31` as a valid Date Object.'],
    ['date', 'AWSDate', '2021-1-3', 'Unable to parse `2021-1-3` as a valid Date Object.'],
    ['time', 'AWSTime', '25:00', 'Unable to parse `25:00` as a valid Time Object.'],
    ['dateTime', 'AWSDateTime', '2020-01-01T00:00:00', 'Unable to parse `2020-01-01T00:00:00` as a valid DateTime Object.'],
    ['dateTime', 'AWSDateTime', '2019', 'Unable to parse `2019` as a valid DateTime Object.'],
    ['ts', 'AWSTimestamp', 1.5, 'Unable to parse `1.5` as a valid Timestamp Object.'],
    ['email', 'AWSEmail', 'not-an-email', 'Unable to parse `not-an-email` as a valid Email Object.'],
    ['json', 'AWSJSON', '{bad', 'Unable to parse `{bad` as a valid JSON Object.'],
    ['url', 'AWSURL', 'example.com', 'Unable to parse `example.com` as a valid URL Object.'],
    ['url', 'AWSURL', 'https://example.com//x', 'Unable to parse `https://example.com//x` as a valid URL Object.'],
    ['phone', 'AWSPhone', 'call me', 'Unable to parse `call me` as a valid Phone Object.'],
    ['ip', 'AWSIPAddress', '300.1.1.1', 'Unable to parse `300.1.1.1` as a valid IPAddress Object.'],
    ['ip', 'AWSIPAddress', '10.0.0.1/33', 'Unable to parse `10.0.0.1/33` as a valid IPAddress Object.'],
  ];
  it.each(invalid)('%s rejects %j', (name, type, value, message) => {
    const r = parseVar(name, type, value);
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].message).toContain(message);
  });

  it('parses AWSJSON inputs into objects for resolvers', () => {
    const r = parseVar('json', 'AWSJSON', '{"upvotes":10}');
    expect(JSON.parse(r.data!.echo as string)).toEqual({ json: { upvotes: 10 } });
  });

  it('validates literals too', () => {
    const r = graphqlSync({ schema, source: '{ echo(dateTime: "2019") }' });
    expect(r.errors![0].message).toContain('Unable to parse `2019` as a valid DateTime Object.');
  });
});

describe('AppSync scalars: outputs', () => {
  it('serializes valid values and AWSJSON objects as strings', () => {
    outValue = { date: '2024-05-01', dateTime: '2024-05-01T10:00:00.000Z', json: { a: [1] }, ts: 12 };
    const r = graphqlSync({ schema, source: '{ out { date dateTime json ts } }' });
    expect(r).toEqual({ data: { out: { date: '2024-05-01', dateTime: '2024-05-01T10:00:00.000Z', json: '{"a":[1]}', ts: 12 } } });
  });

  it('refuses invalid output values', () => {
    outValue = { dateTime: '2020-05-23T06:4:37.000Z' };
    const r = graphqlSync({ schema, source: '{ out { dateTime } }' });
    expect(r.errors![0].message).toBe('Unable to serialize `2020-05-23T06:4:37.000Z` as a valid DateTime Object.');
    expect(r.data).toEqual({ out: { dateTime: null } });
  });

  it('keeps a plain graphql-js schema unaffected', () => {
    expect(buildSchema('scalar AWSDate type Query { a: AWSDate }').getType('AWSDate')).toBeDefined();
  });
});
