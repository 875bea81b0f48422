import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import DecisionPanel from "./DecisionPanel.svelte";

afterEach(() => clearMocks());

function recorded(): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    mockIPC((cmd, args) => {
      if (cmd === "record_decision") {
        resolve(args as Record<string, unknown>);
        return { decision: null };
      }
      throw new Error(`unexpected command ${cmd}`);
    });
  });
}

const props = {
  teamId: 1,
  isChair: true,
  canDecide: true,
  candidates: ["K-1", "K-2"],
  selection: {},
  onchanged: () => {},
};

describe("the decision", () => {
  it("in a round for several posts has one choice per post, named as the round names it", async () => {
    const args = recorded();
    const { container } = render(DecisionPanel, { ...props, posts: ["Financiën", "Wonen"] });
    const first = container.querySelector("#portfolio-0") as HTMLSelectElement;
    expect(first.tagName).toBe("SELECT");
    expect([...first.options].map((o) => o.value)).toEqual(["Financiën", "Wonen"]);
    expect((container.querySelector("#portfolio-1") as HTMLSelectElement).value).toBe("Wonen");
    expect(container.querySelector("#add-portfolio")).toBeNull();
    await fireEvent.click(container.querySelector("#choose-0-K-2")!);
    await fireEvent.input(container.querySelector("#decision-reason-0")!, { target: { value: "Sterkst op begroting." } });
    await fireEvent.click(container.querySelector("#choose-1-K-1")!);
    await fireEvent.input(container.querySelector("#decision-reason-1")!, { target: { value: "Sterkst op wonen." } });
    await fireEvent.click(screen.getByRole("button", { name: /vastleggen|record/i }));
    const sent = await args;
    expect(sent.choices).toEqual([
      { portfolio: "Financiën", candidates: ["K-2"], reason: "Sterkst op begroting." },
      { portfolio: "Wonen", candidates: ["K-1"], reason: "Sterkst op wonen." },
    ]);
  });

  it("on one rubric the post is typed, and more can be added", async () => {
    const { container } = render(DecisionPanel, props);
    expect((container.querySelector("#portfolio-0") as HTMLElement).tagName).toBe("INPUT");
    await fireEvent.click(container.querySelector("#add-portfolio")!);
    await waitFor(() => expect(container.querySelector("#portfolio-1")).not.toBeNull());
  });
});
