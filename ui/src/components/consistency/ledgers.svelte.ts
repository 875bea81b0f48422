// Teams whose log was found broken: filled from the start-up check, updated on demand.
import type { LedgerStatus } from "../../lib/bindings/LedgerStatus";

export const ledgers = $state<{ broken: LedgerStatus[] }>({ broken: [] });
