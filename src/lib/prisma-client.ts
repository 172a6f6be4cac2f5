import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma-postgres/client";
import { databaseUrl, isPostgresUrl } from "./database-url";
import { POSTGRES_OPTIONS } from "./postgres.mjs";

export type { PrismaClient };
/** The client inside an interactive transaction. */
export type PrismaTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either: read helpers work inside and outside a transaction. */
export type Db = PrismaClient | PrismaTx;

/** A column that updateRows sets, and its type (the type of its values' parameters). */
export type RowColumns = Record<string, "number" | "text">;

const CAST = { number: "DOUBLE PRECISION", text: "TEXT" } as const;
const ROWS_PER_STATEMENT = 200;

/**
 * Updates many rows of one table, each with its own values, in one statement per 200 rows, as
 * that many `update`s with `{ id, version }` and `version: { increment: 1 }` would: a grid's save
 * changes hundreds of rows, and one statement per row costs a round trip through the client
 * each. Each column is a CASE on the row's id (a row that does not set it keeps its value);
 * every value is a parameter, cast to the column's type, in SQL that SQLite and PostgreSQL
 * read alike. Throws if a row's version moved on (none can: the rows were read in the same
 * transaction, and writes are serialized).
 */
export async function updateRows(
  tx: PrismaTx,
  table: string,
  columns: RowColumns,
  rows: { id: number; version: number; data: Record<string, string | number | null | undefined> }[],
): Promise<void> {
  const now = new Date();
  const name = (column: string) => Prisma.raw(`"${column.replace(/"/g, "")}"`);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const sets = Object.entries(columns).flatMap(([column, type]) => {
      const setting = chunk.filter((r) => r.data[column] !== undefined);
      if (setting.length === 0) return [];
      const whens = setting.map((r) => Prisma.sql`WHEN ${r.id} THEN CAST(${r.data[column]} AS ${Prisma.raw(CAST[type])})`);
      return [Prisma.sql`${name(column)} = CASE "id" ${Prisma.join(whens, " ")} ELSE ${name(column)} END`];
    });
    const versions = chunk.map((r) => Prisma.sql`WHEN ${r.id} THEN CAST(${r.version} AS INTEGER)`);
    const updated = await tx.$executeRaw`UPDATE ${name(table)} SET ${Prisma.join(
      [...sets, Prisma.sql`"version" = "version" + 1`, Prisma.sql`"updatedAt" = ${now}`],
      ", ",
    )} WHERE "id" IN (${Prisma.join(chunk.map((r) => r.id))}) AND "version" = CASE "id" ${Prisma.join(versions, " ")} END`;
    if (updated !== chunk.length) throw new Error(`${table}: ${chunk.length - updated} of ${chunk.length} rows changed during the update`);
  }
}

/** How long a connection waits for another process's write lock (the CLI, a backup) before it gives up. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Connection settings. WAL lets readers go on while a transaction writes. synchronous=FULL
 * syncs the WAL at every commit, so an acknowledged save survives a power cut or an OS
 * crash, not just a killed process (NORMAL, the driver's default, may lose the last commits
 * then). bench/sync.mts measures what it costs a save.
 */
const PRAGMAS = ["journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"];

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** One at a time: a promise chain. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * SQLite through better-sqlite3 with reads kept apart from writes. The stock adapter runs
 * every query on one connection, so a read made while another request's transaction waits
 * runs inside that transaction and sees what it may still roll back. Here plain reads go to
 * a connection that is never in a transaction, and so see committed data only (WAL); every
 * write, and every transaction (BEGIN IMMEDIATE), goes one at a time to a second connection.
 */
class IsolatedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName = "better-sqlite3 (read/write connections)";
  private readonly writing = new Lock();

  constructor(
    private readonly reader: SqlDriverAdapter,
    private readonly writer: SqlDriverAdapter,
  ) {}

  queryRaw(query: SqlQuery) {
    if (/^\s*SELECT\b/i.test(query.sql)) return this.reader.queryRaw(query);
    return this.writing.run(() => this.writer.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.writing.run(() => this.writer.executeRaw(query));
  }

  executeScript(script: string) {
    return this.writing.run(() => this.writer.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new Error(`SQLite transactions are serializable, not ${isolationLevel}`);
    const release = await this.writing.acquire();
    try {
      // IMMEDIATE: the write lock is taken now, so a transaction that reads, then writes,
      // never fails halfway because another process wrote in between.
      await this.writer.executeRaw(statement("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    const writer = this.writer;
    // The transaction ends here, whatever happens: COMMIT or ROLLBACK is sent by this adapter
    // (usePhantomQuery: Prisma sends neither), and the writer is released even when it fails
    // (a full disk, an I/O error), after a ROLLBACK that leaves the connection out of any
    // transaction. Otherwise one failed COMMIT would hold every later write forever.
    const end = async (sql: "COMMIT" | "ROLLBACK") => {
      try {
        await writer.executeRaw(statement(sql));
      } catch (error) {
        await writer.executeRaw(statement("ROLLBACK")).catch(() => undefined);
        throw error;
      } finally {
        release();
      }
    };
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      options: { usePhantomQuery: true },
      queryRaw: (q) => writer.queryRaw(q),
      executeRaw: (q) => writer.executeRaw(q),
      commit: () => end("COMMIT"),
      rollback: () => end("ROLLBACK"),
    };
  }

  async dispose() {
    await Promise.all([this.reader.dispose(), this.writer.dispose()]);
  }
}

class IsolatedSqlite implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = "better-sqlite3 (read/write connections)";

  constructor(private readonly url: string) {}

  private async open() {
    const connection = await new PrismaBetterSQLite3({ url: this.url, timeout: BUSY_TIMEOUT_MS }).connect();
    for (const pragma of PRAGMAS) await connection.queryRaw(statement(`PRAGMA ${pragma}`));
    return connection;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const writer = await this.open();
    return new IsolatedSqliteAdapter(await this.open(), writer);
  }
}

/** The codes of a transaction that lost a race with another on PostgreSQL: a serialization failure or deadlock (P2034), a row changed or removed under it (P2025), a row another made first (P2002). */
const RACE_CODES = new Set(["P2034", "P2025", "P2002"]);
const ATTEMPTS = 5;

/**
 * Whether a transaction lost a race. Inside the callback Prisma's errors carry the codes
 * above, or for a raw statement P2010 with the driver's error inside; a serialization failure
 * found at COMMIT (SSI often finds it only then) comes up as the driver adapter's own error,
 * with no code, whose cause says what happened.
 */
function lostRace(error: unknown): boolean {
  type Cause = { kind?: unknown; originalCode?: unknown };
  const { code, cause, meta } = error as { code?: unknown; cause?: Cause; meta?: { driverAdapterError?: { cause?: Cause } } };
  const conflict = (c?: Cause) =>
    c?.kind === "TransactionWriteConflict" || (c?.kind === "postgres" && (c.originalCode === "40001" || c.originalCode === "40P01"));
  // A raw statement's failure (updateRows) is P2010, with the driver's error inside.
  if (code === "P2010") return conflict(meta?.driverAdapterError?.cause);
  if (typeof code === "string") return RACE_CODES.has(code);
  return conflict(cause);
}

/** How long a request waits for a free connection of the pool before it fails (instead of hanging for good). */
const CONNECTION_WAIT_MS = 10_000;

/**
 * PrismaPg with one fix: a transaction whose COMMIT or ROLLBACK fails closes its connection.
 * Prisma's transaction manager gives a transaction's connection back only after a COMMIT or
 * ROLLBACK that succeeded, so each serialization failure found at COMMIT, and each transaction
 * whose connection died (a failover, a network cut), kept one connection of the pool for good,
 * until every request hung waiting for one. Closed rather than given back: such a connection
 * may be dead or still inside its transaction. Nothing more runs on it.
 */
class PostgresAdapter implements SqlDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private readonly factory: PrismaPg;

  constructor(url: string) {
    this.factory = new PrismaPg({ connectionString: url, options: POSTGRES_OPTIONS, connectionTimeoutMillis: CONNECTION_WAIT_MS });
    this.adapterName = this.factory.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.factory.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel?: IsolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      // adapter-pg's transaction holds its pool client as `client`.
      const { client } = transaction as unknown as { client: { release(error?: unknown): void } };
      let closed: unknown = null;
      const guarded =
        <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          if (closed) throw closed;
          return run(...args);
        };
      const executeRaw = transaction.executeRaw.bind(transaction);
      transaction.queryRaw = guarded(transaction.queryRaw.bind(transaction));
      transaction.executeRaw = guarded(async (query: SqlQuery) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) {
            closed = error;
            client.release(error instanceof Error ? error : new Error(String(error)));
          }
          throw error;
        }
      });
      return transaction;
    };
    return adapter;
  }
}

/**
 * A Prisma client over PostgreSQL, with SQLite's guarantees: its transactions are
 * serializable, and one that loses a race with another server's (or request's) is run again
 * from the start, as SQLite would have run it after the other. The second run sees the other's
 * commit, so a stale save answers with the app's own conflict, never a 500. After five lost
 * races the error goes up.
 */
function createPostgresClient(url: string): PrismaClient {
  const client = new PostgresClient({
    adapter: new PostgresAdapter(url),
    transactionOptions: { isolationLevel: "Serializable" },
  });
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(...args);
      } catch (error) {
        if (attempt >= ATTEMPTS || !lostRace(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  };
  Object.defineProperty(client, "$transaction", { value: retrying });
  // The two generated clients have the same models and methods; only their provider differs.
  return client as unknown as PrismaClient;
}

/** A Prisma client of the database at `url` (DATABASE_URL): PostgreSQL for a postgres:// URL, else SQLite (see IsolatedSqliteAdapter). */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) return createPostgresClient(url);
  return new PrismaClient({ adapter: new IsolatedSqlite(url) });
}
