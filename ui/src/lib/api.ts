// Typed calls to the app's Tauri commands. The types come from Rust (ts-rs).
import { invoke } from "@tauri-apps/api/core";
import type { AcceptedWarning } from "./bindings/AcceptedWarning";
import type { AppStatus } from "./bindings/AppStatus";
import type { RenderedHelp } from "./bindings/RenderedHelp";
import type { ConsistencyView } from "./bindings/ConsistencyView";
import type { ExportRecord } from "./bindings/ExportRecord";
import type { BackupRecord } from "./bindings/BackupRecord";
import type { DeletedFile } from "./bindings/DeletedFile";
import type { DissentNote } from "./bindings/DissentNote";
import type { ReportDoc } from "./bindings/ReportDoc";
import type { RiskAnalysis } from "./bindings/RiskAnalysis";
import type { LedgerStatus } from "./bindings/LedgerStatus";
import type { Review } from "./bindings/Review";
import type { Checkpoint } from "./bindings/Checkpoint";
import type { DeletionImpact } from "./bindings/DeletionImpact";
import type { IpcError } from "./bindings/IpcError";
import type { PostSummary } from "./bindings/PostSummary";
import type { RuledOut } from "./bindings/RuledOut";
import type { AssignmentAnalysis } from "./bindings/AssignmentAnalysis";
import type { Finding } from "./bindings/Finding";
import type { Lang } from "./bindings/Lang";
import type { Rubric } from "./bindings/Rubric";
import type { RubricChange } from "./bindings/RubricChange";
import type { RubricSummary } from "./bindings/RubricSummary";
import type { RubricTemplate } from "./bindings/RubricTemplate";
import type { RubricVersionView } from "./bindings/RubricVersionView";
import type { AccessView } from "./bindings/AccessView";
import type { NewOfficer } from "./bindings/NewOfficer";
import type { SealState } from "./bindings/SealState";
import type { ClosingReport } from "./bindings/ClosingReport";
import type { AssignmentSummary } from "./bindings/AssignmentSummary";
import type { AssignmentView } from "./bindings/AssignmentView";
import type { ExchangeStatus } from "./bindings/ExchangeStatus";
import type { PackageImport } from "./bindings/PackageImport";
import type { Received } from "./bindings/Received";
import type { ErasureReason } from "./bindings/ErasureReason";
import type { Retention } from "./bindings/Retention";
import type { Strength } from "./bindings/Strength";
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
import type { AssessorChoice } from "./bindings/AssessorChoice";
import type { BalanceRule } from "./bindings/BalanceRule";
import type { OwnPartyReport } from "./bindings/OwnPartyReport";
import type { NextRoundPlan } from "./bindings/NextRoundPlan";
import type { BlindedCandidate } from "./bindings/BlindedCandidate";
import type { ConflictAction } from "./bindings/ConflictAction";
import type { ConflictKind } from "./bindings/ConflictKind";
import type { ConflictPolicy } from "./bindings/ConflictPolicy";
import type { PortfolioChoice } from "./bindings/PortfolioChoice";
import type { RoundView } from "./bindings/RoundView";
import type { Score } from "./bindings/Score";
import type { ScoringScreen } from "./bindings/ScoringScreen";
import type { SelectionState } from "./bindings/SelectionState";
import type { StoredDeclaration } from "./bindings/StoredDeclaration";
import type { UnblindedCandidate } from "./bindings/UnblindedCandidate";
import { i18n, tOptional } from "./i18n.svelte";
import type { Answer } from "./bindings/Answer";
import type { CaseSummary } from "./bindings/CaseSummary";
import type { GradeOutcome } from "./bindings/GradeOutcome";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ModuleProgress } from "./bindings/ModuleProgress";
import type { ModuleSummary } from "./bindings/ModuleSummary";
import type { ModuleView } from "./bindings/ModuleView";
import type { SearchHit } from "./bindings/SearchHit";
import type { SessionBoard } from "./bindings/SessionBoard";
import type { SessionSheet } from "./bindings/SessionSheet";
import type { SessionSummary } from "./bindings/SessionSummary";
import type { TrainingContentKind } from "./bindings/TrainingContentKind";
import type { TrainingStatus } from "./bindings/TrainingStatus";
import type { PracticeEntry } from "./bindings/PracticeEntry";


/** What a reviewer brings to review mode from before: the chair's fingerprint, earlier
 *  logboek files and checkpoint codes from the minutes (empty when they have none). */
export type ReviewAgainst = { expectedKey: string | null; previous: number[][]; checkpoints: string[] };

