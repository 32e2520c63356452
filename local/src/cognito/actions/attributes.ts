/** Validates user attributes against the pool's schema (required, known, mutable). */
import type { UserPoolDefinition } from '../../app-definition.ts';
import { invalidParameter } from '../errors.ts';
import { isEmail } from './input.ts';

/** Attributes only Cognito itself sets. */
const systemAttributes = new Set(['sub', 'email_verified', 'phone_number_verified', 'cognito:user_status', 'identities']);

function known(definition: UserPoolDefinition, name: string): boolean {
  return definition.standardAttributes.some((a) => a.name === name);
}

/** For SignUp / AdminCreateUser: every attribute known, every required one present, email well-formed. */
export function checkNewUserAttributes(definition: UserPoolDefinition, attributes: Record<string, string>): void {
  for (const name of Object.keys(attributes)) {
    if (systemAttributes.has(name) && name !== 'email_verified') {
      throw invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute cannot be written.`);
    }
    if (!known(definition, name) && name !== 'email_verified') {
      throw invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
    }
  }
  const missing = definition.standardAttributes.filter((a) => a.required && !attributes[a.name]?.trim());
  if (missing.length) {
    throw invalidParameter(`Attributes did not conform to the schema: ${missing.map((a) => `${a.name}: The attribute ${a.name} is required`).join(', ')}`);
  }
  if (attributes.email !== undefined && !isEmail(attributes.email)) throw invalidParameter('Invalid email address format.');
  for (const [name, value] of Object.entries(attributes)) {
    if (value.length > 2048) throw invalidParameter(`Attributes did not conform to the schema: ${name}: String must be no longer than 2048 characters`);
  }
}

/** For UpdateUserAttributes: known, writable, mutable, non-empty when required. */
export function checkAttributeUpdate(definition: UserPoolDefinition, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) {
    const def = definition.standardAttributes.find((a) => a.name === name);
    if (systemAttributes.has(name)) throw invalidParameter(`Invalid user attributes: ${name}: Attribute cannot be written.`);
    if (!def) throw invalidParameter(`Invalid user attributes: ${name}: Attribute does not exist in the schema.`);
    // Wording as Cognito reports it (seen in amazon-archives/amazon-cognito-auth-js #159, aws-amplify/amplify-js #3526).
    if (!def.mutable) throw invalidParameter(`Invalid user attributes: ${name}: Attribute cannot be updated.`);
    if (def.required && !value.trim()) throw invalidParameter(`Invalid user attributes: ${name}: The attribute is required`);
    if (name === 'email' && !isEmail(value)) throw invalidParameter('Invalid email address format.');
    if (value.length > 2048) throw invalidParameter(`Invalid user attributes: ${name}: String must be no longer than 2048 characters`);
  }
}
