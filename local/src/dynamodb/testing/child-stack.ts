/**
 * Runs a DynamoDB stack on a data dir in a child process and prints its endpoint, so the
 * restart test can `kill -9` it mid-life. Usage: node --import tsx child-stack.ts <dataDir>
 */
import { startDynamo } from '../index.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

const stack = await startDynamo({ table: cruddurTable, dataDir: process.argv[2], ttlIntervalMs: 0 });
process.stdout.write(JSON.stringify({ endpoint: stack.endpoint, tableName: stack.tableName }) + '\n');
setInterval(() => undefined, 60_000);
