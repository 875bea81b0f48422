// The team chosen on the Teams screen, shared by the areas that work on one team.
let teamId = $state<number | null>(null);

export const selection = {
  get teamId(): number | null {
    return teamId;
  },
  set teamId(id: number | null) {
    teamId = id;
  },
};
