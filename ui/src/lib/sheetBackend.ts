// Where a score sheet saves to: the team's laptop (the team and its signed-in member),
// or an assignment from a round package on the assessor's own laptop.
import { api } from "./api";
import type { Score } from "./bindings/Score";
import type { Sheet } from "./bindings/Sheet";

export type SheetBackend = {
  save: (round: number, score: Score) => Promise<void>;
  /** `passphrase` only where submitting signs with a personal key. */
  submit: (round: number, passphrase?: string) => Promise<void>;
  /** This assessor's own levels of the previous round, by "candidate|criterion". */
  previousLevels: (round: number, assessor: string) => Promise<Record<string, number>>;
  /** Submitting asks for the passphrase of the personal key. */
  signsWithPassphrase: boolean;
};

const cell = (candidate: string, criterion: string) => `${candidate}|${criterion}`;

export function teamBackend(teamId: number): SheetBackend {
  return {
    save: (round, score) => api.saveScore(teamId, round, score),
    submit: async (round) => {
      await api.submitSheet(teamId, round);
    },
    async previousLevels(round, assessor) {
      const before = await api.roundView(teamId, round - 1);
      const mine: Record<string, number> = {};
      if (before.view !== "revealed") return mine;
      for (const row of before.comparison.candidates) {
        for (const c of row.cells) {
          for (const e of c.entries) {
            if (e.kind === "scored" && e.assessor === assessor) mine[cell(row.code, c.criterion)] = e.level;
          }
        }
      }
      return mine;
    },
    signsWithPassphrase: false,
  };
}

export function assignmentBackend(id: number, previous: Sheet | null): SheetBackend {
  return {
    save: (_round, score) => api.assignmentSaveScore(id, score),
    submit: (_round, passphrase) => api.assignmentSubmit(id, passphrase ?? ""),
    async previousLevels() {
      const mine: Record<string, number> = {};
      for (const s of previous?.scores ?? []) {
        if (s.level !== undefined) mine[cell(s.candidate, s.criterion)] = s.level;
      }
      return mine;
    },
    signsWithPassphrase: true,
  };
}
