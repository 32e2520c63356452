/**
 * Child process for restart.test.ts: opens the database under the data dir given as argv[2],
 * writes rows in autocommit and in a transaction, prints `ack <n>` after each acknowledged
 * write, then waits to be killed.
 */
import { openDatabase } from '../index.ts';

const db = await openDatabase({ dataDir: process.argv[2] });
await db.query('CREATE TABLE IF NOT EXISTS durable (id int PRIMARY KEY, note text)');
for (let i = 1; i <= 20; i += 1) {
  await db.query('INSERT INTO durable VALUES ($1, $2)', [String(i), `row ${i}`]);
  process.stdout.write(`ack ${i}\n`);
}
await db.transaction(async (tx) => {
  await tx.query("INSERT INTO durable VALUES (100, 'in a transaction')");
  await tx.query('DELETE FROM durable WHERE id = 1');
});
process.stdout.write('ack done\n');
setInterval(() => undefined, 60_000);
