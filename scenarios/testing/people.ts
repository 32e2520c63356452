/**
 * Scenario-test setup: a whole offline stack with the demo users signed up, a GraphQL runner for
 * each named demo user (through the real sign-in and authorizer) and one for guests.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { demoUsers } from '../../definitions/demo-users.ts';
import { startStack, type Stack } from '../../local/src/stack.ts';
import { operationFor, signIn, type Operation } from '../../seed/api.ts';

export interface Person {
  id: string;
  op: Operation;
}

export interface Cast {
  stack: Stack;
  people: Record<string, Person>;
  guest: Operation;
  /** Until the stream consumers have nothing left to do. */
  idle(): Promise<void>;
}

export async function startWithPeople(handles: string[]): Promise<Cast> {
  const stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  const people: Record<string, Person> = {};
  for (const handle of handles) {
    const u = demoUsers.find((d) => d.handle === handle)!;
    const op = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, u));
    const me = await op<{ me: { id: string } }>('{ me { id } }');
    people[handle] = { id: me.data!.me.id, op };
  }
  return { stack, people, guest: operationFor(stack.urls.graphql, 'guest'), idle: () => stack.dynamo.streams.idle() };
}

/** Runs an operation that must succeed and returns its data. */
export async function ok<T = any>(op: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await op<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** Starts a cast before the file's tests and stops it after them; tests read `suite.current`. */
export function castForSuite(handles: string[]): { current: Cast } {
  const suite = {} as { current: Cast };
  beforeAll(async () => {
    suite.current = await startWithPeople(handles);
  }, 120_000);
  afterAll(async () => {
    await suite.current?.stack.close();
  });
  return suite;
}
