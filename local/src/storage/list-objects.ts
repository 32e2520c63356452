/**
 * ListObjectsV2 (`GET /<bucket>?list-type=2`) as the S3 API Reference describes it: `prefix`,
 * `delimiter` (CommonPrefixes), `max-keys` (≤ 1,000), `start-after`, `continuation-token`,
 * `encoding-type=url`; keys in UTF-8 binary order. The continuation token is opaque to clients
 * (chosen: the last returned key or common prefix, base64url).
 */
import { escapeXml, s3Errors, S3ErrorResponse } from './errors.ts';
import type { ListedObject, ObjectStore } from './object-store.ts';

const MAX_KEYS = 1000;
const bytes = (s: string) => Buffer.from(s, 'utf8');
const after = (a: string, b: string) => Buffer.compare(bytes(a), bytes(b)) > 0;

interface ListRequest {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  startAfter: string | null;
  token: string | null;
  /** Where this page starts (exclusive): the token's position, else start-after. */
  from: string;
  urlEncoded: boolean;
}

function parse(query: URLSearchParams): ListRequest {
  const encoding = query.get('encoding-type');
  if (encoding !== null && encoding !== 'url') throw new S3ErrorResponse({ ...s3Errors.invalidArgument({ ArgumentName: 'encoding-type', ArgumentValue: encoding }), message: 'Invalid Encoding Method specified in Request' });
  const rawMax = query.get('max-keys');
  if (rawMax !== null && !/^\d{1,10}$/.test(rawMax)) throw new S3ErrorResponse({ ...s3Errors.invalidArgument({ ArgumentName: 'max-keys', ArgumentValue: rawMax }), message: 'Provided max-keys not an integer or within integer range' });
  const token = query.get('continuation-token');
  let from = query.get('start-after') ?? '';
  if (token !== null) {
    const decoded = Buffer.from(token, 'base64url');
    if (token === '' || decoded.toString('base64url') !== token) throw new S3ErrorResponse({ ...s3Errors.invalidArgument({ ArgumentName: 'continuation-token' }), message: 'The continuation token provided is incorrect' });
    from = decoded.toString('utf8');
  }
  return {
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') ?? '',
    maxKeys: rawMax === null ? MAX_KEYS : Math.min(MAX_KEYS, Number(rawMax)),
    startAfter: query.get('start-after'),
    token,
    from,
    urlEncoded: encoding === 'url',
  };
}

/** One page: objects and common prefixes after `from`, up to `maxKeys` of them together. */
function page(objects: ListedObject[], r: ListRequest): { contents: ListedObject[]; prefixes: string[]; truncated: boolean } {
  const contents: ListedObject[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  for (const o of objects) {
    const cut = r.delimiter ? o.key.indexOf(r.delimiter, r.prefix.length) : -1;
    const entry = cut === -1 ? o.key : o.key.slice(0, cut + r.delimiter.length);
    if (!after(entry, r.from) || (cut !== -1 && prefixes.at(-1) === entry)) continue;
    if (contents.length + prefixes.length >= r.maxKeys) {
      truncated = r.maxKeys > 0;
      break;
    }
    if (cut === -1) contents.push(o);
    else prefixes.push(entry);
  }
  return { contents, prefixes, truncated };
}

/** The ListBucketResult XML document for a ListObjectsV2 request. */
export async function listObjectsV2(store: ObjectStore, bucket: string, query: URLSearchParams): Promise<string> {
  const r = parse(query);
  const { contents, prefixes, truncated } = page(await store.list(bucket, r.prefix), r);
  const text = (v: string) => escapeXml(r.urlEncoded ? encodeURIComponent(v).replace(/%2F/g, '/') : v);
  const el = (name: string, v: string | number) => `<${name}>${typeof v === 'number' ? v : text(v)}</${name}>`;
  const last = [...contents.map((c) => c.key), ...prefixes].sort((a, b) => Buffer.compare(bytes(a), bytes(b))).at(-1);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    el('Name', bucket) +
    el('Prefix', r.prefix) +
    (r.delimiter ? el('Delimiter', r.delimiter) : '') +
    el('MaxKeys', r.maxKeys) +
    el('KeyCount', contents.length + prefixes.length) +
    `<IsTruncated>${truncated}</IsTruncated>` +
    (r.urlEncoded ? '<EncodingType>url</EncodingType>' : '') +
    (r.token !== null ? `<ContinuationToken>${escapeXml(r.token)}</ContinuationToken>` : '') +
    (truncated && last ? `<NextContinuationToken>${Buffer.from(last, 'utf8').toString('base64url')}</NextContinuationToken>` : '') +
    (r.startAfter !== null ? el('StartAfter', r.startAfter) : '') +
    contents
      .map((c) => `<Contents>${el('Key', c.key)}<LastModified>${new Date(c.metadata.lastModified).toISOString()}</LastModified><ETag>${escapeXml(c.metadata.etag)}</ETag><Size>${c.metadata.contentLength}</Size><StorageClass>STANDARD</StorageClass></Contents>`)
      .join('') +
    prefixes.map((p) => `<CommonPrefixes>${el('Prefix', p)}</CommonPrefixes>`).join('') +
    '</ListBucketResult>'
  );
}
