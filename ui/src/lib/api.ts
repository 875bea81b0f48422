// Typed calls to the app's Tauri commands. The types come from Rust (ts-rs).
import { invoke } from "@tauri-apps/api/core";
import type { AcceptedWarning } from "./bindings/AcceptedWarning";
import type { AppStatus } from "./bindings/AppStatus";
import type { ConsistencyView } from "./bindings/ConsistencyView";
import type { ExportedLogboek } from "./bindings/ExportedLogboek";
import type { LedgerStatus } from "./bindings/LedgerStatus";
import type { Review } from "./bindings/Review";
import type { DeletionImpact } from "./bindings/DeletionImpact";
import type { IpcError } from "./bindings/IpcError";
import type { Finding } from "./bindings/Finding";
import type { Lang } from "./bindings/Lang";
import type { Rubric } from "./bindings/Rubric";
import type { RubricChange } from "./bindings/RubricChange";
import type { RubricSummary } from "./bindings/RubricSummary";
import type { RubricTemplate } from "./bindings/RubricTemplate";
import type { RubricVersionView } from "./bindings/RubricVersionView";
import type { TeamDetail } from "./bindings/TeamDetail";
import type { TeamSummary } from "./bindings/TeamSummary";
import { tOptional } from "./i18n.svelte";

export const api = {
  appStatus: () => invoke<AppStatus>("app_status"),
  setLanguage: (lang: Lang) => invoke<void>("set_language", { lang }),
  firstPaint: () => invoke<number>("first_paint"),
  listTeams: () => invoke<TeamSummary[]>("list_teams"),
  teamDetail: (id: number) => invoke<TeamDetail>("team_detail", { id }),
  createTeam: (name: string) => invoke<TeamSummary>("create_team", { name }),
  renameTeam: (id: number, name: string) => invoke<TeamSummary>("rename_team", { id, name }),
  deletionImpact: (id: number) => invoke<DeletionImpact>("deletion_impact", { id }),
  deleteTeam: (id: number) => invoke<void>("delete_team", { id }),
  verifyLedgers: () => invoke<LedgerStatus[]>("verify_ledgers"),
  consistencyView: (teamId: number, lang: Lang) => invoke<ConsistencyView>("consistency_view", { teamId, lang }),
  exportLogboek: (teamId: number, withIdentities: boolean) =>
    invoke<ExportedLogboek>("export_logboek", { teamId, withIdentities }),
  openLogboek: (bytes: number[], lang: Lang) => invoke<Review>("open_logboek", { bytes, lang }),
  listRubrics: (teamId: number) => invoke<RubricSummary[]>("list_rubrics", { teamId }),
  rubricTemplates: () => invoke<RubricTemplate[]>("rubric_templates"),
  createRubricFromTemplate: (teamId: number, templateId: string) =>
    invoke<RubricVersionView>("create_rubric_from_template", { teamId, templateId }),
  getRubric: (teamId: number, versionId: number) => invoke<RubricVersionView>("get_rubric", { teamId, versionId }),
  saveRubricDraft: (teamId: number, versionId: number, rubric: Rubric) =>
    invoke<RubricVersionView>("save_rubric_draft", { teamId, versionId, rubric }),
  lintRubricDraft: (rubric: Rubric) => invoke<Finding[]>("lint_rubric_draft", { rubric }),
  importRubric: (teamId: number, text: string) => invoke<RubricVersionView>("import_rubric", { teamId, text }),
  exportRubric: (teamId: number, versionId: number) => invoke<string>("export_rubric", { teamId, versionId }),
  freezeRubric: (teamId: number, versionId: number, accepted: AcceptedWarning[]) =>
    invoke<RubricVersionView>("freeze_rubric", { teamId, versionId, accepted }),
  newRubricVersion: (teamId: number, versionId: number) =>
    invoke<RubricVersionView>("new_rubric_version", { teamId, versionId }),
  diffRubricVersions: (teamId: number, oldId: number, newId: number) =>
    invoke<RubricChange[]>("diff_rubric_versions", { teamId, oldId, newId }),
};

export function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "params" in e;
}

/** A message for any failure, in the user's language. */
export function errorMessage(e: unknown): string {
  if (isIpcError(e)) {
    return tOptional(`errors.${e.code}`, e.params) ?? `${tOptional("errors.unknown")} ${e.detail}`;
  }
  return `${tOptional("errors.unknown")} ${String(e)}`;
}
