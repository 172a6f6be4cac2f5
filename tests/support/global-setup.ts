import path from "node:path";
import { startCluster, stopCluster } from "../../scripts/pg-cluster.mjs";
import { migratePostgres } from "../../scripts/migrate.mjs";
import { migratedDb, PG_SERVER, PG_TEMPLATE, psql, seedDb, TMP } from "./db";

const CLUSTER = path.join(TMP, "pg-cluster");

/**
 * The database the integration tests read: migrated and seeded from scratch. On PostgreSQL,
 * first a throwaway cluster on a loopback port, in Tokyo's time zone (the app must store the
 * same instants whatever the server's), with a template database that every test database
 * copies; the cluster is stopped and deleted after the run.
 */
export default async function setup() {
  if (PG_SERVER) {
    const port = Number(new URL(PG_SERVER).port);
    startCluster(CLUSTER, port, { timeZone: "Asia/Tokyo" });
    psql(`CREATE DATABASE "${PG_TEMPLATE}"`);
    await migratePostgres(`${PG_SERVER}/${PG_TEMPLATE}`);
  }
  seedDb(migratedDb("vitest.db"));
  return () => {
    if (PG_SERVER) stopCluster(CLUSTER);
  };
}
