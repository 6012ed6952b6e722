// Assessment statuses of a process indicator: the Motion Tracker traffic light plus "not assessed".
export const STATUSES = ["achieved", "on_track", "off_track", "not_assessed"] as const;

export type Status = (typeof STATUSES)[number];

/** Traffic-light colour of each status, as the methodology codes it. */
export const STATUS_COLOUR: Record<Status, "green" | "yellow" | "red" | "grey"> = {
  achieved: "green",
  on_track: "yellow",
  off_track: "red",
  not_assessed: "grey",
};

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** A yellow or red status must say why: the validators write a progress narrative. */
export function statusNeedsNarrative(status: Status): boolean {
  return status === "on_track" || status === "off_track";
}
