-- An owner who forgot the password: `regulars-server reset-password EMAIL` prints a one-time code
-- on the server's console (there is no e-mail sending). Only the code's SHA-256 is kept; a new
-- code replaces the owner's previous one, and using it deletes it.
CREATE TABLE owner_password_resets (
    owner_id   TEXT PRIMARY KEY REFERENCES owners (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
