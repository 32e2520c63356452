/** Request validation shared by the actions, with Cognito's validation-error wording. */
import { CognitoError, invalidParameter } from '../errors.ts';
import type { ActionInput, Pool } from '../pool.ts';

const lowerFirst = (name: string) => name[0].toLowerCase() + name.slice(1);

/** A required string member; Cognito reports a missing one as "Value null at 'member'". */
export function requireString(input: ActionInput, member: string): string {
  const value = input[member];
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidParameter(`1 validation error detected: Value null at '${lowerFirst(member)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalRecord(input: ActionInput, member: string): Record<string, string> | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw invalidParameter(`${member} must be a map of strings`);
  }
  return value as Record<string, string>;
}

/** Checks ClientId names this pool's app client (ResourceNotFoundException otherwise, as Cognito). */
export function requireClient(pool: Pool, input: ActionInput): string {
  const clientId = requireString(input, 'ClientId');
  if (clientId !== pool.clientId) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  return clientId;
}

/** Admin* actions name the pool by id. */
export function requirePoolId(pool: Pool, input: ActionInput): void {
  const id = requireString(input, 'UserPoolId');
  if (id !== pool.userPoolId) throw new CognitoError('ResourceNotFoundException', `User pool ${id} does not exist.`);
}

/** `[{Name, Value}]` → record, rejecting malformed entries. */
export function attributeList(input: ActionInput, member: string): Record<string, string> {
  const value = input[member] ?? [];
  if (!Array.isArray(value)) throw invalidParameter(`${member} must be a list`);
  const out: Record<string, string> = {};
  for (const entry of value) {
    if (!entry || typeof entry.Name !== 'string' || (entry.Value !== undefined && typeof entry.Value !== 'string')) {
      throw invalidParameter(`1 validation error detected: Value null at '${lowerFirst(member)}.member.name' failed to satisfy constraint: Member must not be null`);
    }
    out[entry.Name] = entry.Value ?? '';
  }
  return out;
}

export const toAttributeList = (attributes: Record<string, string>) => Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

/** Simple, permissive email check (Cognito: "Invalid email address format."). */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 2048;
}

/**
 * `a***@e***` as Cognito masks delivery destinations. Lower-cased, so the stored spelling of a
 * known address cannot be told from the typed spelling echoed for an unknown one.
 */
export function maskEmail(email: string): string {
  const [local, domain = ''] = email.toLowerCase().split('@');
  return `${local[0] ?? ''}***@${domain[0] ?? ''}***`;
}

export const emailDelivery = (email: string) => ({ Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' });

/** Email-as-username pools accept only an email as Username. */
export function invalidEmail(username: string): void {
  if (!isEmail(username)) throw invalidParameter('Username should be an email.');
}
