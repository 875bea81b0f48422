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
import type { CandidateIdentity } from "./bindings/CandidateIdentity";
import type { CandidateListItem } from "./bindings/CandidateListItem";
import type { CandidateRemoval } from "./bindings/CandidateRemoval";
import type { IdentityInput } from "./bindings/IdentityInput";
import type { IntakeRubric } from "./bindings/IntakeRubric";
import type { MaterialInput } from "./bindings/MaterialInput";
import type { MaterialReview } from "./bindings/MaterialReview";
import type { Member } from "./bindings/Member";
import type { RedactionChoice } from "./bindings/RedactionChoice";
import type { Role } from "./bindings/Role";
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
  addMember: (teamId: number, name: string, role: Role, party: string | null) =>
    invoke<Member>("add_member", { teamId, name, role, party }),
  updateMember: (teamId: number, memberId: number, name: string, role: Role, party: string | null) =>
    invoke<Member>("update_member", { teamId, memberId, name, role, party }),
  removeMember: (teamId: number, memberId: number) => invoke<void>("remove_member", { teamId, memberId }),
  listCandidates: (teamId: number) => invoke<CandidateListItem[]>("list_candidates", { teamId }),
  intakeRubrics: (teamId: number) => invoke<IntakeRubric[]>("intake_rubrics", { teamId }),
  addCandidate: (teamId: number, identity: IdentityInput, material: MaterialInput[]) =>
    invoke<string>("add_candidate", { teamId, identity, material }),
  candidateIdentity: (teamId: number, code: string) =>
    invoke<CandidateIdentity>("candidate_identity", { teamId, code }),
  materialReview: (teamId: number, materialId: number) =>
    invoke<MaterialReview>("material_review", { teamId, materialId }),
  freezeMaterial: (teamId: number, materialId: number, redactions: RedactionChoice[]) =>
    invoke<MaterialReview>("freeze_material", { teamId, materialId, redactions }),
  candidateRemoval: (teamId: number, code: string) => invoke<CandidateRemoval>("candidate_removal", { teamId, code }),
  deleteCandidate: (teamId: number, code: string) => invoke<void>("delete_candidate", { teamId, code }),
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
