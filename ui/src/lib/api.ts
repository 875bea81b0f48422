// Typed calls to the app's Tauri commands. The types come from Rust (ts-rs).
import { invoke } from "@tauri-apps/api/core";
import type { AppStatus } from "./bindings/AppStatus";
import type { DeletionImpact } from "./bindings/DeletionImpact";
import type { IpcError } from "./bindings/IpcError";
import type { Lang } from "./bindings/Lang";
import type { TeamDetail } from "./bindings/TeamDetail";
import type { TeamSummary } from "./bindings/TeamSummary";
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
  listModules: () => invoke<ModuleSummary[]>("list_modules"),
  moduleView: (id: string) => invoke<ModuleView>("module_view", { id }),
  searchModules: (query: string) => invoke<SearchHit[]>("search_modules", { query }),
  listCases: () => invoke<CaseSummary[]>("list_cases"),
  trainingProgress: (memberId: number) => invoke<ModuleProgress[]>("training_progress", { memberId }),
  markModuleRead: (memberId: number, moduleId: string) => invoke<void>("mark_module_read", { memberId, moduleId }),
  gradeExercise: (memberId: number, moduleId: string, exerciseId: string, answer: Answer) =>
    invoke<GradeOutcome>("grade_exercise", { memberId, moduleId, exerciseId, answer }),
  importContent: (memberId: number, fileName: string, text: string) =>
    invoke<ImportOutcome>("import_content", { memberId, fileName, text }),
  removeContent: (memberId: number, kind: TrainingContentKind, id: string) =>
    invoke<void>("remove_content", { memberId, kind, id }),
  startSession: (teamId: number, trainerId: number, caseId: string, moduleIds: string[], participantIds: number[]) =>
    invoke<SessionSummary>("start_session", { teamId, trainerId, caseId, moduleIds, participantIds }),
  listSessions: (teamId: number) => invoke<SessionSummary[]>("list_sessions", { teamId }),
  sessionSheet: (sessionId: number, memberId: number) => invoke<SessionSheet>("session_sheet", { sessionId, memberId }),
  savePracticeScore: (sessionId: number, memberId: number, round: number, candidate: string, criterion: string, score: number) =>
    invoke<void>("save_practice_score", { sessionId, memberId, round, candidate, criterion, score }),
  advanceSession: (sessionId: number, trainerId: number) => invoke<SessionSummary>("advance_session", { sessionId, trainerId }),
  sessionBoard: (sessionId: number) => invoke<SessionBoard>("session_board", { sessionId }),
  trainingStatus: (teamId: number) => invoke<TrainingStatus>("training_status", { teamId }),
  setMinAgreement: (teamId: number, memberId: number, minimum: number | null) =>
    invoke<TrainingStatus>("set_min_agreement", { teamId, memberId, minimum }),
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
