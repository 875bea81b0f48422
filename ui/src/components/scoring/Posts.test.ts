import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import RoundSetup from "./RoundSetup.svelte";
import AllocationPanel from "./AllocationPanel.svelte";
import { i18n } from "../../lib/i18n.svelte";
import type { ScoringOverview } from "../../lib/bindings/ScoringOverview";
import type { PostSection } from "../../lib/bindings/PostSection";

const overview: ScoringOverview = {
  members: [
    { id: 1, name: "Anneke de Wit", role: "chair", has_pin: true, has_passphrase: false },
    { id: 3, name: "Gerrit Bosma", role: "assessor", has_pin: true, has_passphrase: false },
  ],
  rubrics: [{ id: 5, key: "wethouder-financien", version: 1, title: "Wethouder Financiën", sha256: "abc" }],
  candidates: ["K-1", "K-2"],
  rounds: [],
  selection: {},
  policy: { deviations: [] },
};

const postSummaries = [
  { id: 11, slug: "financien", name: "Financiën", rubric_version_id: 5, rubric_title: "Wethouder Financiën", rubric_version: 1, used: false },
  { id: 12, slug: "wonen", name: "Wonen", rubric_version_id: 6, rubric_title: "Wethouder Wonen", rubric_version: 1, used: false },
];

const sections: PostSection[] = ["financien", "wonen"].map((post, i) => ({
  post,
  name: i === 0 ? "Financiën" : "Wonen",
  weights: [],
  candidates: ["K-1", "K-2", "K-3"].map((code) => ({ code, totals: [], mean_total: 50, knocked_out: false })),
}));

const analysis = (ruledOut: { candidate: string; post: string }[]) => {
  const k1Fin = !ruledOut.some((r) => r.candidate === "K-1" && r.post === "financien");
  const best = k1Fin
    ? [{ candidate: "K-1", post: "financien", score: 70 }, { candidate: "K-2", post: "wonen", score: 65 }]
    : [{ candidate: "K-3", post: "financien", score: 55 }, { candidate: "K-2", post: "wonen", score: 65 }];
  return {
    best: { pairs: best, total: best[0].score + best[1].score },
    runners_up: [{ pairs: [{ candidate: "K-2", post: "financien", score: 60 }, { candidate: "K-1", post: "wonen", score: 58 }], total: 118 }],
    decisive: [{ candidate: best[0].candidate, post: "financien", score: best[0].score, margin: 12.5 }],
    robustness: { resamples: 1000, seed: 20, same: 874, no_allocation: 0, pairs: [["K-1", "financien", 0.9]] },
  };
};

let calls: [string, Record<string, any>][];

beforeEach(() => {
  i18n.lang = "nl";
  calls = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, any>;
    calls.push([cmd, a]);
    if (cmd === "list_posts") return postSummaries;
    if (cmd === "open_round_for_posts") return 1;
    if (cmd === "allocation_advice") return analysis(a.ruledOut);
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

describe("a first round for several posts", () => {
  it("opens on the chosen posts instead of one rubric", async () => {
    let opened: number | null = null;
    render(RoundSetup, { teamId: 1, overview, onopened: (n: number) => (opened = n) });
    await waitFor(() => expect(document.getElementById("setup-post-financien")).toBeTruthy());
    await fireEvent.click(document.getElementById("setup-post-financien")!);
    await fireEvent.click(document.getElementById("setup-post-wonen")!);
    expect((document.getElementById("setup-rubric") as HTMLSelectElement).disabled).toBe(true);
    await fireEvent.click(document.querySelector<HTMLButtonElement>("#round-setup button[type=submit]")!);
    expect(document.getElementById("confirm-open-round-body")!.textContent).toContain("Posten: Financiën, Wonen");
    await fireEvent.click(screen.getByText(/Ja, open ronde 1/));
    const open = calls.find(([cmd]) => cmd === "open_round_for_posts")!;
    expect(open[1].postIds).toEqual([11, 12]);
    expect(open[1].candidates).toEqual(["K-1", "K-2"]);
    expect(calls.some(([cmd]) => cmd === "open_round")).toBe(false);
    expect(opened).toBe(1);
  });
});

describe("the allocation view", () => {
  it("says it advises, shows the best allocation, runners-up, robustness and decisive cells", async () => {
    render(AllocationPanel, { teamId: 1, round: 1, posts: sections, nameOf: () => undefined });
    expect(document.getElementById("allocation-advice")!.textContent).toContain("Het besluit blijft bij het team");
    expect(document.getElementById("allocation-best")).toBeNull();
    await fireEvent.click(screen.getByText("Toewijzing berekenen"));
    await waitFor(() => expect(document.getElementById("allocation-best")).toBeTruthy());
    const fin = document.querySelector("#allocation-best tr[data-post=financien]")!;
    expect(fin.textContent).toContain("Financiën");
    expect(fin.textContent).toContain("K-1");
    expect(document.getElementById("allocation-total")!.textContent).toContain("135,0");
    expect(document.getElementById("allocation-runners-up")!.textContent).toContain("Verdeling 2");
    expect(document.getElementById("allocation-robustness")!.textContent).toContain("874 van de 1000");
    expect(document.getElementById("allocation-decisive")!.textContent).toContain("marge 12,5");
    // The pickers for ruling a pair out start on a candidate and a post, not on nothing.
    const pickCandidate = document.getElementById("rule-out-candidate") as HTMLSelectElement;
    const pickPost = document.getElementById("rule-out-post") as HTMLSelectElement;
    expect(pickCandidate.value).toBe(sections[0].candidates[0].code);
    expect(pickPost.value).toBe(sections[0].post);
  });

  it("recomputes without a pair the team rules out, and allows it again", async () => {
    render(AllocationPanel, { teamId: 1, round: 1, posts: sections, nameOf: () => undefined });
    await fireEvent.click(screen.getByText("Toewijzing berekenen"));
    await waitFor(() => expect(document.getElementById("allocation-best")).toBeTruthy());
    await fireEvent.change(document.getElementById("rule-out-candidate")!, { target: { value: "K-1" } });
    await fireEvent.change(document.getElementById("rule-out-post")!, { target: { value: "financien" } });
    await fireEvent.click(screen.getByText("Paar uitsluiten"));
    await waitFor(() =>
      expect(document.querySelector("#allocation-best tr[data-post=financien]")!.textContent).toContain("K-3"),
    );
    expect(calls.at(-1)![1].ruledOut).toEqual([{ candidate: "K-1", post: "financien" }]);
    await fireEvent.click(screen.getByText("Weer toestaan: K-1 op Financiën"));
    await waitFor(() =>
      expect(document.querySelector("#allocation-best tr[data-post=financien]")!.textContent).toContain("K-1"),
    );
    expect(calls.at(-1)![1].ruledOut).toEqual([]);
  });

  it("shows the refusal in the user's language and keeps nothing stale", async () => {
    clearMocks();
    mockIPC(() => {
      throw { code: "allocation_not_revealed", params: { nl: "Dit kan pas nadat de ronde is vrijgegeven." }, detail: "x" };
    });
    render(AllocationPanel, { teamId: 1, round: 1, posts: sections, nameOf: () => undefined });
    await fireEvent.click(screen.getByText("Toewijzing berekenen"));
    await waitFor(() =>
      expect(document.getElementById("allocation-error")!.textContent).toBe("Dit kan pas nadat de ronde is vrijgegeven."),
    );
    expect(document.getElementById("allocation-best")).toBeNull();
  });
});
