import { afterEach, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { reportFirstPaint } from "./firstPaint";

afterEach(() => clearMocks());

const frameThenTask = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 10)));

it("tells the app after the next frame, and only the first time it is asked", async () => {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    return 1;
  });
  reportFirstPaint();
  reportFirstPaint();
  expect(calls).toEqual([]);
  await frameThenTask();
  reportFirstPaint();
  await frameThenTask();
  expect(calls).toEqual(["first_paint"]);
});
