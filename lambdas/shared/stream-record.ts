/** Facts about DynamoDB stream records that several consumers need. */
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * True for deletions made by the TTL service rather than by a request ("Using DynamoDB Streams
 * and Time to Live": such records carry userIdentity {type: Service, principalId:
 * dynamodb.amazonaws.com}).
 */
export function isTtlDeletion(record: DynamoDBRecord): boolean {
  return record.userIdentity?.type === 'Service' && record.userIdentity?.principalId === 'dynamodb.amazonaws.com';
}
