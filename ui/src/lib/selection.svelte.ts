// The team chosen on the Teams screen, shared by the areas that work on one team.
export const selection = $state<{ teamId: number | null }>({ teamId: null });
