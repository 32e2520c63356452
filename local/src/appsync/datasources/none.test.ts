import { describe, expect, it } from 'vitest';
import { createNoneDataSource } from './none.ts';

const info = { requestId: 'r', context: {} };

describe('NONE data source', () => {
  it('passes the payload through to ctx.result', async () => {
    const ds = createNoneDataSource();
    expect(ds).toMatchObject({ name: 'NONE', type: 'NONE' });
    expect(await ds.invoke({ payload: { a: [1] } }, info)).toEqual({ result: { a: [1] } });
  });

  it('gives null without a payload', async () => {
    const ds = createNoneDataSource('local');
    expect(ds.name).toBe('local');
    expect(await ds.invoke({}, info)).toEqual({ result: null });
    expect(await ds.invoke(null, info)).toEqual({ result: null });
    expect(await ds.invoke('text', info)).toEqual({ result: null });
  });
});
