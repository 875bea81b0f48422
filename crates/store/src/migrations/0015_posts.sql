-- Posts (portefeuilles) a team fills, each on a frozen rubric version: the generic
-- criteria plus a portfolio part (issue 20). A post's rubric is frozen, so a post is
-- never changed; it is removed (while no round uses it) and defined again.
CREATE TABLE posts (
    id                INTEGER PRIMARY KEY,
    team_id           INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    slug              TEXT    NOT NULL CHECK (length(slug) > 0),
    name              TEXT    NOT NULL CHECK (length(name) > 0),
    rubric_version_id INTEGER NOT NULL REFERENCES rubric_versions (id),
    created_at        TEXT    NOT NULL,
    UNIQUE (team_id, slug)
) STRICT;

CREATE TRIGGER posts_are_not_changed BEFORE UPDATE ON posts
BEGIN
    SELECT RAISE(ABORT, 'a post is not changed; remove it and define it again');
END;

-- The posts a round scores, in the chair's order. The round's own JSON keeps each
-- post's weights and rubric hash; this table ties the round to the team's posts, so a
-- post a round used cannot be removed.
CREATE TABLE round_posts (
    team_id  INTEGER NOT NULL,
    round    INTEGER NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 0),
    post_id  INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, round, position),
    UNIQUE (team_id, round, post_id),
    FOREIGN KEY (team_id, round) REFERENCES scoring_rounds (team_id, number) ON DELETE CASCADE
) STRICT;
