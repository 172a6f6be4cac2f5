import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./database-url";

export type { PrismaClient };
/** The client inside an interactive transaction. */
export type PrismaTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either: read helpers work inside and outside a transaction. */
export type Db = PrismaClient | PrismaTx;

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

/** A Prisma client over SQLite: reads see committed data only, writes go one at a time (see IsolatedSqliteAdapter). */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new IsolatedSqlite(url) });
}
