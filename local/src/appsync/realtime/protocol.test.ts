import { describe, expect, it } from 'vitest';
import { dataFramePrefix, MessageType, parseClientMessage, ProtocolError, stringifyServerMessage, validateMessage } from './protocol.ts';
import { checkSubprotocols, decodeHeaderJson, readHandshakeAuth, selectSubprotocol } from './handshake.ts';

const errorOf = (text: string) => {
  try {
    parseClientMessage(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ProtocolError);
    return err as ProtocolError;
  }
  throw new Error('expected a ProtocolError');
};

describe('parseClientMessage', () => {
  it('accepts the three client messages', () => {
    expect(parseClientMessage('{"type":"connection_init"}')).toEqual({ type: 'connection_init' });
    expect(parseClientMessage('{"type":"stop","id":"a"}')).toEqual({ type: 'stop', id: 'a' });
    const start = { type: 'start', id: 'a', payload: { data: '{"query":"subscription{x}"}', extensions: { authorization: { host: 'h' } } } };
    expect(parseClientMessage(JSON.stringify(start))).toEqual(start);
  });
  it('answers unparsable and unknown frames as AppSync does', () => {
    for (const text of ['not json', '[]', '{"type":"subscribe","id":"a"}', '{"id":"a"}', '"start"']) {
      const err = errorOf(text);
      expect(err.entry).toEqual({ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' });
      expect(err.id).toBeUndefined();
    }
  });
  it('reports malformed known messages with their id', () => {
    const noData = errorOf('{"type":"start","id":"s1","payload":{}}');
    expect(noData.id).toBe('s1');
    expect(noData.entry.errorType).toBe('BadRequestException');
    expect(errorOf('{"type":"stop"}').entry.errorType).toBe('BadRequestException');
    expect(errorOf('{"type":"start","id":"s2","payload":{"data":"{}","extensions":{"authorization":"x"}}}').id).toBe('s2');
  });
});

describe('stringifyServerMessage', () => {
  it('validates before sending', () => {
    expect(stringifyServerMessage({ type: MessageType.ConnectionAck, payload: { connectionTimeoutMs: 300000 } })).toBe(
      '{"type":"connection_ack","payload":{"connectionTimeoutMs":300000}}',
    );
    expect(() => stringifyServerMessage({ type: MessageType.StartAck, id: '' })).toThrow(/invalid start_ack/);
    expect(() => stringifyServerMessage({ type: MessageType.Error, payload: { errors: [{} as never] } })).toThrow(/message/);
  });
  it('builds data frames from a shared prefix that parse as valid messages', () => {
    const frame = dataFramePrefix('id"1') + JSON.stringify({ data: { onX: { a: 1 } } }) + '}';
    const parsed = JSON.parse(frame);
    expect(parsed).toEqual({ type: 'data', id: 'id"1', payload: { data: { onX: { a: 1 } } } });
    expect(validateMessage(parsed)).toBeNull();
  });
});

describe('handshake', () => {
  const header = { host: 'localhost:20002', 'x-api-key': 'da2-k', 'x-amz-date': '20261127T000000Z' };
  const b64url = Buffer.from(JSON.stringify(header)).toString('base64url');
  it('selects graphql-ws and classifies missing or foreign subprotocols', () => {
    expect(selectSubprotocol(new Set(['graphql-ws', `header-${b64url}`]))).toBe('graphql-ws');
    expect(selectSubprotocol(new Set(['graphql-transport-ws']))).toBe(false);
    expect(checkSubprotocols([])).toEqual({ message: 'NoProtocolError', errorCode: 400 });
    expect(checkSubprotocols(['graphql-transport-ws'])).toEqual({ message: 'SubProtocolNotSupportedError', errorCode: 400 });
    expect(checkSubprotocols(['graphql-ws'])).toBeNull();
  });
  it('reads the header- subprotocol (base64url, no padding)', () => {
    const auth = readHandshakeAuth({ protocols: ['graphql-ws', `header-${b64url}`], url: '/graphql/realtime', sourceIp: '::1' });
    expect(auth).toEqual({ ok: true, headers: header, body: '{}' });
  });
  it('reads ?header=&payload= (base64 with padding)', () => {
    const q = `?header=${encodeURIComponent(Buffer.from(JSON.stringify({ ...header, Authorization: 'tok' })).toString('base64'))}&payload=e30=`;
    const auth = readHandshakeAuth({ protocols: ['graphql-ws'], url: `/graphql/realtime${q}`, sourceIp: '::1' });
    expect(auth).toEqual({ ok: true, headers: { ...header, authorization: 'tok' }, body: '{}' });
  });
  it('rejects an undecodable header', () => {
    const auth = readHandshakeAuth({ protocols: ['graphql-ws', 'header-%%%'], url: '/', sourceIp: '' });
    expect(auth.ok).toBe(false);
    expect(decodeHeaderJson(Buffer.from('[1]').toString('base64'))).toBeNull();
  });
});
