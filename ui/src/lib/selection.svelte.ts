// The team the user is working on, shared across areas (set on the Teams screen).
export const selection = $state<{ teamId: number | null }>({ teamId: null });
