// Messages for refusals of the candidates area: its own codes first (who may see
// identities, a scored candidate), then the app's general messages.
import { errorMessage, isIpcError } from "../../lib/api";
import { tOptional } from "../../lib/i18n.svelte";

export function candidateError(e: unknown): string {
  if (isIpcError(e)) {
    const params: Record<string, string> = { ...e.params };
    if (params.role) params.role = (tOptional(`roles.${params.role}`) ?? params.role).toLowerCase();
    const own = tOptional(`candidates.errors.${e.code}`, params);
    if (own !== undefined) return own;
  }
  return errorMessage(e);
}
