import { describe, expect, it } from "vitest";
import { postgresConnection } from "./backup";

describe("how PostgreSQL's tools reach the database", () => {
  it("take the password out of the URL, decoded, for PGPASSWORD", () => {
    expect(postgresConnection("postgresql://kpi:p%40ss%3Aw%2Frd@db.example:5432/kpi")).toEqual({
      dbname: "postgresql://kpi@db.example:5432/kpi",
      password: "p@ss:w/rd",
    });
    expect(postgresConnection("postgres://kpi@db.example/kpi?password=secret&sslmode=verify-full")).toEqual({
      dbname: "postgres://kpi@db.example/kpi?sslmode=verify-full",
      password: "secret",
    });
  });

  it("leave a URL without a password as it is (PGPASSWORD or ~/.pgpass may hold one)", () => {
    expect(postgresConnection("postgresql://postgres@127.0.0.1:5432/app")).toEqual({ dbname: "postgresql://postgres@127.0.0.1:5432/app", password: null });
    expect(postgresConnection("postgresql:///app?host=/var/run/postgresql")).toEqual({
      dbname: "postgresql:///app?host=/var/run/postgresql",
      password: null,
    });
  });

  it("drop Prisma's own parameters, which libpq refuses, and keep libpq's", () => {
    expect(
      postgresConnection(
        "postgresql://kpi@db/kpi?schema=public&connection_limit=5&pool_timeout=10&pgbouncer=true&sslmode=require&options=-c%20statement_timeout%3D0&application_name=kpi",
      ).dbname,
    ).toBe("postgresql://kpi@db/kpi?sslmode=require&options=-c%20statement_timeout%3D0&application_name=kpi");
    expect(postgresConnection("postgresql://kpi@db/kpi?schema=public").dbname).toBe("postgresql://kpi@db/kpi");
  });

  it("read the URL as libpq does: a socket folder, several hosts, an IPv6 address, an empty password", () => {
    expect(postgresConnection("postgresql://kpi:pw@/kpi?host=/var/run/postgresql&port=5433")).toEqual({
      dbname: "postgresql://kpi@/kpi?host=/var/run/postgresql&port=5433",
      password: "pw",
    });
    expect(postgresConnection("postgresql://kpi:pw@h1:5432,h2:5432/kpi?target_session_attrs=read-write")).toEqual({
      dbname: "postgresql://kpi@h1:5432,h2:5432/kpi?target_session_attrs=read-write",
      password: "pw",
    });
    expect(postgresConnection("postgresql://kpi:p%3Fw@[::1]:5432/kpi")).toEqual({ dbname: "postgresql://kpi@[::1]:5432/kpi", password: "p?w" });
    expect(postgresConnection("postgresql://kpi:@db/kpi")).toEqual({ dbname: "postgresql://kpi@db/kpi", password: null });
    expect(postgresConnection("postgresql://db/kpi")).toEqual({ dbname: "postgresql://db/kpi", password: null });
  });
});
