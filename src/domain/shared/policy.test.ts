import { describe, expect, it } from "vitest";
import { type Action, type Actor, boundPartner, can } from "./policy.ts";

const user = (
  role: Exclude<Actor & { kind: "user" }, never>["role"],
  partnerId: number | null = null,
): Actor => ({
  kind: "user",
  userId: 1,
  role,
  partnerId,
  name: "x",
});
const invitation: Actor = { kind: "invitation", invitationId: 9, cycleId: 1, partnerId: 5 };
const anonymous: Actor = { kind: "anonymous" };

describe("can", () => {
  const unscoped: [Actor, Action, boolean][] = [
    [anonymous, "public.read", true],
    [anonymous, "workspace.read", false],
    [anonymous, "response.read", false],
    [invitation, "workspace.read", false],
    [invitation, "validation.write", false],
    [invitation, "cycle.setup", false],
    [user("respondent", 5), "validation.write", false],
    [user("respondent", 5), "workspace.read", false],
    [user("validator"), "validation.write", true],
    [user("validator"), "response.write", false],
    [user("validator"), "cycle.publish", false],
    [user("programme_manager"), "workspace.read", true],
    [user("programme_manager"), "validation.write", false],
    [user("coordinator"), "cycle.publish", true],
    [user("coordinator"), "user.manage", false],
    [user("admin"), "user.manage", true],
    [anonymous, "health.read", false],
    [invitation, "health.read", false],
    [user("respondent", 5), "health.read", false],
    [user("validator"), "health.read", true],
    [user("validator"), "health.write", false],
    [user("programme_manager"), "health.write", true],
    [user("coordinator"), "health.write", true],
    [anonymous, "programme.read", false],
    [invitation, "programme.read", false],
    [user("respondent", 5), "programme.read", false],
    [user("validator"), "programme.read", false],
    [user("validator"), "programme.write", false],
    [user("programme_manager"), "programme.write", true],
    [user("coordinator"), "programme.write", true],
    [user("admin"), "programme.write", true],
    [anonymous, "programme.private", false],
    [invitation, "programme.private", false],
    [user("respondent", 5), "programme.private", false],
    [user("validator"), "programme.private", false],
    [user("coordinator"), "programme.private", false],
    [user("programme_manager"), "programme.private", true],
    [user("admin"), "programme.private", true],
  ];
  it.each(unscoped)("%o may %s: %s", (actor, action, expected) => {
    expect(can(actor, action, { cycleId: 1, partnerId: 5 })).toBe(expected);
  });

  it("binds a respondent to its own partner", () => {
    expect(can(user("respondent", 5), "response.write", { cycleId: 1, partnerId: 5 })).toBe(true);
    expect(can(user("respondent", 5), "response.write", { cycleId: 1, partnerId: 6 })).toBe(false);
    expect(can(user("respondent", 5), "response.read", {})).toBe(false);
  });

  it("binds an invitation to one partner and one cycle", () => {
    expect(can(invitation, "response.write", { cycleId: 1, partnerId: 5 })).toBe(true);
    expect(can(invitation, "response.write", { cycleId: 2, partnerId: 5 })).toBe(false);
    expect(can(invitation, "response.read", { cycleId: 1, partnerId: 6 })).toBe(false);
  });

  it("lets the coordinator answer for any partner (interviews)", () => {
    expect(can(user("coordinator"), "response.write", { cycleId: 1, partnerId: 6 })).toBe(true);
  });

  it("names the partner an actor is bound to", () => {
    expect(boundPartner(invitation)).toBe(5);
    expect(boundPartner(user("respondent", 7))).toBe(7);
    expect(boundPartner(user("coordinator"))).toBeNull();
    expect(boundPartner(anonymous)).toBeNull();
  });
});
