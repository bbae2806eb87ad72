import type { Console } from '../console';
export async function run(_args: unknown[], _opts: Record<string, unknown>, _con: Console): Promise<number> { return 2; }
