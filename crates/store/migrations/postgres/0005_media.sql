-- Media monitoring: articles read from the press (their text as read and the claims extracted)
-- and the analysts' decisions on those claims. Keep in step with ../sqlite/0005_media.sql.

-- One row per `article.recorded` entry; `id` is the article's source in `sources`, `story` the
-- first article of its story (its own id when it is the first). `claims` is the JSON list of
-- claims in the claims format.
CREATE TABLE press_articles (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id UUID NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    language TEXT NOT NULL, published_basis TEXT NOT NULL, story UUID NOT NULL, content TEXT NOT NULL, summary TEXT,
    claims TEXT NOT NULL, claim_count BIGINT NOT NULL
);
CREATE UNIQUE INDEX press_articles_id ON press_articles (id);
CREATE INDEX press_articles_story ON press_articles (story);

-- One row per `press_claim.accepted` or `press_claim.dismissed` entry: at most one decision per
-- claim (`id` is the article's).
CREATE TABLE press_decisions (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id UUID NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    claim BIGINT NOT NULL, decision TEXT NOT NULL, record UUID, reason TEXT, note TEXT
);
CREATE UNIQUE INDEX press_decisions_claim ON press_decisions (id, claim);
CREATE INDEX press_decisions_record ON press_decisions (record);