export const api = {
  appStatus: () => invoke<AppStatus>("app_status"),
  setLanguage: (lang: Lang) => invoke<void>("set_language", { lang }),
  finishTour: () => invoke<void>("finish_tour"),
  helpPage: (area: string, lang: Lang) => invoke<RenderedHelp>("help_page", { area, lang }),
  firstPaint: () => invoke<number>("first_paint"),
  listTeams: () => invoke<TeamSummary[]>("list_teams"),
  teamDetail: (id: number) => invoke<TeamDetail>("team_detail", { id }),
  createTeam: (name: string, chair: NewOfficer) => invoke<TeamSummary>("create_team", { name, chair }),
  renameTeam: (id: number, name: string) => invoke<TeamSummary>("rename_team", { id, name }),
  deletionImpact: (id: number) => invoke<DeletionImpact>("deletion_impact", { id }),
  deleteTeam: (id: number) => invoke<void>("delete_team", { id }),
  accessView: (teamId: number) => invoke<AccessView>("access_view", { teamId }),
  signIn: (teamId: number, memberId: number, secret: string) =>
    invoke<void>("sign_in", { teamId, memberId, secret }),
  eraseCandidate: (teamId: number, code: string, reason: ErasureReason) =>
    invoke<void>("erase_candidate", { teamId, code, reason }),
  exportPersonalCopy: (teamId: number, code: string) =>
    invoke<string | null>("export_personal_copy", { teamId, code }),
  exportProcessingRecord: (teamId: number) => invoke<string | null>("export_processing_record", { teamId }),
  retention: (teamId: number) => invoke<Retention>("retention", { teamId }),
  setRetention: (teamId: number, date: string, reason: string) =>
    invoke<Retention>("set_retention", { teamId, date, reason }),
  closeFormation: (teamId: number, keepAppointed: boolean, deleteExports: number[]) =>
    invoke<ClosingReport>("close_formation", { teamId, keepAppointed, deleteExports }),
  exchangeStatus: (teamId: number, round: number) => invoke<ExchangeStatus>("exchange_status", { teamId, round }),
  saveRoundPackage: (teamId: number, round: number, memberId: number) =>
    invoke<string | null>("save_round_package", { teamId, round, memberId }),
  saveRevealPackage: (teamId: number, round: number) => invoke<string | null>("save_reveal_package", { teamId, round }),
  importTeamPackage: (teamId: number) => invoke<PackageImport | null>("import_team_package", { teamId }),
  resolvePackageConflict: (teamId: number, packageId: number, takePackage: boolean, reason: string) =>
    invoke<void>("resolve_package_conflict", { teamId, packageId, takePackage, reason }),
  revokeAssessorKey: (teamId: number, memberId: number, reason: string) =>
    invoke<void>("revoke_assessor_key", { teamId, memberId, reason }),
  receivePackage: () => invoke<Received | null>("receive_package"),
  receivePendingPackage: (passphrase: string, repeated: string) =>
    invoke<Received>("receive_pending_package", { passphrase, repeated }),
  assignments: () => invoke<AssignmentSummary[]>("assignments"),
  assignment: (id: number) => invoke<AssignmentView>("assignment", { id }),
  assignmentSaveScore: (id: number, score: Score) => invoke<void>("assignment_save_score", { id, score }),
  assignmentDeclare: (id: number, candidate: string, kind: ConflictKind, note: string | null) =>
    invoke<void>("assignment_declare", { id, candidate, kind, note }),
  assignmentSubmit: (id: number, passphrase: string) => invoke<void>("assignment_submit", { id, passphrase }),
  saveScorePackage: (id: number) => invoke<string | null>("save_score_package", { id }),
  saveKeyFile: (id: number, passphrase: string) => invoke<string | null>("save_key_file", { id, passphrase }),
  assignmentNewKey: (id: number, passphrase: string, repeated: string) =>
    invoke<string | null>("assignment_new_key", { id, passphrase, repeated }),
  sealState: (teamId: number) => invoke<SealState>("seal_state", { teamId }),
  sealTeam: (teamId: number, officerId: number, passphrase: string, repeated: string) =>
    invoke<SealState>("seal_team", { teamId, officerId, passphrase, repeated }),
  grantAccess: (teamId: number, memberId: number, passphrase: string, repeated: string) =>
    invoke<SealState>("grant_access", { teamId, memberId, passphrase, repeated }),
  passphraseStrength: (passphrase: string, personal: string[]) =>
    invoke<Strength>("passphrase_strength", { passphrase, personal }),
  signOut: (teamId: number) => invoke<void>("sign_out", { teamId }),
  setFirstPin: (teamId: number, memberId: number, pin: string) =>
    invoke<void>("set_first_pin", { teamId, memberId, pin }),
  resetPin: (teamId: number, memberId: number) => invoke<AccessView>("reset_pin", { teamId, memberId }),
  setOfficersScore: (teamId: number, officersScore: boolean) =>
    invoke<AccessView>("set_officers_score", { teamId, officersScore }),
  verifyLedgers: () => invoke<LedgerStatus[]>("verify_ledgers"),
  consistencyView: (teamId: number, lang: Lang) => invoke<ConsistencyView>("consistency_view", { teamId, lang }),
  exportLogboek: (teamId: number, withIdentities: boolean) =>
    invoke<ExportRecord | null>("export_logboek", { teamId, withIdentities }),
  listExports: (teamId: number) => invoke<ExportRecord[]>("list_exports", { teamId }),
  listBackups: () => invoke<BackupRecord[]>("list_backups"),
  deleteExport: (teamId: number, exportId: number) => invoke<DeletedFile>("delete_export", { teamId, exportId }),
  deleteBackup: (teamId: number, fileName: string) => invoke<DeletedFile>("delete_backup", { teamId, fileName }),
  reportPreview: (teamId: number, lang: Lang, withNames: boolean) =>
    invoke<ReportDoc>("report_preview", { teamId, choice: { round: null, lang, with_names: withNames } }),
  exportReport: (teamId: number, lang: Lang, withNames: boolean, format: "pdf" | "html") =>
    invoke<ExportRecord | null>("export_report", { teamId, choice: { round: null, lang, with_names: withNames }, format }),
  listDissents: (teamId: number) => invoke<DissentNote[]>("list_dissents", { teamId }),
  recordDissent: (teamId: number, text: string) => invoke<DissentNote>("record_dissent", { teamId, text }),
  listRiskAnalyses: (teamId: number) => invoke<RiskAnalysis[]>("list_risk_analyses", { teamId }),
  recordRiskAnalysis: (teamId: number, code: string) => invoke<void>("record_risk_analysis", { teamId, code }),
  openExportFolder: (teamId: number, exportId: number) => invoke<void>("open_export_folder", { teamId, exportId }),
  openLogboek: (bytes: number[], lang: Lang, against: ReviewAgainst) =>
    invoke<Review>("open_logboek", { bytes, lang, ...against }),
  teamCheckpoints: (teamId: number) => invoke<Checkpoint[]>("team_checkpoints", { teamId }),
  listRubrics: (teamId: number) => invoke<RubricSummary[]>("list_rubrics", { teamId }),
  rubricTemplates: () => invoke<RubricTemplate[]>("rubric_templates"),
  createRubricFromTemplate: (teamId: number, templateId: string) =>
    invoke<RubricVersionView>("create_rubric_from_template", { teamId, templateId }),
  getRubric: (teamId: number, versionId: number) => invoke<RubricVersionView>("get_rubric", { teamId, versionId }),
  saveRubricDraft: (teamId: number, versionId: number, rubric: Rubric) =>
    invoke<RubricVersionView>("save_rubric_draft", { teamId, versionId, rubric }),
  lintRubricDraft: (rubric: Rubric) => invoke<Finding[]>("lint_rubric_draft", { rubric }),
  importRubric: (teamId: number, text: string) => invoke<RubricVersionView>("import_rubric", { teamId, text }),
  exportRubric: (teamId: number, versionId: number, fileName: string) =>
    invoke<ExportRecord | null>("export_rubric", { teamId, versionId, fileName }),
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
  scoringScreen: (teamId: number) => invoke<ScoringScreen>("scoring_screen", { teamId }),
  roundView: (teamId: number, round: number) => invoke<RoundView>("round_view", { teamId, round }),
  roundMaterial: (teamId: number, round: number) => invoke<BlindedCandidate[]>("round_material", { teamId, round }),
  openRound: (teamId: number, rubricVersionId: number, candidates: string[], assessors: AssessorChoice[], balance: BalanceRule[] = []) =>
    invoke<number>("open_round", { teamId, rubricVersionId, candidates, assessors, balance }),
  listPosts: (teamId: number) => invoke<PostSummary[]>("list_posts", { teamId }),
  definePost: (teamId: number, name: string, rubricVersionId: number) =>
    invoke<PostSummary[]>("define_post", { teamId, name, rubricVersionId }),
  removePost: (teamId: number, postId: number) => invoke<PostSummary[]>("remove_post", { teamId, postId }),
  openRoundForPosts: (teamId: number, postIds: number[], candidates: string[], assessors: AssessorChoice[], balance: BalanceRule[] = []) =>
    invoke<number>("open_round_for_posts", { teamId, postIds, candidates, assessors, balance }),
  allocationAdvice: (teamId: number, round: number, ruledOut: RuledOut[] = []) =>
    invoke<AssignmentAnalysis>("allocation_advice", { teamId, round, ruledOut }),
  nextRoundPlan: (teamId: number) => invoke<NextRoundPlan | null>("next_round_plan", { teamId }),
  openNextRound: (teamId: number, candidates: string[], assessors: AssessorChoice[], balance: BalanceRule[] = []) =>
    invoke<number>("open_next_round", { teamId, candidates, assessors, balance }),
  saveScore: (teamId: number, round: number, score: Score) => invoke<void>("save_score", { teamId, round, score }),
  submitSheet: (teamId: number, round: number) => invoke<RoundView>("submit_sheet", { teamId, round }),
  closeRound: (teamId: number, round: number) => invoke<RoundView>("close_round", { teamId, round }),
  revealRound: (teamId: number, round: number) => invoke<RoundView>("reveal_round", { teamId, round }),
  exportComparisonHtml: (teamId: number, round: number) =>
    invoke<ExportRecord | null>("export_comparison_html", { teamId, round }),
  printComparison: (teamId: number, round: number) => invoke<ExportRecord>("print_comparison", { teamId, round }),
  declareConflict: (teamId: number, candidate: string, kind: ConflictKind, note: string | null) =>
    invoke<StoredDeclaration>("declare_conflict", { teamId, candidate, kind, note }),
  conflictDeclarations: (teamId: number) => invoke<StoredDeclaration[]>("conflict_declarations", { teamId }),
  setConflictRule: (teamId: number, kind: ConflictKind, action: ConflictAction, reason: string) =>
    invoke<ConflictPolicy>("set_conflict_rule", { teamId, kind, action, reason }),
  overrideConflict: (teamId: number, declarationId: number, action: ConflictAction, reason: string) =>
    invoke<StoredDeclaration>("override_conflict", { teamId, declarationId, action, reason }),
  recordDecision: (teamId: number, choices: PortfolioChoice[]) =>
    invoke<SelectionState>("record_decision", { teamId, choices }),
  unblind: (teamId: number, reason: string) => invoke<UnblindedCandidate[]>("unblind", { teamId, reason }),
  unblindedCandidates: (teamId: number) => invoke<UnblindedCandidate[]>("unblinded_candidates", { teamId }),
  ownPartyLeniency: (teamId: number) => invoke<OwnPartyReport>("own_party_leniency", { teamId }),
  listModules: () => invoke<ModuleSummary[]>("list_modules"),
  moduleView: (id: string) => invoke<ModuleView>("module_view", { id }),
  searchModules: (query: string) => invoke<SearchHit[]>("search_modules", { query }),
  listCases: () => invoke<CaseSummary[]>("list_cases"),
  trainingProgress: (memberId: number) => invoke<ModuleProgress[]>("training_progress", { memberId }),
  markModuleRead: (teamId: number, moduleId: string) => invoke<void>("mark_module_read", { teamId, moduleId }),
  gradeExercise: (teamId: number, moduleId: string, exerciseId: string, answer: Answer) =>
    invoke<GradeOutcome>("grade_exercise", { teamId, moduleId, exerciseId, answer }),
  importContent: (teamId: number, fileName: string, text: string) =>
    invoke<ImportOutcome>("import_content", { teamId, fileName, text }),
  removeContent: (teamId: number, kind: TrainingContentKind, id: string) =>
    invoke<void>("remove_content", { teamId, kind, id }),
  startSession: (teamId: number, caseId: string, moduleIds: string[], participantIds: number[]) =>
    invoke<SessionSummary>("start_session", { teamId, caseId, moduleIds, participantIds }),
  listSessions: (teamId: number) => invoke<SessionSummary[]>("list_sessions", { teamId }),
  sessionSheet: (teamId: number, sessionId: number) => invoke<SessionSheet>("session_sheet", { teamId, sessionId }),
  savePracticeScore: (teamId: number, sessionId: number, practice: PracticeEntry) =>
    invoke<void>("save_practice_score", { teamId, sessionId, practice }),
  advanceSession: (teamId: number, sessionId: number) => invoke<SessionSummary>("advance_session", { teamId, sessionId }),
  sessionBoard: (sessionId: number) => invoke<SessionBoard>("session_board", { sessionId }),
  trainingStatus: (teamId: number) => invoke<TrainingStatus>("training_status", { teamId }),
  setMinAgreement: (teamId: number, minimum: number | null) =>
    invoke<TrainingStatus>("set_min_agreement", { teamId, minimum }),
};

export function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "params" in e;
}

/** A message for any failure, in the user's language. */
export function errorMessage(e: unknown): string {
  if (isIpcError(e)) {
    // Core rules (scoring, conflicts, PINs, access, sealing, privacy, retention, dissent, allocation) bring their own message in both languages.
    const own = e.params[i18n.lang];
    if (own !== undefined && /^(scoring|conflict|pin|access|sealing|privacy|retention|balance|leniency|package|assignment|allocation|dissent)_/.test(e.code)) return own;
    return tOptional(`errors.${e.code}`, e.params) ?? `${tOptional("errors.unknown")} ${e.detail}`;
  }
  return `${tOptional("errors.unknown")} ${String(e)}`;
}
