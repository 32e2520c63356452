// Request objects from the developer guide's "Built-in modules" (@aws-appsync/utils/dynamodb) and
// the DynamoDB resolver reference; placeholders #expName_n / :expValue_n as AppSync names them.
import { describe, expect, it } from 'vitest';
import { operations } from './operations.ts';
import * as ddb from './requests.ts';

describe('@aws-appsync/utils/dynamodb request builders', () => {
  it('get/put/remove convert keys and items to typed values', () => {
    expect(ddb.get({ key: { id: 'a' }, consistentRead: true })).toEqual({ operation: 'GetItem', key: { id: { S: 'a' } }, consistentRead: true });
    expect(ddb.put({ key: { id: 'a' }, item: { n: 1, tags: ['x'] } })).toEqual({
      operation: 'PutItem', key: { id: { S: 'a' } }, attributeValues: { n: { N: 1 }, tags: { L: [{ S: 'x' }] } },
    });
    expect(ddb.remove({ key: { id: 'a' }, condition: { owner: { eq: 'me' } } })).toEqual({
      operation: 'DeleteItem', key: { id: { S: 'a' } },
      condition: { expression: '(#owner = :owner_eq)', expressionNames: { '#owner': 'owner' }, expressionValues: { ':owner_eq': { S: 'me' } } },
    });
  });

  it('put keeps conflict-detection options', () => {
    expect(ddb.put({ key: { id: 'a' }, item: {}, _version: 3, customPartitionKey: 'pk', populateIndexFields: true })).toMatchObject({ _version: 3, customPartitionKey: 'pk', populateIndexFields: true });
  });

  it('update renders each operation into one SET/REMOVE expression', () => {
    const req = ddb.update({
      key: { id: 'a' },
      update: {
        likes: operations.increment(),
        stock: operations.decrement(2),
        tags: operations.append(['new']),
        history: operations.prepend(['first']),
        title: 'Hello',
        legacy: operations.remove(),
        list: [operations.updateListItem('z', 2)],
      },
    });
    expect(req.update).toEqual({
      expression: 'SET #expName_1 = #expName_1 + :expValue_1, #expName_2 = #expName_2 - :expValue_2, #expName_3 = list_append(#expName_3, :expValue_3), '
        + '#expName_4 = list_append(:expValue_4, #expName_4), #expName_5 = :expValue_5, #expName_7[2] = :expValue_6 REMOVE #expName_6',
      expressionNames: { '#expName_1': 'likes', '#expName_2': 'stock', '#expName_3': 'tags', '#expName_4': 'history', '#expName_5': 'title', '#expName_6': 'legacy', '#expName_7': 'list' },
      expressionValues: {
        ':expValue_1': { N: 1 }, ':expValue_2': { N: 2 }, ':expValue_3': { L: [{ S: 'new' }] }, ':expValue_4': { L: [{ S: 'first' }] }, ':expValue_5': { S: 'Hello' }, ':expValue_6': { S: 'z' },
      },
    });
  });

  it('query and scan carry key conditions, filters and paging options', () => {
    const q = ddb.query({ query: { pk: { eq: 'USER#1' }, sk: { beginsWith: 'CRUD#' } }, index: 'byTime', limit: 20, scanIndexForward: false, nextToken: 't' });
    expect(q).toEqual({
      operation: 'Query',
      query: {
        expression: '(#pk = :pk_eq) AND (begins_with(#sk,:sk_beginsWith))',
        expressionNames: { '#pk': 'pk', '#sk': 'sk' },
        expressionValues: { ':pk_eq': { S: 'USER#1' }, ':sk_beginsWith': { S: 'CRUD#' } },
      },
      index: 'byTime', limit: 20, scanIndexForward: false, nextToken: 't',
    });
    expect(ddb.scan({ limit: 10, nextToken: 'abc' })).toEqual({ operation: 'Scan', limit: 10, nextToken: 'abc' });
    expect(ddb.sync({ limit: 5, lastSync: 1 })).toEqual({ operation: 'Sync', limit: 5, lastSync: 1 });
  });

  it('batch and transaction helpers name their tables', () => {
    expect(ddb.batchGet({ tables: { t: { keys: [{ id: 1 }], consistentRead: true } } })).toEqual({ operation: 'BatchGetItem', tables: { t: { keys: [{ id: { N: 1 } }], consistentRead: true } } });
    expect(ddb.batchPut({ tables: { t: [{ id: 1 }] } })).toEqual({ operation: 'BatchPutItem', tables: { t: [{ id: { N: 1 } }] } });
    expect(ddb.batchDelete({ tables: { t: [{ id: 1 }] } })).toEqual({ operation: 'BatchDeleteItem', tables: { t: [{ id: { N: 1 } }] } });
    expect(ddb.transactGet({ items: [{ table: 't', key: { id: 1 } }] })).toEqual({ operation: 'TransactGetItems', transactItems: [{ table: 't', key: { id: { N: 1 } } }] });
    const w = ddb.transactWrite({
      items: [
        { putItem: { table: 't', key: { id: 1 }, item: { a: 'x' }, condition: { id: { attributeExists: false } } } },
        { updateItem: { table: 't', key: { id: 2 }, update: { n: operations.increment(1) } } },
        { deleteItem: { table: 't', key: { id: 3 } } },
        { conditionCheck: { table: 't', key: { id: 4 }, condition: { v: { eq: 1 } } } },
      ],
    });
    expect(w.transactItems.map((i) => (i as { operation: string }).operation)).toEqual(['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheck']);
    expect(w.transactItems[0]).toMatchObject({ attributeValues: { a: { S: 'x' } }, condition: { expression: '(attribute_not_exists(#id))' } });
  });

  it('operations have AppSync\'s JSON shapes', () => {
    expect(operations.increment(10)).toEqual({ type: 'OPERATION_INCREMENT', by: 10 });
    expect(operations.add(10)).toEqual({ type: 'OPERATION_ADD', value: 10 });
    expect(operations.append([1])).toEqual({ type: 'OPERATION_APPEND', items: [1] });
    expect(ddb.toStringSet(['a'])).toEqual({ SS: ['a'] });
  });
});
