import { startCluster, stopCluster } from "../../scripts/pg-cluster.mjs";
import { migratePostgres } from "../../scripts/migrate.mjs";
import { migratedDb, PG_SERVER, PG_TEMPLATE, psql, seedDb } from "./db";

/**
 * The database the integration tests read: migrated and seeded from scratch. On PostgreSQL,
 * first a throwaway cluster on a loopback port, in Tokyo's time zone (the app must store the
 * same instants whatever the server's), with a template database that every test database
 * copies; the cluster is stopped and deleted after the run.
 */
export default async function setup() {
  const cluster = PG_SERVER ? startCluster(Number(new URL(PG_SERVER).port), { timeZone: "Asia/Tokyo" }).dir : null;
  const stop = () => {
    if (cluster) stopCluster(cluster);
  };
  try {
    if (PG_SERVER) {
      psql(`CREATE DATABASE "${PG_TEMPLATE}"`);
      await migratePostgres(`${PG_SERVER}/${PG_TEMPLATE}`);
    }
    seedDb(migratedDb("vitest.db"));
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
