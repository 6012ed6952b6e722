// The SQLSTATE code a rejected query failed with, on PGlite and PostgreSQL alike.
export async function sqlState(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return String((error as { code?: unknown }).code ?? "no-code");
  }
  return "accepted";
}
