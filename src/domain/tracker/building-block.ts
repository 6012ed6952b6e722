// The six WHO health-system building blocks by which process indicators are categorised.
export const BUILDING_BLOCKS = [
  "leadership_governance",
  "service_delivery",
  "health_information",
  "health_financing",
  "health_workforce",
  "essential_medicines",
] as const;

export type BuildingBlock = (typeof BUILDING_BLOCKS)[number];

export function isBuildingBlock(value: string): value is BuildingBlock {
  return (BUILDING_BLOCKS as readonly string[]).includes(value);
}
