/**
 * Test harness: the offline pool with the real triggers, backed by the embedded DynamoDB, and the
 * unmodified aws-amplify v6 client configured against it (tokens in an in-memory storage).
 */
import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { userPool } from '../../../../definitions/user-pool.ts';
import { startDynamo, type DynamoStack } from '../../dynamodb/index.ts';
import { startCognito, type CognitoHandle, type StartCognitoOptions } from '../index.ts';
import { lambdaEnvFor } from './helpers.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

export class MemoryStorage {
  readonly items = new Map<string, string>();
  async setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  async getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  async removeItem(key: string) {
    this.items.delete(key);
  }
  async clear() {
    this.items.clear();
  }
  /** The stored value whose key ends with `.${suffix}` (Amplify keys: CognitoIdentityServiceProvider.<client>.<user>.<name>). */
  find(suffix: string): string | undefined {
    for (const [k, v] of this.items) if (k.endsWith(`.${suffix}`)) return v;
    return undefined;
  }
}

export interface Harness {
  dynamo: DynamoStack;
  cognito: CognitoHandle;
  storage: MemoryStorage;
  close(): Promise<void>;
}

/** Starts DynamoDB + the pool (with PreSignUp/PostConfirmation from lambdas/) and configures Amplify. */
export async function startHarness(options: Partial<StartCognitoOptions> = {}): Promise<Harness> {
  const dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  const cognito = await startCognito({ definition: userPool,
    print: false,
    triggers: userPool.triggers,
    env: lambdaEnvFor(dynamo),
    ...options,
  });
  const storage = new MemoryStorage();
  Amplify.configure({
    Auth: { Cognito: { userPoolId: cognito.userPoolId, userPoolClientId: cognito.clientId, userPoolEndpoint: cognito.url, loginWith: { email: true } } },
  });
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  return {
    dynamo,
    cognito,
    storage,
    async close() {
      await cognito.close();
      await dynamo.close();
    },
  };
}
