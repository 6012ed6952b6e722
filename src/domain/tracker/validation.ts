// How long the validation's texts may be: the meeting's title and place, an indicator's progress
// narrative, the comment that sends an answer back. Longer is refused beside its field.
export const MEETING_LIMITS = { title: 300, titleEn: 300, place: 300 } as const;
export const NARRATIVE_LIMITS = { narrative: 5000, narrativeEn: 5000 } as const;
export const COMMENT_LIMITS = { comment: 2000 } as const;
