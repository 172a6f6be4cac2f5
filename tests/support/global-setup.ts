import { migratedDb, seedDb } from "./db";

/** The database the integration tests read: migrated and seeded from scratch. */
export default function setup() {
  seedDb(migratedDb("vitest.db"));
}
