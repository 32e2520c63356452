/**
 * `operations.*` of @aws-appsync/utils/dynamodb: markers that `update` turns into update
 * expressions. Their JSON shape (`{type: 'OPERATION_INCREMENT', by}` …) is what AppSync returns
 * when a handler returns one directly.
 */
export type Operation =
  | { type: 'OPERATION_ADD'; value: unknown }
  | { type: 'OPERATION_REMOVE' }
  | { type: 'OPERATION_REPLACE'; value: unknown }
  | { type: 'OPERATION_INCREMENT'; by: number }
  | { type: 'OPERATION_DECREMENT'; by: number }
  | { type: 'OPERATION_APPEND'; items: unknown[] }
  | { type: 'OPERATION_PREPEND'; items: unknown[] }
  | { type: 'OPERATION_UPDATE_LIST_ITEM'; items: unknown; index: number };

export const operations = {
  add: (value: unknown): Operation => ({ type: 'OPERATION_ADD', value }),
  remove: (): Operation => ({ type: 'OPERATION_REMOVE' }),
  replace: (value: unknown): Operation => ({ type: 'OPERATION_REPLACE', value }),
  increment: (by = 1): Operation => ({ type: 'OPERATION_INCREMENT', by }),
  decrement: (by = 1): Operation => ({ type: 'OPERATION_DECREMENT', by }),
  append: (items: unknown[]): Operation => ({ type: 'OPERATION_APPEND', items }),
  prepend: (items: unknown[]): Operation => ({ type: 'OPERATION_PREPEND', items }),
  updateListItem: (items: unknown, index: number): Operation => ({ type: 'OPERATION_UPDATE_LIST_ITEM', items, index }),
};

const OPERATION_TYPES = ['OPERATION_ADD', 'OPERATION_REMOVE', 'OPERATION_REPLACE', 'OPERATION_INCREMENT', 'OPERATION_DECREMENT', 'OPERATION_APPEND', 'OPERATION_PREPEND', 'OPERATION_UPDATE_LIST_ITEM'];

export function isOperation(v: unknown): v is Operation {
  return typeof v === 'object' && v !== null && OPERATION_TYPES.includes((v as { type?: string }).type as string);
}
